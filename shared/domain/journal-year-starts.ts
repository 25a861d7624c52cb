import { z } from 'zod';
import { freeTextSchema } from './validation/free-text.js';

/** A journal's first number of a year when it continues a paper journal (section E). */
export const journalYearStartInputSchema = z
  .object({
    journalId: z.string().min(1),
    /** The paper journal's last number that year; the desk's first entry takes the next one. */
    paperLastNumber: z.number().int().min(1).max(999_999),
    /** Who closed the paper journal (name and position), as written under its last entry. */
    paperClosedBy: freeTextSchema(200, 3),
  })
  .strict();

export const journalYearStartSchema = z.object({
  journalId: z.string(),
  year: z.number().int(),
  firstNumber: z.number().int(),
  paperLastNumber: z.number().int(),
  paperClosedBy: z.string(),
  setAt: z.string(),
  setBy: z.string(),
  setByName: z.string(),
});
export type JournalYearStart = z.infer<typeof journalYearStartSchema>;
