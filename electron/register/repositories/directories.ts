import type { Sql, SqlValue } from '../sql.js';
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

// ── Writers ──────────────────────────────────────────────────────────────────────────────────

/**
 * One directory writer at a time, called first inside a write transaction. Revisions are numbered
 * max + 1 and a new post period is checked against the others: two writers must not both read the
 * same max or the same periods. SQLite's `BEGIN IMMEDIATE` already queues writers; PostgreSQL
 * needs a lock of its own: a transaction-scoped advisory lock, which readers never wait for and
 * which needs no rights on the tables (the app's role cannot lock append-only tables).
 */
export async function lockDirectoryWrites(db: Sql): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.get("SELECT pg_advisory_xact_lock(hashtext('cnap-desk:directories')) AS locked");
  }
}

// ── Revisions ────────────────────────────────────────────────────────────────────────────────

export type RevisedEntity = 'signatory' | 'body' | 'settlement' | 'street';

export interface RevisionRow {
  revision: number;
  data: unknown;
  changedAt: string;
  changedBy: string;
}

/** Keeps the version of a row that is about to change; revisions number 1, 2, … per row. */
export async function insertRevision(
  db: Sql,
  entity: RevisedEntity,
  entityId: string,
  data: unknown,
  changedAt: string,
  changedBy: string,
): Promise<void> {
  await db.run(
    `INSERT INTO directory_revisions (entity, entity_id, revision, data, changed_at, changed_by)
     SELECT ?, ?, COALESCE(MAX(revision), 0) + 1, ?, ?, ?
       FROM directory_revisions WHERE entity = ? AND entity_id = ?`,
    [entity, entityId, JSON.stringify(data), changedAt, changedBy, entity, entityId],
  );
}

export async function listRevisions(db: Sql, entity: RevisedEntity, entityId: string): Promise<RevisionRow[]> {
  const rows = await db.all<{ revision: number; data: string; changed_at: string; changed_by: string }>(
    `SELECT revision, data, changed_at, changed_by FROM directory_revisions
      WHERE entity = ? AND entity_id = ? ORDER BY revision`,
    [entity, entityId],
  );
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

/** `WHERE` of the given conditions (all must hold), or nothing when there are none. */
function whereAll(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

export async function selectSignatories(db: Sql, filter: SignatoryFilter): Promise<Signatory[]> {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.officeId !== undefined) {
    conditions.push('(office_id IS NULL OR office_id = ?)');
    params.push(filter.officeId);
  }
  if (filter.onDate !== undefined) {
    conditions.push('valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)');
    params.push(filter.onDate, filter.onDate);
  }
  const rows = await db.all<SignatoryRow>(
    `SELECT * FROM signatories ${whereAll(conditions)}
      ORDER BY CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, position, full_name`,
    params,
  );
  return rows.map(toSignatory);
}

export async function selectSignatory(db: Sql, id: string): Promise<Signatory | undefined> {
  const row = await db.get<SignatoryRow>('SELECT * FROM signatories WHERE id = ?', [id]);
  return row ? toSignatory(row) : undefined;
}

export async function upsertSignatory(db: Sql, signatory: Signatory, updatedAt: string): Promise<void> {
  await db.run(
    `INSERT INTO signatories (id, position, full_name, seal, seal_name, valid_from, valid_to, office_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, full_name = excluded.full_name,
       seal = excluded.seal, seal_name = excluded.seal_name, valid_from = excluded.valid_from,
       valid_to = excluded.valid_to, office_id = excluded.office_id, updated_at = excluded.updated_at`,
    [
      signatory.id,
      signatory.position,
      signatory.fullName,
      signatory.seal,
      signatory.sealName,
      signatory.validFrom,
      signatory.validTo ?? null,
      signatory.officeId ?? null,
      updatedAt,
    ],
  );
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

export async function selectSettlements(db: Sql): Promise<Settlement[]> {
  const rows = await db.all<SettlementRow>('SELECT * FROM settlements ORDER BY active DESC, kind, name');
  return rows.map(toSettlement);
}

export async function selectSettlement(db: Sql, id: string): Promise<Settlement | undefined> {
  const row = await db.get<SettlementRow>('SELECT * FROM settlements WHERE id = ?', [id]);
  return row ? toSettlement(row) : undefined;
}

export async function upsertSettlement(db: Sql, settlement: Settlement, updatedAt: string): Promise<void> {
  await db.run(
    `INSERT INTO settlements (id, kind, name, starosta_district, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       starosta_district = excluded.starosta_district, active = excluded.active, updated_at = excluded.updated_at`,
    [
      settlement.id,
      settlement.kind,
      settlement.name,
      settlement.starostaDistrict ?? null,
      settlement.active ? 1 : 0,
      updatedAt,
    ],
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

/**
 * `search_key` compared code point by code point, as SQLite's BINARY collation does. PostgreSQL
 * would otherwise use the database's locale collation, where U+FFFF need not sort after every
 * letter and the prefix range of `suggestStreets` would stop meaning "starts with".
 */
function searchKey(db: Sql): string {
  return db.dialect === 'postgres' ? 'search_key COLLATE "C"' : 'search_key';
}

export async function selectStreets(db: Sql, settlementId: string): Promise<Street[]> {
  const rows = await db.all<StreetRow>(
    `SELECT * FROM streets WHERE settlement_id = ? ORDER BY ${searchKey(db)}, kind`,
    [settlementId],
  );
  return rows.map(toStreet);
}

export async function selectStreet(db: Sql, id: string): Promise<Street | undefined> {
  const row = await db.get<StreetRow>('SELECT * FROM streets WHERE id = ?', [id]);
  return row ? toStreet(row) : undefined;
}

/** Another street of the same settlement and kind already has this name (folded). */
export async function streetNameTaken(db: Sql, street: Street, searchKey: string): Promise<boolean> {
  const row = await db.get<{ taken: number }>(
    'SELECT 1 AS taken FROM streets WHERE settlement_id = ? AND kind = ? AND search_key = ? AND id <> ?',
    [street.settlementId, street.kind, searchKey, street.id],
  );
  return row !== undefined;
}

export async function upsertStreet(db: Sql, street: Street, searchKey: string, updatedAt: string): Promise<void> {
  await db.run(
    `INSERT INTO streets (id, settlement_id, kind, name, search_key, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settlement_id = excluded.settlement_id, kind = excluded.kind,
       name = excluded.name, search_key = excluded.search_key, active = excluded.active,
       updated_at = excluded.updated_at`,
    [street.id, street.settlementId, street.kind, street.name, searchKey, street.active ? 1 : 0, updatedAt],
  );
}

export interface StreetSuggestQuery {
  /** Folded prefix (see `streetQueryKey`). */
  keyPrefix: string;
  /** Only streets of these settlements; every settlement when absent. */
  settlementIds?: readonly string[] | undefined;
  limit: number;
}

/**
 * Active streets whose folded name starts with the prefix. A range on the stored key instead of
 * LIKE, so the index is used and no Cyrillic case folding is left to the database (the key is
 * folded in JS). U+FFFF sorts after every character a street name holds, so
 * `[prefix, prefix + U+FFFF)` is exactly "starts with" under a code point collation.
 */
export async function suggestStreets(db: Sql, query: StreetSuggestQuery): Promise<Street[]> {
  const key = searchKey(db);
  const ids = query.settlementIds ?? [];
  // `IN ()` is no SQL: an empty list of settlements has no streets.
  if (query.settlementIds !== undefined && ids.length === 0) return [];
  const inSettlements = query.settlementIds === undefined ? '' : `settlement_id IN (${ids.map(() => '?').join(', ')}) AND `;
  const params: SqlValue[] = [...ids, query.keyPrefix, `${query.keyPrefix}\uFFFF`, query.limit];
  const rows = await db.all<StreetRow>(
    `SELECT * FROM streets WHERE ${inSettlements}${key} >= ? AND ${key} < ? AND active = 1
      ORDER BY ${key}, kind LIMIT ?`,
    params,
  );
  return rows.map(toStreet);
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

export async function selectBodies(db: Sql, filter: BodyFilter): Promise<Body[]> {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.type !== undefined) {
    conditions.push('type = ?');
    params.push(filter.type);
  }
  if (!filter.includeInactive) conditions.push('active = 1');
  const rows = await db.all<BodyRow>(`SELECT * FROM bodies ${whereAll(conditions)} ORDER BY type, name`, params);
  return rows.map(toBody);
}

export async function selectBody(db: Sql, id: string): Promise<Body | undefined> {
  const row = await db.get<BodyRow>('SELECT * FROM bodies WHERE id = ?', [id]);
  return row ? toBody(row) : undefined;
}

export async function upsertBody(db: Sql, body: Body, updatedAt: string): Promise<void> {
  await db.run(
    `INSERT INTO bodies (id, type, committee_kind, number, name, territory, legal_entity, has_seal, seal_name,
       settlement_id, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET type = excluded.type, committee_kind = excluded.committee_kind,
       number = excluded.number, name = excluded.name, territory = excluded.territory,
       legal_entity = excluded.legal_entity, has_seal = excluded.has_seal, seal_name = excluded.seal_name,
       settlement_id = excluded.settlement_id, active = excluded.active, updated_at = excluded.updated_at`,
    [
      body.id,
      body.type,
      body.committeeKind ?? null,
      body.number ?? null,
      body.name,
      body.territory,
      body.legalEntity ? 1 : 0,
      body.hasSeal ? 1 : 0,
      body.sealName ?? null,
      body.settlementId ?? null,
      body.active ? 1 : 0,
      updatedAt,
    ],
  );
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

export async function selectPosts(db: Sql, bodyId: string): Promise<BodyPostRecord[]> {
  const rows = await db.all<PostRow>('SELECT * FROM body_posts WHERE body_id = ? ORDER BY role, held_from', [bodyId]);
  return rows.map(toPost);
}

export async function selectPost(db: Sql, id: string): Promise<BodyPostRecord | undefined> {
  const row = await db.get<PostRow>('SELECT * FROM body_posts WHERE id = ?', [id]);
  return row ? toPost(row) : undefined;
}

/** Posts of this body and role that cover any day from `from` on (to check a new period). */
export async function selectPostsReaching(
  db: Sql,
  bodyId: string,
  role: PostRole,
  from: string,
): Promise<BodyPostRecord[]> {
  const rows = await db.all<PostRow>(
    `SELECT * FROM body_posts WHERE body_id = ? AND role = ? AND (held_to IS NULL OR held_to >= ?)
      ORDER BY held_from`,
    [bodyId, role, from],
  );
  return rows.map(toPost);
}

/** The holder of each post on a date (one query for a whole list of bodies). */
export async function selectPostsOn(db: Sql, date: string): Promise<BodyPostRecord[]> {
  const rows = await db.all<PostRow>(
    'SELECT * FROM body_posts WHERE held_from <= ? AND (held_to IS NULL OR held_to >= ?)',
    [date, date],
  );
  return rows.map(toPost);
}

export async function insertPost(db: Sql, post: BodyPostRecord, createdAt: string, createdBy: string): Promise<void> {
  await db.run(
    `INSERT INTO body_posts (id, body_id, role, family_name, given_name, patronymic, held_from, held_to,
       created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    [
      post.id,
      post.bodyId,
      post.role,
      post.name.familyName,
      post.name.givenName,
      post.name.patronymic ?? null,
      post.from,
      createdAt,
      createdBy,
    ],
  );
}

export async function closePostPeriod(db: Sql, id: string, to: string, closedAt: string, closedBy: string): Promise<void> {
  await db.run('UPDATE body_posts SET held_to = ?, closed_at = ?, closed_by = ? WHERE id = ? AND held_to IS NULL', [
    to,
    closedAt,
    closedBy,
    id,
  ]);
}
