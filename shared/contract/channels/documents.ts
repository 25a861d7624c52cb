import { z } from 'zod';
import { defineChannel } from '../define.js';
import { entrySortSchema, kindIdSchema } from '../../domain/entry.js';
import { firstBadEntrySchema } from './journal.js';

/** What a verified paper is, without personal data beyond initials (anyone may ask). */
export const verifiedEntrySummarySchema = z.object({
  id: z.string(),
  printedNumber: z.string(),
  /** The document's date, yyyy-mm-dd. */
  date: z.string(),
  initials: z.string(),
  officeCode: z.string(),
  journalIndex: z.string(),
  sort: entrySortSchema,
  kinds: z.array(kindIdSchema),
});

export const forgeryReasons = ['malformed', 'unknown_office', 'bad_signature', 'fields_mismatch', 'code_mismatch'] as const;

/** A journal page's witness code (its footer) against the register and its signed checkpoints. */
export const witnessVerdictSchema = z.object({
  /** held: the register still holds exactly what the page witnessed; held_fault_later: those entries do, a later one is not sound; changed: the page is genuine but the register no longer holds it. */
  state: z.enum(['held', 'held_fault_later', 'changed', 'unknown']),
  journalIndex: z.string().optional(),
  officeCode: z.string().optional(),
  /** The page's last entry. */
  printedNumber: z.string().optional(),
  localDate: z.string().optional(),
  /** When the signed checkpoint the register agrees with (held) or that named the page's entry (changed) was signed. */
  checkpointAt: z.string().optional(),
  signedAt: z.string().optional(),
  fault: firstBadEntrySchema.optional(),
});

export const verificationResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('valid'), entry: verifiedEntrySummarySchema }),
  z.object({
    status: z.literal('annulled'),
    entry: verifiedEntrySummarySchema,
    annulledAt: z.string(),
    replacedBy: z.string().optional(),
  }),
  z.object({ status: z.literal('forged'), reason: z.enum(forgeryReasons) }),
  z.object({
    status: z.literal('unknown'),
    /** A remote office's paper whose entry has not come with a bundle yet: the office and its last bundle. */
    awaiting: z.object({ officeCode: z.string(), officeName: z.string(), lastBundleAt: z.string().nullable() }).optional(),
  }),
  z.object({ status: z.literal('witness'), witness: witnessVerdictSchema }),
]);

export const officePublicKeySchema = z.object({
  officeCode: z.string(),
  publicKeyPem: z.string(),
  fingerprint: z.string(),
});

export const documentsChannels = {
  'documents.verify': defineChannel({
    input: z.object({ text: z.string().trim().min(1).max(2000) }).strict(),
    output: verificationResultSchema,
    access: 'session',
    mutates: false,
    summary: 'Check a paper by its QR text or short code: valid, annulled (with the replacing entry), forged or unknown; or a journal page by its 16-character witness code: whether the register still holds what the page witnessed.',
  }),
  'documents.publicKeys': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ keys: z.array(officePublicKeySchema), pdfBase64: z.string() }),
    access: 'session',
    mutates: false,
    summary: "The offices' public verification keys, and a printable PDF of them for the council's website.",
  }),
} as const;
