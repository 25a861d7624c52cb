import { z } from 'zod';
import { defineChannel } from '../define.js';
import { nomenclatureIndexSchema, officeCodeSchema } from '../../domain/directories-core.js';
import { councilRequisitesSchema } from '../../domain/requisites.js';
import { freeTextSchema } from '../../domain/validation/free-text.js';

export const passwordSchema = z.string().min(10, 'validation.password.tooShort').max(200);
export const loginNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,40}$/, 'validation.login.format');

export const setupChannels = {
  'setup.status': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ needsSetup: z.boolean(), trainingMode: z.boolean() }),
    access: 'public',
    mutates: false,
    summary: 'Whether the register still needs the first-run setup.',
  }),
  'setup.run': defineChannel({
    input: z
      .object({
        requisites: councilRequisitesSchema,
        centralOffice: z.object({ name: freeTextSchema(200, 2), code: officeCodeSchema }),
        journal: z.object({
          index: nomenclatureIndexSchema,
          title: freeTextSchema(300, 3),
        }),
        head: z.object({
          login: loginNameSchema,
          fullName: freeTextSchema(200, 3),
          password: passwordSchema,
        }),
        /** R7.10: who signs certificates with the «Для довідок» seal from today; may be added later in «Довідники». */
        signatory: z
          .object({ fullName: freeTextSchema(200, 3), position: freeTextSchema(200, 2), sealName: freeTextSchema(200, 2) })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ officeId: z.string(), journalId: z.string(), userId: z.string() }),
    access: 'public',
    mutates: true,
    summary: 'First run: council requisites, the central office and journal, the first head account and, when given, the first signatory. Refused once done.',
  }),
} as const;
