import { z } from 'zod';
import { defineChannel } from '../define.js';
import { entryRecordSchema } from '../../domain/entry.js';
import { freeTextBlockSchema, freeTextSchema } from '../../domain/validation/free-text.js';

export const entriesChannels = {
  'entries.get': defineChannel({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: entryRecordSchema,
    access: 'session',
    mutates: false,
    summary: 'One journal entry with its handover and annulment; the view is logged in the audit.',
  }),
  'entries.handover': defineChannel({
    input: z
      .object({
        entryId: z.string().min(1),
        receivedBy: z.enum(['subject', 'representative']),
        recipientName: freeTextSchema(200, 1),
      })
      .strict(),
    output: entryRecordSchema,
    access: 'session',
    mutates: true,
    summary: 'Record that the document was handed over, and to whom (section E); once per entry.',
  }),
  'entries.annul': defineChannel({
    input: z.object({ entryId: z.string().min(1), reason: freeTextBlockSchema(1000, 3) }).strict(),
    output: entryRecordSchema,
    access: 'session',
    mutates: true,
    summary: 'Annul an entry with a reason; its number stays taken and a corrected one is issued anew.',
  }),
} as const;
