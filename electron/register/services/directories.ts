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
import type { SessionUser } from './session.js';
import type { RegisterDb } from '../sql.js';
import { kyivLocalDate } from '../kyiv-time.js';
import {
  closePostPeriod,
  insertPost,
  insertRevision,
  listRevisions,
  lockDirectoryWrites,
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
import { requireRole } from './context.js';

/** Who acts: the logged-in user (its role is re-checked here, not only by the dispatcher). */
export type Actor = SessionUser;

/**
 * Records a mutating action in the register's audit log (every action is attributable to a person). Called inside the
 * change's write transaction and awaited there, so the record commits or rolls back with the
 * change. `summary` carries ids, dates and roles — never names (personal data).
 */
export type AuditFn = (
  action: string,
  entity: string,
  entityId: string,
  summary: string,
  actor?: Actor,
) => void | Promise<void>;

export interface DirectoriesDeps {
  readonly db: RegisterDb;
  readonly now: () => Date;
  readonly audit: AuditFn;
}

const DEFAULT_SUGGESTIONS = 20;

export interface StreetSuggestQueryInput {
  query: string;
  /** A settlement of the directory, chosen by id. */
  settlementId?: string | undefined;
  /** The settlement as typed in the address («м. Глухів», «с. Баничі»); used when no id is given. */
  settlement?: string | undefined;
  limit?: number | undefined;
}

/** Words people type before a settlement's name («м. Глухів», «село Баничі»); the match ignores them. */
const LEADING_SETTLEMENT_KIND = /^(?:(?:місто|селище міського типу|селище|село|смт)\s+|(?:м|смт|сел|с-ще|с)\.\s*)/u;

/** The folded name a typed settlement is matched by: kind word and anything after a comma (district, region) dropped. */
export function settlementQueryKey(typed: string): string {
  const [name = ''] = typed.split(',');
  return streetSearchKey(name).replace(LEADING_SETTLEMENT_KIND, '').trim();
}

/** How a certificate prints a settlement's kind before its name (the 2020 reform's abbreviations). */
const SETTLEMENT_KIND_ABBREVIATIONS: Record<Settlement['kind'], string> = { city: 'м.', settlement: 'с-ще', village: 'с.' };

/**
 * The settlement as a certificate prints it: «Городок» typed without its kind becomes «м. Городок»
 * when the directory knows it (one active settlement of that name); what was typed with a kind, or
 * is unknown or ambiguous, is kept as typed.
 */
export function printedSettlement(typed: string, settlements: readonly Settlement[]): string {
  const text = typed.trim();
  if (LEADING_SETTLEMENT_KIND.test(streetSearchKey(text)) || text.includes(',')) return text;
  const key = settlementQueryKey(text);
  const matches = settlements.filter((settlement) => settlement.active && streetSearchKey(settlement.name) === key);
  const [only] = matches;
  return matches.length === 1 && only ? `${SETTLEMENT_KIND_ABBREVIATIONS[only.kind]} ${only.name}` : text;
}

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

  /**
   * A directory change in one write transaction: the row's current version is read inside it (so
   * the revision kept is the one really replaced), kept, then overwritten and audited.
   */
  function reviseRow<T extends { id: string }>(
    entity: RevisedEntity,
    actor: Actor,
    change: {
      current: () => Promise<T | undefined>;
      next: (previous: T | undefined) => Promise<T>;
      write: (row: T, at: string) => Promise<void>;
      summary: (row: T) => string;
    },
  ): Promise<T> {
    return db.write(async () => {
      await lockDirectoryWrites(db);
      const previous = await change.current();
      const row = await change.next(previous);
      const at = now().toISOString();
      // The version being replaced is kept: directory edits never lose what was there before.
      if (previous) await insertRevision(db, entity, previous.id, previous, at, actor.userId);
      await change.write(row, at);
      await audit(`${entity}.save`, entity, row.id, change.summary(row), actor);
      return row;
    });
  }

  /** The row being edited (when the input has an id, it must exist) or nothing for a new one. */
  async function existing<T>(
    id: string | undefined,
    select: (id: string) => Promise<T | undefined>,
    what: string,
  ): Promise<T | undefined> {
    if (!id) return undefined;
    const row = await select(id);
    if (!row) throw notFound(what);
    return row;
  }

  async function requireBody(id: string): Promise<Body> {
    const body = await selectBody(db, id);
    if (!body) throw notFound('body');
    return body;
  }

  async function requireSettlement(id: string): Promise<Settlement> {
    const settlement = await selectSettlement(db, id);
    if (!settlement) throw notFound('settlement');
    return settlement;
  }

  /**
   * Which settlements' streets to suggest: the chosen one, or those of the directory named as typed
   * (none when the typed settlement is not in the directory); every settlement when none is given.
   * The directory holds one hromada's few dozen settlements, so they are matched here with the same
   * folding as street names; the streets themselves are filtered by the query.
   */
  async function settlementScope(query: StreetSuggestQueryInput): Promise<string[] | undefined> {
    if (query.settlementId) return [query.settlementId];
    const key = settlementQueryKey(query.settlement ?? '');
    if (key === '') return undefined;
    const settlements = await selectSettlements(db);
    return settlements.filter((settlement) => settlementQueryKey(settlement.name) === key).map((settlement) => settlement.id);
  }

  /**
   * A new holder of a post: the open period of the same post ends the day before. A period that
   * starts on or after the new one's start, or a closed one reaching past it, would have to be
   * rewritten — refused: history is corrected by closing and adding, never by editing.
   */
  async function checkNewPeriod(input: AddPostInput): Promise<BodyPostRecord | undefined> {
    const reaching = await selectPostsReaching(db, input.bodyId, input.role, input.from);
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
      return reviseRow('signatory', actor, {
        current: () => existing(input.id, (id) => selectSignatory(db, id), 'signatory'),
        next: async (previous): Promise<Signatory> => ({ ...input, id: previous?.id ?? uuidv7() }),
        write: (signatory, at) => upsertSignatory(db, signatory, at),
        summary: (signatory) => `seal=${signatory.seal} from=${signatory.validFrom}`,
      });
    },

    // ── Bodies: committees (R7.5) and ОСББ (R7.8) ──
    async listBodies(filter: { type?: BodyType; includeInactive?: boolean } = {}): Promise<BodySummary[]> {
      const bodies = await selectBodies(db, { type: filter.type, includeInactive: filter.includeInactive ?? false });
      const today = kyivLocalDate(now());
      const current = await selectPostsOn(db, today);
      return bodies.map((body) => {
        const head = current.find((post) => post.bodyId === body.id && post.role === 'head');
        const deputy = current.find((post) => post.bodyId === body.id && post.role === 'deputy');
        return { ...body, ...(head ? { head } : {}), ...(deputy ? { deputy } : {}) };
      });
    },

    async getBody(id: string): Promise<BodyDetails> {
      return { body: await requireBody(id), posts: await selectPosts(db, id) };
    },

    async saveBody(input: BodyInput, actor: Actor): Promise<Body> {
      requireRole(actor, ['head']);
      return reviseRow('body', actor, {
        current: () => existing(input.id, (id) => selectBody(db, id), 'body'),
        next: async (previous): Promise<Body> => {
          // A committee's deputies and an ОСББ's single head are different histories: the type is fixed.
          if (previous && previous.type !== input.type) {
            throw new DeskError('conflict', 'errors.directories.bodyTypeFixed');
          }
          if (input.settlementId) await requireSettlement(input.settlementId);
          const { sealName, ...rest } = input;
          return {
            ...rest,
            id: previous?.id ?? uuidv7(),
            active: input.active ?? true,
            ...(input.hasSeal && sealName ? { sealName } : {}),
          };
        },
        write: (body, at) => upsertBody(db, body, at),
        summary: (body) => `type=${body.type} active=${body.active}`,
      });
    },

    async addPost(input: AddPostInput, actor: Actor): Promise<BodyPostRecord> {
      requireRole(actor, ['head']);
      const body = await requireBody(input.bodyId);
      // R7.8: an ОСББ certificate is signed by its head; the directory keeps no ОСББ deputies.
      if (body.type === 'osbb' && input.role === 'deputy') {
        throw new DeskError('rule_violation', 'errors.directories.osbbNoDeputy');
      }
      const post: BodyPostRecord = { ...input, id: uuidv7() };
      await db.write(async () => {
        await lockDirectoryWrites(db);
        const open = await checkNewPeriod(input);
        const at = now().toISOString();
        if (open) {
          await closePostPeriod(db, open.id, dayBefore(input.from), at, actor.userId);
          await audit('body_post.close', 'body_post', open.id, `role=${open.role} to=${dayBefore(input.from)}`, actor);
        }
        await insertPost(db, post, at, actor.userId);
        await audit('body_post.add', 'body_post', post.id, `body=${body.id} role=${post.role} from=${post.from}`, actor);
      });
      return post;
    },

    async closePost(input: ClosePostInput, actor: Actor): Promise<BodyPostRecord> {
      requireRole(actor, ['head']);
      return db.write(async () => {
        await lockDirectoryWrites(db);
        const post = await selectPost(db, input.postId);
        if (!post) throw notFound('post');
        if (post.to !== undefined) throw new DeskError('conflict', 'errors.directories.postClosed');
        if (input.to < post.from) throw periodOrder();
        await closePostPeriod(db, post.id, input.to, now().toISOString(), actor.userId);
        await audit('body_post.close', 'body_post', post.id, `role=${post.role} to=${input.to}`, actor);
        return { ...post, to: input.to };
      });
    },

    /** Who held which post when: read by the certification check (R7.5, R7.8). */
    async bodyHistory(bodyId: string): Promise<BodyHistory> {
      const body = await requireBody(bodyId);
      const posts = await selectPosts(db, bodyId);
      return {
        type: body.type,
        name: body.name,
        hasSeal: body.hasSeal,
        legalEntity: body.legalEntity,
        posts: posts.map(({ role, name, from, to }) => ({ role, name, from, ...(to ? { to } : {}) })),
      };
    },

    // ── Settlements and streets ──
    async listSettlements(): Promise<Settlement[]> {
      return selectSettlements(db);
    },

    async saveSettlement(input: SettlementInput, actor: Actor): Promise<Settlement> {
      requireRole(actor, ['head']);
      return reviseRow('settlement', actor, {
        current: () => existing(input.id, (id) => selectSettlement(db, id), 'settlement'),
        next: async (previous): Promise<Settlement> => ({
          ...input,
          id: previous?.id ?? uuidv7(),
          active: input.active ?? true,
        }),
        write: (settlement, at) => upsertSettlement(db, settlement, at),
        summary: (settlement) => `kind=${settlement.kind} active=${settlement.active}`,
      });
    },

    async listStreets(settlementId: string): Promise<Street[]> {
      await requireSettlement(settlementId);
      return selectStreets(db, settlementId);
    },

    /**
     * Prefix suggestions for the address form: «шев», «ШЕВ», «вул. Шев» all find «вул. Шевченка».
     * A settlement typed in the address («м. Глухів») limits them to that settlement's streets.
     */
    async suggestStreets(query: StreetSuggestQueryInput): Promise<StreetSuggestion[]> {
      const keyPrefix = streetQueryKey(query.query);
      if (keyPrefix === '') return [];
      const streets = await suggestStreets(db, {
        keyPrefix,
        settlementIds: await settlementScope(query),
        limit: query.limit ?? DEFAULT_SUGGESTIONS,
      });
      return streets.map((street) => ({ ...street, label: streetLabel(street) }));
    },

    async saveStreet(input: StreetInput, actor: Actor): Promise<Street> {
      requireRole(actor, ['head']);
      const searchKey = streetSearchKey(input.name);
      return reviseRow('street', actor, {
        current: () => existing(input.id, (id) => selectStreet(db, id), 'street'),
        next: async (previous): Promise<Street> => {
          await requireSettlement(input.settlementId);
          const street: Street = { ...input, id: previous?.id ?? uuidv7(), active: input.active ?? true };
          if (await streetNameTaken(db, street, searchKey)) {
            throw new DeskError('conflict', 'errors.directories.streetExists');
          }
          return street;
        },
        write: (street, at) => upsertStreet(db, street, searchKey, at),
        summary: (street) => `settlement=${street.settlementId} kind=${street.kind}`,
      });
    },

    /** Earlier versions of a directory row, oldest first (the current one is the row itself). */
    async revisions(entity: RevisedEntity, entityId: string): Promise<RevisionRow[]> {
      return listRevisions(db, entity, entityId);
    },
  };
}

export type DirectoriesService = ReturnType<typeof createDirectoriesService>;
