import { z } from 'zod';
import { defineChannel } from '../define.js';
import { councilRequisitesSchema } from '../../domain/requisites.js';

/** The council's requisites (name, code, address, emblem) printed in every document header. */
export const requisitesChannels = {
  'requisites.get': defineChannel({
    input: z.object({}).strict(),
    output: councilRequisitesSchema,
    access: 'session',
    mutates: false,
    summary: "The council's requisites printed in document headers.",
  }),
  'requisites.update': defineChannel({
    input: councilRequisitesSchema.strict(),
    output: councilRequisitesSchema,
    access: ['head'],
    mutates: true,
    summary: "Change the council's requisites (head only); entries already issued keep their snapshot.",
  }),
} as const;
