import type { RegisterDb } from '../database.js';
import type {
  Body,
  BodyPostRecord,
  BodyType,
  PostRole,
  Settlement,
  Signatory,
  Street,
} from '../../../shared/domain/directories.js';

/** SQL of the reference-data directories (migration 0002). Functions take the database first. */

// ── Revisions ────────────────────────────────────────────────────────────────────────────────

export type RevisedEntity = 'signatory' | 'body' | 'settlement' | 'street';

export interface RevisionRow {
  revision: number;
  data: unknown;
  changedAt: string;
  changedBy: string;
}

/** Keeps the version of a row that is about to change; revisions number 1, 2, … per row. */
export function insertRevision(
  db: RegisterDb,
  entity: RevisedEntity,
  entityId: string,
  data: unknown,
  changedAt: string,
  changedBy: string,
): void {
  db.prepare(
    `INSERT INTO directory_revisions (entity, entity_id, revision, data, changed_at, changed_by)
     SELECT ?, ?, COALESCE(MAX(revision), 0) + 1, ?, ?, ?
       FROM directory_revisions WHERE entity = ? AND entity_id = ?`,
  ).run(entity, entityId, JSON.stringify(data), changedAt, changedBy, entity, entityId);
}

export function listRevisions(db: RegisterDb, entity: RevisedEntity, entityId: string): RevisionRow[] {
  const rows = db
    .prepare(
      `SELECT revision, data, changed_at, changed_by FROM directory_revisions
        WHERE entity = ? AND entity_id = ? ORDER BY revision`,
    )
    .all(entity, entityId) as { revision: number; data: string; changed_at: string; changed_by: string }[];
  return rows.map((row) => ({
    revision: row.revision,
    data: JSON.parse(row.data) as unknown,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  }));
}

// ── Signatories ──────────────────────────────────────────────────────────────────────────────

interface SignatoryRow {
  id: string;
  position: string;
  full_name: string;
  seal: Signatory['seal'];
  seal_name: string;
  valid_from: string;
  valid_to: string | null;
  office_id: string | null;
}

function toSignatory(row: SignatoryRow): Signatory {
  return {
    id: row.id,
    position: row.position,
    fullName: row.full_name,
    seal: row.seal,
    sealName: row.seal_name,
    validFrom: row.valid_from,
    ...(row.valid_to !== null ? { validTo: row.valid_to } : {}),
    ...(row.office_id !== null ? { officeId: row.office_id } : {}),
  };
}

export interface SignatoryFilter {
  /** Signatories of this office and those of every office. */
  officeId?: string | undefined;
  /** Only those valid on this date. */
  onDate?: string | undefined;
}

export function selectSignatories(db: RegisterDb, filter: SignatoryFilter): Signatory[] {
  const rows = db
    .prepare(
      `SELECT * FROM signatories
        WHERE (:officeId IS NULL OR office_id IS NULL OR office_id = :officeId)
          AND (:onDate IS NULL OR (valid_from <= :onDate AND (valid_to IS NULL OR valid_to >= :onDate)))
        ORDER BY valid_to IS NOT NULL, position, full_name`,
    )
    .all({ officeId: filter.officeId ?? null, onDate: filter.onDate ?? null }) as SignatoryRow[];
  return rows.map(toSignatory);
}

export function selectSignatory(db: RegisterDb, id: string): Signatory | undefined {
  const row = db.prepare('SELECT * FROM signatories WHERE id = ?').get(id) as SignatoryRow | undefined;
  return row ? toSignatory(row) : undefined;
}

export function upsertSignatory(db: RegisterDb, signatory: Signatory, updatedAt: string): void {
  db.prepare(
    `INSERT INTO signatories (id, position, full_name, seal, seal_name, valid_from, valid_to, office_id, updated_at)
     VALUES (:id, :position, :fullName, :seal, :sealName, :validFrom, :validTo, :officeId, :updatedAt)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, full_name = excluded.full_name,
       seal = excluded.seal, seal_name = excluded.seal_name, valid_from = excluded.valid_from,
       valid_to = excluded.valid_to, office_id = excluded.office_id, updated_at = excluded.updated_at`,
  ).run({
    id: signatory.id,
    position: signatory.position,
    fullName: signatory.fullName,
    seal: signatory.seal,
    sealName: signatory.sealName,
    validFrom: signatory.validFrom,
    validTo: signatory.validTo ?? null,
    officeId: signatory.officeId ?? null,
    updatedAt,
  });
}

// ── Settlements and streets ──────────────────────────────────────────────────────────────────

interface SettlementRow {
  id: string;
  kind: Settlement['kind'];
  name: string;
  starosta_district: string | null;
  active: number;
}

function toSettlement(row: SettlementRow): Settlement {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.starosta_district !== null ? { starostaDistrict: row.starosta_district } : {}),
    active: row.active === 1,
  };
}

export function selectSettlements(db: RegisterDb): Settlement[] {
  const rows = db.prepare('SELECT * FROM settlements ORDER BY active DESC, kind, name').all() as SettlementRow[];
  return rows.map(toSettlement);
}

export function selectSettlement(db: RegisterDb, id: string): Settlement | undefined {
  const row = db.prepare('SELECT * FROM settlements WHERE id = ?').get(id) as SettlementRow | undefined;
  return row ? toSettlement(row) : undefined;
}

export function upsertSettlement(db: RegisterDb, settlement: Settlement, updatedAt: string): void {
  db.prepare(
    `INSERT INTO settlements (id, kind, name, starosta_district, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       starosta_district = excluded.starosta_district, active = excluded.active, updated_at = excluded.updated_at`,
  ).run(
    settlement.id,
    settlement.kind,
    settlement.name,
    settlement.starostaDistrict ?? null,
    settlement.active ? 1 : 0,
    updatedAt,
  );
}

interface StreetRow {
  id: string;
  settlement_id: string;
  kind: Street['kind'];
  name: string;
  active: number;
}

function toStreet(row: StreetRow): Street {
  return { id: row.id, settlementId: row.settlement_id, kind: row.kind, name: row.name, active: row.active === 1 };
}

export function selectStreets(db: RegisterDb, settlementId: string): Street[] {
  const rows = db
    .prepare('SELECT * FROM streets WHERE settlement_id = ? ORDER BY search_key, kind')
    .all(settlementId) as StreetRow[];
  return rows.map(toStreet);
}

export function selectStreet(db: RegisterDb, id: string): Street | undefined {
  const row = db.prepare('SELECT * FROM streets WHERE id = ?').get(id) as StreetRow | undefined;
  return row ? toStreet(row) : undefined;
}

/** Another street of the same settlement and kind already has this name (folded). */
export function streetNameTaken(db: RegisterDb, street: Street, searchKey: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM streets WHERE settlement_id = ? AND kind = ? AND search_key = ? AND id <> ?')
      .get(street.settlementId, street.kind, searchKey, street.id) !== undefined
  );
}

export function upsertStreet(db: RegisterDb, street: Street, searchKey: string, updatedAt: string): void {
  db.prepare(
    `INSERT INTO streets (id, settlement_id, kind, name, search_key, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settlement_id = excluded.settlement_id, kind = excluded.kind,
       name = excluded.name, search_key = excluded.search_key, active = excluded.active,
       updated_at = excluded.updated_at`,
  ).run(street.id, street.settlementId, street.kind, street.name, searchKey, street.active ? 1 : 0, updatedAt);
}

export interface StreetSuggestQuery {
  /** Folded prefix (see `streetQueryKey`). */
  keyPrefix: string;
  settlementId?: string | undefined;
  limit: number;
}

/**
 * Active streets whose folded name starts with the prefix. A range on the stored key instead of
 * LIKE, so the index is used and no Cyrillic case folding is left to SQLite. U+FFFF sorts after
 * every character a street name holds, so `[prefix, prefix + U+FFFF)` is exactly "starts with".
 */
export function suggestStreets(db: RegisterDb, query: StreetSuggestQuery): Street[] {
  const upper = `${query.keyPrefix}\uFFFF`;
  const sql =
    query.settlementId === undefined
      ? `SELECT * FROM streets WHERE search_key >= ? AND search_key < ? AND active = 1
          ORDER BY search_key, kind LIMIT ?`
      : `SELECT * FROM streets WHERE settlement_id = ? AND search_key >= ? AND search_key < ? AND active = 1
          ORDER BY search_key, kind LIMIT ?`;
  const params =
    query.settlementId === undefined
      ? [query.keyPrefix, upper, query.limit]
      : [query.settlementId, query.keyPrefix, upper, query.limit];
  return (db.prepare(sql).all(...params) as StreetRow[]).map(toStreet);
}

// ── Bodies and their posts ───────────────────────────────────────────────────────────────────

interface BodyRow {
  id: string;
  type: BodyType;
  committee_kind: Body['committeeKind'] | null;
  number: string | null;
  name: string;
  territory: string;
  legal_entity: number;
  has_seal: number;
  seal_name: string | null;
  settlement_id: string | null;
  active: number;
}

function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    type: row.type,
    ...(row.committee_kind ? { committeeKind: row.committee_kind } : {}),
    ...(row.number !== null ? { number: row.number } : {}),
    name: row.name,
    territory: row.territory,
    legalEntity: row.legal_entity === 1,
    hasSeal: row.has_seal === 1,
    ...(row.seal_name !== null ? { sealName: row.seal_name } : {}),
    ...(row.settlement_id !== null ? { settlementId: row.settlement_id } : {}),
    active: row.active === 1,
  };
}

export interface BodyFilter {
  type?: BodyType | undefined;
  includeInactive: boolean;
}

export function selectBodies(db: RegisterDb, filter: BodyFilter): Body[] {
  const rows = db
    .prepare(
      `SELECT * FROM bodies WHERE (:type IS NULL OR type = :type) AND (:all = 1 OR active = 1)
        ORDER BY type, name`,
    )
    .all({ type: filter.type ?? null, all: filter.includeInactive ? 1 : 0 }) as BodyRow[];
  return rows.map(toBody);
}

export function selectBody(db: RegisterDb, id: string): Body | undefined {
  const row = db.prepare('SELECT * FROM bodies WHERE id = ?').get(id) as BodyRow | undefined;
  return row ? toBody(row) : undefined;
}

export function upsertBody(db: RegisterDb, body: Body, updatedAt: string): void {
  db.prepare(
    `INSERT INTO bodies (id, type, committee_kind, number, name, territory, legal_entity, has_seal, seal_name,
       settlement_id, active, updated_at)
     VALUES (:id, :type, :committeeKind, :number, :name, :territory, :legalEntity, :hasSeal, :sealName,
       :settlementId, :active, :updatedAt)
     ON CONFLICT (id) DO UPDATE SET type = excluded.type, committee_kind = excluded.committee_kind,
       number = excluded.number, name = excluded.name, territory = excluded.territory,
       legal_entity = excluded.legal_entity, has_seal = excluded.has_seal, seal_name = excluded.seal_name,
       settlement_id = excluded.settlement_id, active = excluded.active, updated_at = excluded.updated_at`,
  ).run({
    id: body.id,
    type: body.type,
    committeeKind: body.committeeKind ?? null,
    number: body.number ?? null,
    name: body.name,
    territory: body.territory,
    legalEntity: body.legalEntity ? 1 : 0,
    hasSeal: body.hasSeal ? 1 : 0,
    sealName: body.sealName ?? null,
    settlementId: body.settlementId ?? null,
    active: body.active ? 1 : 0,
    updatedAt,
  });
}

interface PostRow {
  id: string;
  body_id: string;
  role: PostRole;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  held_from: string;
  held_to: string | null;
}

function toPost(row: PostRow): BodyPostRecord {
  return {
    id: row.id,
    bodyId: row.body_id,
    role: row.role,
    name: {
      familyName: row.family_name,
      givenName: row.given_name,
      ...(row.patronymic !== null ? { patronymic: row.patronymic } : {}),
    },
    from: row.held_from,
    ...(row.held_to !== null ? { to: row.held_to } : {}),
  };
}

export function selectPosts(db: RegisterDb, bodyId: string): BodyPostRecord[] {
  const rows = db
    .prepare('SELECT * FROM body_posts WHERE body_id = ? ORDER BY role, held_from')
    .all(bodyId) as PostRow[];
  return rows.map(toPost);
}

export function selectPost(db: RegisterDb, id: string): BodyPostRecord | undefined {
  const row = db.prepare('SELECT * FROM body_posts WHERE id = ?').get(id) as PostRow | undefined;
  return row ? toPost(row) : undefined;
}

/** Posts of this body and role that cover any day from `from` on (to check a new period). */
export function selectPostsReaching(db: RegisterDb, bodyId: string, role: PostRole, from: string): BodyPostRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM body_posts WHERE body_id = ? AND role = ? AND (held_to IS NULL OR held_to >= ?)
        ORDER BY held_from`,
    )
    .all(bodyId, role, from) as PostRow[];
  return rows.map(toPost);
}

/** The holder of each post on a date (one query for a whole list of bodies). */
export function selectPostsOn(db: RegisterDb, date: string): BodyPostRecord[] {
  const rows = db
    .prepare('SELECT * FROM body_posts WHERE held_from <= ? AND (held_to IS NULL OR held_to >= ?)')
    .all(date, date) as PostRow[];
  return rows.map(toPost);
}

export function insertPost(db: RegisterDb, post: BodyPostRecord, createdAt: string, createdBy: string): void {
  db.prepare(
    `INSERT INTO body_posts (id, body_id, role, family_name, given_name, patronymic, held_from, held_to,
       created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(
    post.id,
    post.bodyId,
    post.role,
    post.name.familyName,
    post.name.givenName,
    post.name.patronymic ?? null,
    post.from,
    createdAt,
    createdBy,
  );
}

export function closePostPeriod(db: RegisterDb, id: string, to: string, closedAt: string, closedBy: string): void {
  db.prepare('UPDATE body_posts SET held_to = ?, closed_at = ?, closed_by = ? WHERE id = ? AND held_to IS NULL').run(
    to,
    closedAt,
    closedBy,
    id,
  );
}
