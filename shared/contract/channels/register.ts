import { z } from 'zod';
import { defineChannel } from '../define.js';
import { checkpointAgreementSchema, verifyResultSchema } from './journal.js';
import { freeTextBlockSchema } from '../../domain/validation/free-text.js';

export const tamperDecisionSchema = z.enum(['keep_read_only', 'resume_writing']);

export const tamperAcknowledgementSchema = z.object({
  fault: z.string(),
  decision: tamperDecisionSchema,
  note: z.string(),
  at: z.string(),
  byUserId: z.string(),
});

/** A protection of the register (trigger, constraint…) that is not as the migrations define it. */
export const schemaFaultSchema = z.object({
  problem: z.enum(['missing', 'altered', 'disabled', 'unexpected']),
  kind: z.enum(['table', 'index', 'trigger', 'view', 'function', 'constraint']),
  name: z.string(),
  table: z.string(),
});

export const registerHealthSchema = z.object({
  quickCheck: z.object({ ok: z.boolean(), messages: z.array(z.string()), at: z.string() }).nullable(),
  journals: z.array(
    z.object({
      journalId: z.string(),
      journalIndex: z.string(),
      officeCode: z.string(),
      state: z.enum(['pending', 'running', 'ok', 'bad']),
      result: verifyResultSchema.optional(),
      /** The chain failed and the head has not decided yet: the journal takes no new writes. */
      readOnly: z.boolean().optional(),
      acknowledgement: tamperAcknowledgementSchema.optional(),
      /** The signed checkpoint (kept outside the register) a sound journal agrees with. */
      checkpoint: checkpointAgreementSchema.optional(),
    }),
  ),
  verifiedAt: z.string().nullable(),
  /** Triggers and constraints against the migrations: any fault keeps every journal read-only. */
  schema: z.object({ ok: z.boolean(), faults: z.array(schemaFaultSchema), at: z.string() }).nullable(),
});

/** The register's health (the start-up checks) and the head's answer to a failed chain. */
export const registerChannels = {
  'register.health': defineChannel({
    input: z.object({}).strict(),
    output: registerHealthSchema,
    access: 'session',
    mutates: false,
    summary: "The start-up quick_check, the register's protections (triggers, constraints) against the migrations, and each journal's chain verification (running in the background).",
  }),
  'register.acknowledgeTamper': defineChannel({
    input: z
      .object({
        journalId: z.string().min(1).max(100),
        decision: tamperDecisionSchema,
        note: freeTextBlockSchema(1000, 1),
      })
      .strict(),
    output: registerHealthSchema.shape.journals.element,
    access: ['head'],
    mutates: true,
    summary: "The head's decision on a journal whose chain failed: keep it read-only or resume writing; audited (head only).",
  }),
} as const;
