import type { Sql } from '../sql.js';
import type { EntrySort, PowerOfAttorney } from '../../../shared/domain/entry.js';
import { insertEntry, powerOfAttorneyOf, takeNextNumber, type EntrySearchText, type NewEntryRow } from './entries.js';
import type { TemplateVersionRow } from './templates.js';
import { currentGeneration, installationKeys, pinReinstalledKeys } from './office-recreations.js';

/** SQL of the remote-workplace exchange (migration 0003, R3.5). Functions take the database first. */

export type ExchangeDirection = 'export' | 'import';
export type ExchangeKind = 'workplace' | 'bundle' | 'update';

export interface ExchangeLogRow {
  id: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  officeId: string;
  sequence: number;
  periodFrom: string | null;
  periodTo: string | null;
  fileName: string;
  fileDigest: string;
  counts: Record<string, number>;
  marks: unknown;
  acknowledged: number | null;
  at: string;
  byUser: string | null;
}

interface RawLogRow {
  id: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  office_id: string;
  sequence: number;
  period_from: string | null;
  period_to: string | null;
  file_name: string;
  file_digest: string;
  counts: string;
  marks: string;
  acknowledged: number | null;
  at: string;
  by_user: string | null;
}

function toLogRow(row: RawLogRow): ExchangeLogRow {
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    officeId: row.office_id,
    sequence: row.sequence,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    fileName: row.file_name,
    fileDigest: row.file_digest,
    counts: JSON.parse(row.counts) as Record<string, number>,
    marks: JSON.parse(row.marks) as unknown,
    acknowledged: row.acknowledged,
    at: row.at,
    byUser: row.by_user,
  };
}

export async function insertExchangeLog(db: Sql, row: Omit<ExchangeLogRow, 'id'>): Promise<void> {
  await db.run(
    `INSERT INTO exchange_log (direction, kind, office_id, sequence, period_from, period_to, file_name, file_digest,
       counts, marks, acknowledged, at, by_user)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.direction,
      row.kind,
      row.officeId,
      row.sequence,
      row.periodFrom,
      row.periodTo,
      row.fileName,
      row.fileDigest,
      JSON.stringify(row.counts),
      JSON.stringify(row.marks),
      row.acknowledged,
      row.at,
      row.byUser,
    ],
  );
}

export async function listExchangeLog(db: Sql, filter: { officeId?: string | undefined; limit: number }): Promise<ExchangeLogRow[]> {
  const officeId = filter.officeId ?? null;
  const rows = await db.all<RawLogRow>(
    `SELECT * FROM exchange_log WHERE (CAST(? AS TEXT) IS NULL OR office_id = ?)
      ORDER BY at DESC, id DESC LIMIT ?`,
    [officeId, officeId, filter.limit],
  );
  return rows.map(toLogRow);
}

/** The newest row of this office, kind and direction (highest sequence), if any. */
export async function latestExchange(
  db: Sql,
  officeId: string,
  kind: ExchangeKind,
  direction: ExchangeDirection,
): Promise<ExchangeLogRow | undefined> {
  const row = await db.get<RawLogRow>(
    `SELECT * FROM exchange_log WHERE office_id = ? AND kind = ? AND direction = ?
      ORDER BY sequence DESC, id DESC LIMIT 1`,
    [officeId, kind, direction],
  );
  return row ? toLogRow(row) : undefined;
}

export async function exchangeBySequence(
  db: Sql,
  officeId: string,
  kind: ExchangeKind,
  direction: ExchangeDirection,
  sequence: number,
): Promise<ExchangeLogRow | undefined> {
  const row = await db.get<RawLogRow>(
    'SELECT * FROM exchange_log WHERE office_id = ? AND kind = ? AND direction = ? AND sequence = ?',
    [officeId, kind, direction, sequence],
  );
  return row ? toLogRow(row) : undefined;
}

export async function exchangeByDigest(db: Sql, digest: string, direction: ExchangeDirection): Promise<ExchangeLogRow | undefined> {
  const row = await db.get<RawLogRow>('SELECT * FROM exchange_log WHERE file_digest = ? AND direction = ? ORDER BY id LIMIT 1', [
    digest,
    direction,
  ]);
  return row ? toLogRow(row) : undefined;
}

/** Workplace and update packages share one version series per office. */
export async function latestPackageVersion(db: Sql, officeId: string, direction: ExchangeDirection): Promise<number> {
  const row = await db.get<{ version: number | null }>(
    `SELECT MAX(sequence) AS version FROM exchange_log
      WHERE office_id = ? AND direction = ? AND kind IN ('workplace', 'update')`,
    [officeId, direction],
  );
  return row?.version ?? 0;
}

/** The highest bundle sequence the centre has acknowledged to this remote desk (0: none yet). */
export async function latestAcknowledged(db: Sql, officeId: string): Promise<ExchangeLogRow | undefined> {
  const row = await db.get<RawLogRow>(
    `SELECT * FROM exchange_log WHERE office_id = ? AND direction = 'import' AND kind = 'update'
        AND acknowledged IS NOT NULL
      ORDER BY acknowledged DESC, id DESC LIMIT 1`,
    [officeId],
  );
  return row ? toLogRow(row) : undefined;
}

// ── Pinned office keys ─────────────────────────────────────────────────────────────────────────

export interface PinnedOfficeKeys {
  officeId: string;
  signingKey: string;
  encryptionKey: string;
  pinnedAt: string;
}

/** The keys pinned for the office's current installation (a re-created office pins its new PC's anew). */
export async function getPinnedKeys(db: Sql, officeId: string): Promise<PinnedOfficeKeys | undefined> {
  const generation = await currentGeneration(db, officeId);
  if (generation > 1) return (await installationKeys(db, officeId)).find((keys) => keys.generation === generation);
  return db.get<PinnedOfficeKeys>(
    `SELECT office_id AS "officeId", signing_key AS "signingKey", encryption_key AS "encryptionKey", pinned_at AS "pinnedAt"
       FROM exchange_office_keys WHERE office_id = ?`,
    [officeId],
  );
}

export async function pinOfficeKeys(db: Sql, keys: PinnedOfficeKeys, pinnedBy: string | null): Promise<void> {
  const generation = await currentGeneration(db, keys.officeId);
  if (generation > 1) return pinReinstalledKeys(db, { ...keys, generation }, pinnedBy);
  await db.run(
    'INSERT INTO exchange_office_keys (office_id, signing_key, encryption_key, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?)',
    [keys.officeId, keys.signingKey, keys.encryptionKey, keys.pinnedAt, pinnedBy],
  );
}

// ── Where a journal bundle starts and ends ─────────────────────────────────────────────────────

export interface ChainHead {
  year: number;
  number: number;
  hash: string;
}

export async function journalHead(db: Sql, journalId: string): Promise<ChainHead | undefined> {
  return db.get<ChainHead>('SELECT year, number, hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1', [
    journalId,
  ]);
}

/** The last row id of each append-only table a bundle carries. */
export interface RowMarks {
  handovers: number;
  annulments: number;
  reissues: number;
  documentCodes: number;
  audit: number;
}

export const NO_ROWS: RowMarks = { handovers: 0, annulments: 0, reissues: 0, documentCodes: 0, audit: 0 };

/**
 * Handovers, annulments, reissues and document codes are keyed by entry id, so a bundle marks how
 * far it carried them by the order they were written in: SQLite keeps that order in the implicit
 * rowid, the PostgreSQL schema in the identity column `append_seq`.
 */
function appendOrder(db: Sql): string {
  return db.dialect === 'postgres' ? 'append_seq' : 'rowid';
}

export async function currentRowMarks(db: Sql): Promise<RowMarks> {
  const order = appendOrder(db);
  const row = await db.get<RowMarks>(
    `SELECT (SELECT COALESCE(MAX(${order}), 0) FROM handovers) AS handovers,
            (SELECT COALESCE(MAX(${order}), 0) FROM annulments) AS annulments,
            (SELECT COALESCE(MAX(${order}), 0) FROM reissues) AS reissues,
            (SELECT COALESCE(MAX(${order}), 0) FROM document_codes) AS "documentCodes",
            (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS audit`,
  );
  return row ?? NO_ROWS;
}

/** An entry row exactly as stored, for carrying to another register. */
export interface ForeignEntryRow extends NewEntryRow {
  sort: EntrySort;
  kinds: string[];
}

interface RawEntryRow {
  id: string;
  journal_id: string;
  year: number;
  number: number;
  printed_number: string;
  sort: EntrySort;
  kinds: string;
  created_at: string;
  local_date: string;
  created_by: string;
  content: string;
  prev_hash: string;
  hash: string;
}

/** Entries of a journal after (year, number), up to (and including) `upTo`, in chain order. */
export async function entriesBetween(
  db: Sql,
  journalId: string,
  after: { year: number; number: number },
  upTo: { year: number; number: number },
): Promise<ForeignEntryRow[]> {
  const rows = await db.all<RawEntryRow>(
    `SELECT id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by, content, prev_hash, hash
       FROM entries WHERE journal_id = ? AND (year, number) > (?, ?) AND (year, number) <= (?, ?)
      ORDER BY year, number`,
    [journalId, after.year, after.number, upTo.year, upTo.number],
  );
  return rows.map((row) => ({
    id: row.id,
    journalId: row.journal_id,
    year: row.year,
    number: row.number,
    printedNumber: row.printed_number,
    sort: row.sort,
    kinds: JSON.parse(row.kinds) as string[],
    createdAt: row.created_at,
    localDate: row.local_date,
    createdBy: row.created_by,
    contentJson: row.content,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/**
 * Inserts an entry written by another register exactly as it was (id, number, printed number and
 * hash kept, so the chain of R7.7 still verifies). The counter is advanced the same way a local entry takes its number, so
 * the triggers of migration 0001 still hold: the number must be the one the counter just reached
 * and `prev_hash` must link to the journal's latest entry — a row that does not continue the
 * journal aborts. Returns false when the counter gave another number (nothing written then, as
 * the caller rolls the transaction back).
 */
export async function insertForeignEntry(db: Sql, row: ForeignEntryRow, search: EntrySearchText): Promise<boolean> {
  if ((await takeNextNumber(db, row.journalId, row.year)) !== row.number) return false;
  await insertEntry(db, row, search);
  return true;
}

export interface HandoverRow {
  entryId: string;
  at: string;
  receivedBy: 'subject' | 'representative';
  recipientName: string;
  /** Absent when the handover has none, so bundles of older workplaces compare equal. */
  powerOfAttorney?: PowerOfAttorney;
  byUser: string;
}

type StoredHandoverRow = Omit<HandoverRow, 'powerOfAttorney'> & { proxy_number: string | null; proxy_date: string | null; proxy_issuer: string | null };

function handoverRowOf({ proxy_number, proxy_date, proxy_issuer, ...row }: StoredHandoverRow): HandoverRow {
  const proxy = powerOfAttorneyOf({ proxy_number, proxy_date, proxy_issuer });
  return proxy ? { ...row, powerOfAttorney: proxy } : row;
}

export interface AnnulmentRow {
  entryId: string;
  at: string;
  reason: string;
  byUser: string;
}

export interface ReissueRow {
  annulledId: string;
  newEntryId: string;
  at: string;
  byUser: string;
}

export interface DocumentCodeRow {
  entryId: string;
  shortCode: string;
}

export interface AuditExportRow {
  id: number;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

interface RowRange {
  after: number;
  upTo: number;
}

const HANDOVER_COLUMNS = 'entry_id AS "entryId", at, received_by AS "receivedBy", recipient_name AS "recipientName", by_user AS "byUser", proxy_number, proxy_date, proxy_issuer';
const ANNULMENT_COLUMNS = 'entry_id AS "entryId", at, reason, by_user AS "byUser"';
const REISSUE_COLUMNS = 'annulled_entry_id AS "annulledId", new_entry_id AS "newEntryId", at, by_user AS "byUser"';
const DOCUMENT_CODE_COLUMNS = 'entry_id AS "entryId", short_code AS "shortCode"';

/** Rows of an entry-keyed append-only table written after `range.after`, up to `range.upTo`, in that order. */
function appendedBetween<Row>(db: Sql, table: string, columns: string, range: RowRange): Promise<Row[]> {
  const order = appendOrder(db);
  return db.all<Row>(`SELECT ${columns} FROM ${table} WHERE ${order} > ? AND ${order} <= ? ORDER BY ${order}`, [range.after, range.upTo]);
}

export async function handoversBetween(db: Sql, range: RowRange): Promise<HandoverRow[]> {
  return (await appendedBetween<StoredHandoverRow>(db, 'handovers', HANDOVER_COLUMNS, range)).map(handoverRowOf);
}

export async function annulmentsBetween(db: Sql, range: RowRange): Promise<AnnulmentRow[]> {
  return appendedBetween<AnnulmentRow>(db, 'annulments', ANNULMENT_COLUMNS, range);
}

export async function reissuesBetween(db: Sql, range: RowRange): Promise<ReissueRow[]> {
  return appendedBetween<ReissueRow>(db, 'reissues', REISSUE_COLUMNS, range);
}

export async function documentCodesBetween(db: Sql, range: RowRange): Promise<DocumentCodeRow[]> {
  return appendedBetween<DocumentCodeRow>(db, 'document_codes', DOCUMENT_CODE_COLUMNS, range);
}

export async function auditBetween(db: Sql, range: RowRange): Promise<AuditExportRow[]> {
  return db.all<AuditExportRow>(
    `SELECT id, at, user_id AS "userId", action, entity, entity_id AS "entityId", summary
       FROM audit_log WHERE id > ? AND id <= ? ORDER BY id`,
    [range.after, range.upTo],
  );
}

export async function getHandoverRow(db: Sql, entryId: string): Promise<HandoverRow | undefined> {
  const row = await db.get<StoredHandoverRow>(`SELECT ${HANDOVER_COLUMNS} FROM handovers WHERE entry_id = ?`, [entryId]);
  return row ? handoverRowOf(row) : undefined;
}

export async function getAnnulmentRow(db: Sql, entryId: string): Promise<AnnulmentRow | undefined> {
  return db.get<AnnulmentRow>(`SELECT ${ANNULMENT_COLUMNS} FROM annulments WHERE entry_id = ?`, [entryId]);
}

export async function getReissueRow(db: Sql, annulledId: string): Promise<ReissueRow | undefined> {
  return db.get<ReissueRow>(`SELECT ${REISSUE_COLUMNS} FROM reissues WHERE annulled_entry_id = ?`, [annulledId]);
}

export async function getDocumentCodeRow(db: Sql, entryId: string): Promise<DocumentCodeRow | undefined> {
  return db.get<DocumentCodeRow>(`SELECT ${DOCUMENT_CODE_COLUMNS} FROM document_codes WHERE entry_id = ?`, [entryId]);
}

/** The journal an entry belongs to, and that journal's office. */
export async function entryOwner(db: Sql, entryId: string): Promise<{ journalId: string; officeId: string } | undefined> {
  return db.get<{ journalId: string; officeId: string }>(
    'SELECT e.journal_id AS "journalId", j.office_id AS "officeId" FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?',
    [entryId],
  );
}

export async function userExists(db: Sql, userId: string): Promise<boolean> {
  return (await db.get<{ found: number }>('SELECT 1 AS found FROM users WHERE id = ?', [userId])) !== undefined;
}

// ── Templates, as a whole history ──────────────────────────────────────────────────────────────

export async function selectAllTemplateVersions(db: Sql): Promise<TemplateVersionRow[]> {
  return db.all<TemplateVersionRow>(
    `SELECT kind_id AS "kindId", version, text, created_at AS "createdAt", created_by AS "createdBy",
            created_by_name AS "createdByName"
       FROM templates ORDER BY kind_id, version`,
  );
}

export async function latestTemplateVersions(db: Sql): Promise<Map<string, number>> {
  const rows = await db.all<{ kindId: string; version: number }>(
    'SELECT kind_id AS "kindId", MAX(version) AS version FROM templates GROUP BY kind_id',
  );
  return new Map(rows.map((row) => [row.kindId, row.version]));
}
