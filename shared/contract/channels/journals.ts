import { z } from 'zod';
import { defineChannel } from '../define.js';
import { journalSchema, nomenclatureIndexSchema, numberFormatSchema } from '../../domain/directories-core.js';
import { entrySortSchema } from '../../domain/entry.js';
import { journalYearStartInputSchema, journalYearStartSchema } from '../../domain/journal-year-starts.js';
import { freeTextSchema } from '../../domain/validation/free-text.js';

const titleSchema = freeTextSchema(300, 3);
const sortsSchema = z.array(entrySortSchema).min(1).max(3);

export const journalsChannels = {
  'journals.list': defineChannel({
    input: z.object({ officeId: z.string().min(1).optional() }).strict(),
    output: z.object({ items: z.array(journalSchema) }),
    access: 'session',
    mutates: false,
    summary: 'Journals with their nomenclature index (R7.11); a remote administrator sees only their office.',
  }),
  'journals.create': defineChannel({
    input: z
      .object({ officeId: z.string().min(1), index: nomenclatureIndexSchema, title: titleSchema, sorts: sortsSchema, numberFormat: numberFormatSchema.optional() })
      .strict(),
    output: journalSchema,
    access: ['head'],
    mutates: true,
    summary: 'Open a journal with its own numbering (head only).',
  }),
  'journals.update': defineChannel({
    input: z
      .object({
        id: z.string().min(1),
        officeId: z.string().min(1).optional(),
        index: nomenclatureIndexSchema.optional(),
        title: titleSchema.optional(),
        sorts: sortsSchema.optional(),
        numberFormat: numberFormatSchema.nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: journalSchema,
    access: ['head'],
    mutates: true,
    summary: 'Edit a journal (head only); office and index are fixed once it holds entries.',
  }),
  'journals.yearStarts.list': defineChannel({
    input: z.object({ journalId: z.string().min(1) }).strict(),
    output: z.array(journalYearStartSchema),
    access: 'session',
    mutates: false,
    summary: 'The years in which the journal continued a paper one, with their first numbers.',
  }),
  'journals.yearStarts.set': defineChannel({
    input: journalYearStartInputSchema,
    output: journalYearStartSchema,
    access: ['head'],
    mutates: true,
    summary: 'Continue a paper journal: this year’s first entry takes the paper journal’s last number + 1 (once, before any entry of the year; head only).',
  }),
} as const;
