import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { kindStandingOn, stoppedKinds, type KindDecision, type KindDecisionInput } from '../../../shared/domain/kind-decisions.js';
import { formatPrintedDate } from '../../../shared/domain/validation/dates.js';
import { findKind } from '../../../shared/rules/catalogue.js';
import type { SessionUser } from './session.js';
import { insertKindDecision, lockKindDecisions, selectKindDecisions } from '../repositories/kind-decisions.js';
import { selectCustomKinds } from '../repositories/templates.js';
import { writeAudit } from './audit.js';
import { requireRole, type ServiceContext } from './context.js';

/** The kind's printed title, built-in or added under R7.15; its id when the register does not know it. */
async function kindTitles(ctx: ServiceContext): Promise<(kindId: string) => string | undefined> {
  const custom = await selectCustomKinds(ctx.db);
  return (kindId) => findKind(kindId, custom)?.title;
}

/**
 * Refuses a new entry under a kind that a decision in force on `date` suspends, retires or
 * replaces, naming the decision and the kind issued instead (section F; what was issued before
 * the decision is not touched). Checked in the main process, whatever the form showed.
 */
export async function assertKindsIssuable(ctx: ServiceContext, kindIds: readonly string[], date: string): Promise<void> {
  const stopped = stoppedKinds(await selectKindDecisions(ctx.db), kindIds, date)[0];
  if (!stopped) return;
  const title = await kindTitles(ctx);
  const { decision, successorKindId, state } = stopped.standing;
  throw new DeskError('rule_violation', successorKindId ? 'errors.kindDecisions.replaced' : `errors.kindDecisions.${state}`, {
    kind: title(stopped.kindId) ?? stopped.kindId,
    number: decision.number,
    date: formatPrintedDate(decision.date),
    effectiveDate: formatPrintedDate(decision.effectiveDate),
    successor: successorKindId ? (title(successorKindId) ?? successorKindId) : '',
  });
}

export function createKindDecisionsService(ctx: ServiceContext) {
  /** The checks a new decision must pass against what the register already holds. */
  async function checkAgainstRegister(input: KindDecisionInput, decisions: readonly KindDecision[]): Promise<void> {
    const title = await kindTitles(ctx);
    if (!title(input.kindId)) throw new DeskError('not_found', 'errors.kindDecisions.unknownKind', { kind: input.kindId });
    if (input.successorKindId !== undefined) {
      if (!title(input.successorKindId)) throw new DeskError('not_found', 'errors.kindDecisions.unknownKind', { kind: input.successorKindId });
      // A kind is replaced by one people can be issued: not by a kind stopped on that day itself.
      if (kindStandingOn(decisions, input.successorKindId, input.effectiveDate).state !== 'active') {
        throw new DeskError('conflict', 'errors.kindDecisions.successorStopped', { kind: title(input.successorKindId) ?? input.successorKindId });
      }
    }
    if (input.revokesDecisionId !== undefined) {
      const revoked = decisions.find((decision) => decision.id === input.revokesDecisionId);
      if (!revoked || revoked.kindId !== input.kindId || revoked.action === 'revoke') throw new DeskError('not_found', 'errors.kindDecisions.nothingToRevoke');
      if (decisions.some((decision) => decision.revokesDecisionId === revoked.id)) throw new DeskError('conflict', 'errors.kindDecisions.alreadyRevoked');
    }
  }

  return {
    /** Every decision, in the order recorded: the history each kind's card prints. */
    async list(): Promise<KindDecision[]> {
      return selectKindDecisions(ctx.db);
    },

    /**
     * Records the head's entry of a council decision (append-only). Only the head of the
     * department records decisions, as only the head adds kinds (R7.15).
     */
    async record(actor: SessionUser, input: KindDecisionInput): Promise<KindDecision> {
      requireRole(actor, ['head']);
      return ctx.db.write(async () => {
        await lockKindDecisions(ctx.db);
        await checkAgainstRegister(input, await selectKindDecisions(ctx.db));
        const decision: KindDecision = {
          id: uuidv7(),
          kindId: input.kindId,
          action: input.action,
          successorKindId: input.successorKindId ?? null,
          revokesDecisionId: input.revokesDecisionId ?? null,
          number: input.number,
          date: input.date,
          effectiveDate: input.effectiveDate,
          point: input.point,
          recordedAt: ctx.now().toISOString(),
          recordedBy: actor.userId,
          recordedByName: actor.fullName,
        };
        await insertKindDecision(ctx.db, decision);
        await writeAudit(ctx, {
          userId: actor.userId,
          action: 'kind_decision.record',
          entity: 'kind',
          entityId: input.kindId,
          summary: `${input.action} ${input.number} of ${input.date}, from ${input.effectiveDate}`,
        });
        return decision;
      });
    },
  };
}

export type KindDecisionsService = ReturnType<typeof createKindDecisionsService>;
