import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import {
  streetLabel,
  streetQueryKey,
  streetSearchKey,
  type AddPostInput,
  type Body,
  type BodyDetails,
  type BodyHistory,
  type BodyInput,
  type BodyPostRecord,
  type BodySummary,
  type BodyType,
  type ClosePostInput,
  type Settlement,
  type SettlementInput,
  type Signatory,
  type SignatoryInput,
  type Street,
  type StreetInput,
  type StreetSuggestion,
} from '../../../shared/domain/directories.js';
import type { SessionUser } from '../../ipc/handler-types.js';
import type { RegisterDb } from '../database.js';
import { kyivLocalDate } from '../kyiv-time.js';
import {
  closePostPeriod,
  insertPost,
  insertRevision,
  listRevisions,
  selectBodies,
  selectBody,
  selectPost,
  selectPosts,
  selectPostsOn,
  selectPostsReaching,
  selectSettlement,
  selectSettlements,
  selectSignatories,
  selectSignatory,
  selectStreet,
  selectStreets,
  streetNameTaken,
  suggestStreets,
  upsertBody,
  upsertSettlement,
  upsertSignatory,
  upsertStreet,
  type RevisedEntity,
  type RevisionRow,
} from '../repositories/directories.js';
import { runInTransaction } from '../repositories/transaction.js';
import { requireRole } from './context.js';

/** Who acts: the logged-in user (its role is re-checked here, not only by the dispatcher). */
export type Actor = SessionUser;

/**
 * Records a mutating action in the register's audit log (issue 4, item 7). Called inside the
 * change's transaction. `summary` carries ids, dates and roles — never names (personal data).
 */
export type AuditFn = (action: string, entity: string, entityId: string, summary: string, actor?: Actor) => void;

export interface DirectoriesDeps {
  readonly db: RegisterDb;
  readonly now: () => Date;
  readonly audit: AuditFn;
}

const DEFAULT_SUGGESTIONS = 20;

/** The calendar day before an ISO date: a head's period ends the day before the successor's starts. */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

function notFound(what: string): DeskError {
  return new DeskError('not_found', `errors.directories.${what}NotFound`);
}

function periodOrder(): DeskError {
  return new DeskError('invalid_input', 'errors.directories.periodOrder', undefined, [
    { path: 'to', messageKey: 'errors.directories.periodOrder' },
  ]);
}

export function createDirectoriesService(deps: DirectoriesDeps) {
  const { db, now, audit } = deps;

  function writeRevised<T extends { id: string }>(
    entity: RevisedEntity,
    previous: T | undefined,
    actor: Actor,
    write: (at: string) => void,
  ): string {
    const at = now().toISOString();
    // The version being replaced is kept: directory edits never lose what was there before.
    if (previous) insertRevision(db, entity, previous.id, previous, at, actor.userId);
    write(at);
    return at;
  }

  function requireBody(id: string): Body {
    const body = selectBody(db, id);
    if (!body) throw notFound('body');
    return body;
  }

  function requireSettlement(id: string): Settlement {
    const settlement = selectSettlement(db, id);
    if (!settlement) throw notFound('settlement');
    return settlement;
  }

  /**
   * A new holder of a post: the open period of the same post ends the day before. A period that
   * starts on or after the new one's start, or a closed one reaching past it, would have to be
   * rewritten — refused: history is corrected by closing and adding, never by editing.
   */
  function checkNewPeriod(input: AddPostInput): BodyPostRecord | undefined {
    const reaching = selectPostsReaching(db, input.bodyId, input.role, input.from);
    const open = reaching.find((post) => post.to === undefined && post.from < input.from);
    const clashes = reaching.filter((post) => post !== open);
    if (clashes.length > 0) {
      throw new DeskError('conflict', 'errors.directories.periodOverlap', { from: input.from });
    }
    return open;
  }

  return {
    // ── Signatories (R7.10, R7.13) ──
    async listSignatories(filter: { officeId?: string; onDate?: string } = {}): Promise<Signatory[]> {
      return selectSignatories(db, filter);
    },

    async saveSignatory(input: SignatoryInput, actor: Actor): Promise<Signatory> {
      requireRole(actor, ['head']);
      const previous = input.id ? selectSignatory(db, input.id) : undefined;
      if (input.id && !previous) throw notFound('signatory');
      const signatory: Signatory = { ...input, id: previous?.id ?? uuidv7() };
      runInTransaction(db, () => {
        writeRevised('signatory', previous, actor, (at) => upsertSignatory(db, signatory, at));
        audit('signatory.save', 'signatory', signatory.id, `seal=${signatory.seal} from=${signatory.validFrom}`, actor);
      });
      return signatory;
    },

    // ── Bodies: committees (R7.5) and ОСББ (R7.8) ──
    async listBodies(filter: { type?: BodyType; includeInactive?: boolean } = {}): Promise<BodySummary[]> {
      const bodies = selectBodies(db, { type: filter.type, includeInactive: filter.includeInactive ?? false });
      const today = kyivLocalDate(now());
      const current = selectPostsOn(db, today);
      return bodies.map((body) => {
        const head = current.find((post) => post.bodyId === body.id && post.role === 'head');
        const deputy = current.find((post) => post.bodyId === body.id && post.role === 'deputy');
        return { ...body, ...(head ? { head } : {}), ...(deputy ? { deputy } : {}) };
      });
    },

    async getBody(id: string): Promise<BodyDetails> {
      return { body: requireBody(id), posts: selectPosts(db, id) };
    },

    async saveBody(input: BodyInput, actor: Actor): Promise<Body> {
      requireRole(actor, ['head']);
      const previous = input.id ? selectBody(db, input.id) : undefined;
      if (input.id && !previous) throw notFound('body');
      // A committee's deputies and an ОСББ's single head are different histories: the type is fixed.
      if (previous && previous.type !== input.type) throw new DeskError('conflict', 'errors.directories.bodyTypeFixed');
      if (input.settlementId) requireSettlement(input.settlementId);
      const { sealName, ...rest } = input;
      const body: Body = {
        ...rest,
        id: previous?.id ?? uuidv7(),
        active: input.active ?? true,
        ...(input.hasSeal && sealName ? { sealName } : {}),
      };
      runInTransaction(db, () => {
        writeRevised('body', previous, actor, (at) => upsertBody(db, body, at));
        audit('body.save', 'body', body.id, `type=${body.type} active=${body.active}`, actor);
      });
      return body;
    },

    async addPost(input: AddPostInput, actor: Actor): Promise<BodyPostRecord> {
      requireRole(actor, ['head']);
      const body = requireBody(input.bodyId);
      // R7.8: an ОСББ certificate is signed by its head; the directory keeps no ОСББ deputies.
      if (body.type === 'osbb' && input.role === 'deputy') {
        throw new DeskError('rule_violation', 'errors.directories.osbbNoDeputy');
      }
      const post: BodyPostRecord = { ...input, id: uuidv7() };
      runInTransaction(db, () => {
        const open = checkNewPeriod(input);
        const at = now().toISOString();
        if (open) {
          closePostPeriod(db, open.id, dayBefore(input.from), at, actor.userId);
          audit('body_post.close', 'body_post', open.id, `role=${open.role} to=${dayBefore(input.from)}`, actor);
        }
        insertPost(db, post, at, actor.userId);
        audit('body_post.add', 'body_post', post.id, `body=${body.id} role=${post.role} from=${post.from}`, actor);
      });
      return post;
    },

    async closePost(input: ClosePostInput, actor: Actor): Promise<BodyPostRecord> {
      requireRole(actor, ['head']);
      const post = selectPost(db, input.postId);
      if (!post) throw notFound('post');
      if (post.to !== undefined) throw new DeskError('conflict', 'errors.directories.postClosed');
      if (input.to < post.from) throw periodOrder();
      runInTransaction(db, () => {
        closePostPeriod(db, post.id, input.to, now().toISOString(), actor.userId);
        audit('body_post.close', 'body_post', post.id, `role=${post.role} to=${input.to}`, actor);
      });
      return { ...post, to: input.to };
    },

    /** Who held which post when: read by the certification check (R7.5, R7.8). */
    async bodyHistory(bodyId: string): Promise<BodyHistory> {
      const body = requireBody(bodyId);
      return {
        type: body.type,
        name: body.name,
        hasSeal: body.hasSeal,
        legalEntity: body.legalEntity,
        posts: selectPosts(db, bodyId).map(({ role, name, from, to }) => ({ role, name, from, ...(to ? { to } : {}) })),
      };
    },

    // ── Settlements and streets ──
    async listSettlements(): Promise<Settlement[]> {
      return selectSettlements(db);
    },

    async saveSettlement(input: SettlementInput, actor: Actor): Promise<Settlement> {
      requireRole(actor, ['head']);
      const previous = input.id ? selectSettlement(db, input.id) : undefined;
      if (input.id && !previous) throw notFound('settlement');
      const settlement: Settlement = { ...input, id: previous?.id ?? uuidv7(), active: input.active ?? true };
      runInTransaction(db, () => {
        writeRevised('settlement', previous, actor, (at) => upsertSettlement(db, settlement, at));
        audit('settlement.save', 'settlement', settlement.id, `kind=${settlement.kind} active=${settlement.active}`, actor);
      });
      return settlement;
    },

    async listStreets(settlementId: string): Promise<Street[]> {
      requireSettlement(settlementId);
      return selectStreets(db, settlementId);
    },

    /** Prefix suggestions for the address form: «шев», «ШЕВ», «вул. Шев» all find «вул. Шевченка». */
    async suggestStreets(query: { query: string; settlementId?: string; limit?: number }): Promise<StreetSuggestion[]> {
      const keyPrefix = streetQueryKey(query.query);
      if (keyPrefix === '') return [];
      const streets = suggestStreets(db, {
        keyPrefix,
        settlementId: query.settlementId,
        limit: query.limit ?? DEFAULT_SUGGESTIONS,
      });
      return streets.map((street) => ({ ...street, label: streetLabel(street) }));
    },

    async saveStreet(input: StreetInput, actor: Actor): Promise<Street> {
      requireRole(actor, ['head']);
      const previous = input.id ? selectStreet(db, input.id) : undefined;
      if (input.id && !previous) throw notFound('street');
      requireSettlement(input.settlementId);
      const street: Street = { ...input, id: previous?.id ?? uuidv7(), active: input.active ?? true };
      const searchKey = streetSearchKey(street.name);
      if (streetNameTaken(db, street, searchKey)) throw new DeskError('conflict', 'errors.directories.streetExists');
      runInTransaction(db, () => {
        writeRevised('street', previous, actor, (at) => upsertStreet(db, street, searchKey, at));
        audit('street.save', 'street', street.id, `settlement=${street.settlementId} kind=${street.kind}`, actor);
      });
      return street;
    },

    /** Earlier versions of a directory row, oldest first (the current one is the row itself). */
    async revisions(entity: RevisedEntity, entityId: string): Promise<RevisionRow[]> {
      return listRevisions(db, entity, entityId);
    },
  };
}

export type DirectoriesService = ReturnType<typeof createDirectoriesService>;
