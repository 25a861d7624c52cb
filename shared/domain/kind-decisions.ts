import { z } from 'zod';
import { kindIdSchema } from './entry.js';
import { calendarDateSchema } from './validation/dates.js';
import { freeTextBlockSchema, freeTextSchema } from './validation/free-text.js';

/**
 * The council's decisions on certificate kinds (section F, R7.15, and the law's changes: form
 * № 3 abolished by постанова КМУ № 861 of 23.11.2016). A decision suspends a kind, retires it,
 * replaces it by another kind, or revokes an earlier decision. From its effective date no new
 * entry is made under the kind; what was issued under it stays as it was. Decisions are records:
 * never edited, only followed by later decisions.
 */
export const kindDecisionActions = ['suspend', 'retire', 'replace', 'revoke'] as const;
export const kindDecisionActionSchema = z.enum(kindDecisionActions);
export type KindDecisionAction = z.infer<typeof kindDecisionActionSchema>;

/** What the head of the department enters. */
export const kindDecisionInputSchema = z
  .object({
    kindId: kindIdSchema,
    action: kindDecisionActionSchema,
    /** For `replace`: the kind issued instead (built-in or added under R7.15). */
    successorKindId: kindIdSchema.optional(),
    /** For `revoke`: the earlier decision this one revokes. */
    revokesDecisionId: z.string().uuid().optional(),
    number: freeTextSchema(40, 1),
    date: calendarDateSchema,
    effectiveDate: calendarDateSchema,
    /** The text of the decision's point, as adopted. */
    point: freeTextBlockSchema(2000, 5),
  })
  .strict()
  .refine((input) => (input.action === 'replace') === (input.successorKindId !== undefined), {
    path: ['successorKindId'],
    message: 'validation.kindDecision.successor',
  })
  .refine((input) => input.successorKindId !== input.kindId, { path: ['successorKindId'], message: 'validation.kindDecision.successor' })
  .refine((input) => (input.action === 'revoke') === (input.revokesDecisionId !== undefined), {
    path: ['revokesDecisionId'],
    message: 'validation.kindDecision.revokes',
  })
  .refine((input) => input.effectiveDate >= input.date, { path: ['effectiveDate'], message: 'validation.kindDecision.effectiveBeforeDate' });
export type KindDecisionInput = z.infer<typeof kindDecisionInputSchema>;

export const kindDecisionSchema = z.object({
  id: z.string(),
  kindId: kindIdSchema,
  action: kindDecisionActionSchema,
  successorKindId: kindIdSchema.nullable(),
  revokesDecisionId: z.string().nullable(),
  number: z.string(),
  date: z.string(),
  effectiveDate: z.string(),
  point: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  recordedByName: z.string(),
});
export type KindDecision = z.infer<typeof kindDecisionSchema>;

/** Where a kind stands on a date: issued as usual, or stopped by the decision in force. */
export type KindStanding =
  | { readonly state: 'active' }
  | { readonly state: 'suspended' | 'retired' | 'replaced'; readonly decision: KindDecision; readonly successorKindId: string | null };

const STATE_OF = { suspend: 'suspended', retire: 'retired', replace: 'replaced' } as const;

/**
 * The kind's standing on `date` (a Kyiv calendar date): the latest decision that stops it and is
 * in force that day, unless a decision in force that day revokes it. Latest means by effective
 * date, then by the order recorded.
 */
export function kindStandingOn(decisions: readonly KindDecision[], kindId: string, date: string): KindStanding {
  const inForce = decisions.filter((decision) => decision.kindId === kindId && decision.effectiveDate <= date);
  const revoked = new Set(inForce.flatMap((decision) => (decision.revokesDecisionId ? [decision.revokesDecisionId] : [])));
  const stopping = inForce
    .filter((decision) => decision.action !== 'revoke' && !revoked.has(decision.id))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.recordedAt.localeCompare(b.recordedAt));
  const latest = stopping.at(-1);
  if (!latest || latest.action === 'revoke') return { state: 'active' };
  return { state: STATE_OF[latest.action], decision: latest, successorKindId: latest.successorKindId };
}

/** The kinds of `kindIds` that cannot be issued on `date`, with the decision that stops each. */
export function stoppedKinds(
  decisions: readonly KindDecision[],
  kindIds: readonly string[],
  date: string,
): { kindId: string; standing: Exclude<KindStanding, { state: 'active' }> }[] {
  return kindIds.flatMap((kindId) => {
    const standing = kindStandingOn(decisions, kindId, date);
    return standing.state === 'active' ? [] : [{ kindId, standing }];
  });
}
