import { z } from 'zod';
import { defineChannel } from '../define.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import { genderSchema, personNameSchema } from '../../domain/person.js';

export const declinedFormsSchema = z.object({
  /** Null when the name does not tell the gender: the form asks the administrator. */
  gender: genderSchema.nullable(),
  nominative: z.string(),
  dative: z.string(),
  genitive: z.string(),
});
export type DeclinedFormsShape = z.infer<typeof declinedFormsSchema>;

export const declensionChannels = {
  'declension.decline': defineChannel({
    input: personNameSchema.extend({ gender: genderSchema.optional() }).strict(),
    output: declinedFormsSchema,
    access: STAFF_ROLES,
    mutates: false,
    summary: 'Dative and genitive of a full name («видана гр. Шевченку Тарасу Григоровичу»), gender from the patronymic or asked.',
  }),
} as const;
