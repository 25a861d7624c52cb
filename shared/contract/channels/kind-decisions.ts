import { z } from 'zod';
import { defineChannel } from '../define.js';
import { ALL_ROLES, HEAD_ONLY } from '../../domain/roles.js';
import { kindDecisionInputSchema, kindDecisionSchema } from '../../domain/kind-decisions.js';

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
