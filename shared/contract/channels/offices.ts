import { z } from 'zod';
import { defineChannel } from '../define.js';
import { officeCodeSchema, officeKindSchema, officeSchema } from '../../domain/directories-core.js';
import { freeTextSchema } from '../../domain/validation/free-text.js';

const nameSchema = freeTextSchema(200, 2);
const districtSchema = freeTextSchema(200, 2);

export const officesChannels = {
  'offices.list': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(officeSchema) }),
    access: 'session',
    mutates: false,
    summary: 'The central ЦНАП and the remote workplaces.',
  }),
  'offices.create': defineChannel({
    input: z.object({ code: officeCodeSchema, name: nameSchema, kind: officeKindSchema, starostaDistrict: districtSchema.optional() }).strict(),
    output: officeSchema,
    access: ['head'],
    mutates: true,
    summary: 'Add an office (head only).',
  }),
  'offices.update': defineChannel({
    input: z
      .object({
        id: z.string().min(1),
        code: officeCodeSchema.optional(),
        name: nameSchema.optional(),
        kind: officeKindSchema.optional(),
        starostaDistrict: districtSchema.nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: officeSchema,
    access: ['head'],
    mutates: true,
    summary: 'Edit an office (head only).',
  }),
} as const;
