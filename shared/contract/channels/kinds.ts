import { z } from 'zod';
import { defineChannel } from '../define.js';
import { ALL_ROLES, HEAD_ONLY } from '../../domain/roles.js';
import { kindDecisionInputSchema, kindDecisionSchema } from '../../domain/kind-decisions.js';
import { customKindSchema } from '../../rules/catalogue.js';
import { TEMPLATE_MAX_LENGTH } from './templates.js';

export const customKindRecordSchema = customKindSchema.extend({ createdAt: z.string(), createdBy: z.string() });

/** The council's decisions that stop a kind from a date, or revoke such a decision (section F). */
export const kindDecisionsChannels = {
  'kinds.decisions.list': defineChannel({
    input: z.object({}).strict(),
    output: z.array(kindDecisionSchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Every decision that suspended, retired, replaced a kind or revoked such a decision, in the order recorded.',
  }),
  'kinds.decisions.record': defineChannel({
    input: kindDecisionInputSchema,
    output: kindDecisionSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Record a decision (No., date, effective date, its point) that stops a kind from its effective date, or revokes an earlier one.',
  }),
} as const;

/** Kinds added by executive committee decisions, each with its template (R7.15). */
export const customKindsChannels = {
  'kinds.listCustom': defineChannel({
    input: z.object({}).strict(),
    output: z.array(customKindRecordSchema),
    access: ALL_ROLES,
    mutates: false,
    summary: 'Kinds added by executive committee decisions (R7.15).',
  }),
  'kinds.addCustom': defineChannel({
    input: z
      .object({ kind: customKindSchema, templateText: z.string().min(1).max(TEMPLATE_MAX_LENGTH) })
      .strict(),
    output: customKindRecordSchema,
    access: HEAD_ONLY,
    mutates: true,
    summary: 'Add a kind by decision (No., date): title, grounds checklist and its template (R7.15).',
  }),
} as const;
