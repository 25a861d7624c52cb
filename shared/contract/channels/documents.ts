import { z } from 'zod';
import { defineChannel } from '../define.js';
import { entrySortSchema, kindIdSchema } from '../../domain/entry.js';
import { isoDateSchema } from '../../domain/person.js';
import { issueCertificateInputSchema } from './entries.js';
import { firstBadEntrySchema } from './journal.js';
import { jobStartedSchema } from './job-started.js';

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

/** Checking a paper, and the offices' public keys to check it with (anyone may ask). */
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

export const pdfFileSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });
const STAFF = ['head', 'admin', 'remote_admin'] as const;

/** Rendering PDFs of entries, drafts and journal pages (the printing service). */
export const printingChannels = {
  'documents.render': defineChannel({
    input: z
      .object({
        entryId: z.string().uuid(),
        /** Certifications: the inscription on a sheet of its own, or onto the submitted paper at the configured offset. */
        placement: z.enum(['sheet', 'overlay']).optional(),
      })
      .strict(),
    output: pdfFileSchema,
    access: STAFF,
    mutates: false,
    summary:
      'The document of an entry as PDF: certificate, certification inscription or refusal notice; the same entry always prints the same document. Printing is audited.',
  }),
  'documents.preview': defineChannel({
    input: issueCertificateInputSchema,
    output: z.object({ pdfBase64: z.string() }),
    access: STAFF,
    mutates: false,
    summary: 'Live preview of a certificate draft, marked as a draft and not numbered; nothing is registered.',
  }),
  'documents.journalPages': defineChannel({
    input: z.object({ journalId: z.string().min(1).max(40), dateFrom: isoDateSchema, dateTo: isoDateSchema }).strict(),
    output: jobStartedSchema,
    access: STAFF,
    mutates: false,
    summary:
      'Starts rendering journal pages (A4 landscape) for signing, each page’s chain witness code in the footer (section E); `jobs.status` reports progress and delivers the PDF. Audited when complete.',
  }),
  'documents.calibration': defineChannel({
    input: z.object({}).strict(),
    output: pdfFileSchema,
    access: STAFF,
    mutates: false,
    summary: 'A millimetre grid for finding where the inscription goes on a submitted certificate.',
  }),
} as const;
