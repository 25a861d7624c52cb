import { z } from 'zod';
import { defineChannel } from '../define.js';
import { isoDateSchema } from '../../domain/person.js';
import { issueCertificateInputSchema } from './issuing.js';
import { jobStartedSchema } from './job-started.js';

export const pdfFileSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });
const STAFF = ['head', 'admin', 'remote_admin'] as const;

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
