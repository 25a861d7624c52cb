import { z } from 'zod';
import { defineChannel } from '../define.js';
import { entryRecordSchema, entrySortSchema, entryStatusSchema, kindIdSchema } from '../../domain/entry.js';
import { isoDateSchema } from '../../domain/person.js';

export const firstBadEntrySchema = z.object({
  entryId: z.string().nullable(),
  year: z.number().int(),
  number: z.number().int(),
  printedNumber: z.string(),
  /** The last three: the register contradicts its latest signed checkpoint, kept outside it. */
  reason: z.enum(['hash_mismatch', 'broken_link', 'gap', 'duplicate', 'rewritten', 'tail_cut', 'old_copy']),
  expectedNumber: z.number().int().optional(),
  missingPrintedNumber: z.string().optional(),
  /** When the checkpoint the register contradicts was signed. */
  checkpointAt: z.string().optional(),
});

/** The signed checkpoint a sound journal agrees with, and the restore it counts from. */
export const checkpointAgreementSchema = z.object({
  size: z.number().int().nonnegative(),
  at: z.string(),
  restored: z.object({ at: z.string(), from: z.string() }).optional(),
});

export const verifyResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), firstBad: firstBadEntrySchema }),
]);

export const dayTotalsSchema = z.object({
  localDate: isoDateSchema,
  journals: z.array(
    z.object({
      journalId: z.string(),
      journalIndex: z.string(),
      officeId: z.string(),
      total: z.number().int(),
      certificates: z.number().int(),
      certifications: z.number().int(),
      refusals: z.number().int(),
      handedOver: z.number().int(),
      annulled: z.number().int(),
      firstPrintedNumber: z.string(),
      lastPrintedNumber: z.string(),
    }),
  ),
});

export const journalChannels = {
  'journal.search': defineChannel({
    input: z
      .object({
        text: z.string().max(200).optional(),
        dateFrom: isoDateSchema.optional(),
        dateTo: isoDateSchema.optional(),
        journalId: z.string().min(1).optional(),
        officeId: z.string().min(1).optional(),
        kind: kindIdSchema.optional(),
        sort: entrySortSchema.optional(),
        status: entryStatusSchema.optional(),
        createdBy: z.string().min(1).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      })
      .strict(),
    output: z.object({
      items: z.array(entryRecordSchema),
      total: z.number().int().nonnegative(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
    access: 'session',
    mutates: false,
    summary: 'Full-text search over names, addresses and numbers with filters, newest first, paged; case-insensitive, apostrophe variants alike.',
  }),
  'journal.dayTotals': defineChannel({
    input: z.object({ localDate: isoDateSchema }).strict(),
    output: dayTotalsSchema,
    access: 'session',
    mutates: false,
    summary: "A Kyiv day's counts per journal, with its first and last number, for closing the day.",
  }),
  'journal.verify': defineChannel({
    input: z.object({ journalId: z.string().min(1) }).strict(),
    output: verifyResultSchema,
    access: 'session',
    mutates: false,
    summary: "Check a journal's numbering and hash chain; reports the first entry that does not match (R7.7).",
  }),
} as const;
