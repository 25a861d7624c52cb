import type { RegisterDb } from '../database.js';
import type { EntrySort } from '../../../shared/domain/entry.js';
import { insertEntry, takeNextNumber, type EntrySearchText, type NewEntryRow } from './entries.js';
import type { TemplateVersionRow } from './templates.js';

/** SQL of the remote-workplace exchange (migration 0003, issue 10). Functions take the database first. */

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

export function insertExchangeLog(db: RegisterDb, row: Omit<ExchangeLogRow, 'id'>): void {
  db.prepare(
    `INSERT INTO exchange_log (direction, kind, office_id, sequence, period_from, period_to, file_name, file_digest,
       counts, marks, acknowledged, at, by_user)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
  );
}

export function listExchangeLog(db: RegisterDb, filter: { officeId?: string | undefined; limit: number }): ExchangeLogRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM exchange_log WHERE (:officeId IS NULL OR office_id = :officeId)
        ORDER BY at DESC, id DESC LIMIT :limit`,
    )
    .all({ officeId: filter.officeId ?? null, limit: filter.limit }) as RawLogRow[];
  return rows.map(toLogRow);
}

/** The newest row of this office, kind and direction (highest sequence), if any. */
export function latestExchange(
  db: RegisterDb,
  officeId: string,
  kind: ExchangeKind,
  direction: ExchangeDirection,
): ExchangeLogRow | undefined {
  const row = db
    .prepare(
      `SELECT * FROM exchange_log WHERE office_id = ? AND kind = ? AND direction = ?
        ORDER BY sequence DESC, id DESC LIMIT 1`,
    )
    .get(officeId, kind, direction) as RawLogRow | undefined;
  return row ? toLogRow(row) : undefined;
}

export function exchangeBySequence(
  db: RegisterDb,
  officeId: string,
  kind: ExchangeKind,
  direction: ExchangeDirection,
  sequence: number,
): ExchangeLogRow | undefined {
  const row = db
    .prepare('SELECT * FROM exchange_log WHERE office_id = ? AND kind = ? AND direction = ? AND sequence = ?')
    .get(officeId, kind, direction, sequence) as RawLogRow | undefined;
  return row ? toLogRow(row) : undefined;
}

export function exchangeByDigest(db: RegisterDb, digest: string, direction: ExchangeDirection): ExchangeLogRow | undefined {
  const row = db
    .prepare('SELECT * FROM exchange_log WHERE file_digest = ? AND direction = ? ORDER BY id LIMIT 1')
    .get(digest, direction) as RawLogRow | undefined;
  return row ? toLogRow(row) : undefined;
}

/** Workplace and update packages share one version series per office. */
export function latestPackageVersion(db: RegisterDb, officeId: string, direction: ExchangeDirection): number {
  const row = db
    .prepare(
      `SELECT MAX(sequence) AS version FROM exchange_log
        WHERE office_id = ? AND direction = ? AND kind IN ('workplace', 'update')`,
    )
    .get(officeId, direction) as { version: number | null };
  return row.version ?? 0;
}

/** The highest bundle sequence the centre has acknowledged to this remote desk (0: none yet). */
export function latestAcknowledged(db: RegisterDb, officeId: string): ExchangeLogRow | undefined {
  const row = db
    .prepare(
      `SELECT * FROM exchange_log WHERE office_id = ? AND direction = 'import' AND kind = 'update'
          AND acknowledged IS NOT NULL
        ORDER BY acknowledged DESC, id DESC LIMIT 1`,
    )
    .get(officeId) as RawLogRow | undefined;
  return row ? toLogRow(row) : undefined;
}

// ── Pinned office keys ─────────────────────────────────────────────────────────────────────────

export interface PinnedOfficeKeys {
  officeId: string;
  signingKey: string;
  encryptionKey: string;
  pinnedAt: string;
}

export function getPinnedKeys(db: RegisterDb, officeId: string): PinnedOfficeKeys | undefined {
  return db
    .prepare(
      `SELECT office_id AS officeId, signing_key AS signingKey, encryption_key AS encryptionKey, pinned_at AS pinnedAt
         FROM exchange_office_keys WHERE office_id = ?`,
    )
    .get(officeId) as PinnedOfficeKeys | undefined;
}

export function pinOfficeKeys(db: RegisterDb, keys: PinnedOfficeKeys, pinnedBy: string | null): void {
  db.prepare(
    'INSERT INTO exchange_office_keys (office_id, signing_key, encryption_key, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?)',
  ).run(keys.officeId, keys.signingKey, keys.encryptionKey, keys.pinnedAt, pinnedBy);
}

// ── Where a journal bundle starts and ends ─────────────────────────────────────────────────────

export interface ChainHead {
  year: number;
  number: number;
  hash: string;
}

export function journalHead(db: RegisterDb, journalId: string): ChainHead | undefined {
  return db
    .prepare('SELECT year, number, hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1')
    .get(journalId) as ChainHead | undefined;
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

export function currentRowMarks(db: RegisterDb): RowMarks {
  return db
    .prepare(
      `SELECT (SELECT COALESCE(MAX(rowid), 0) FROM handovers) AS handovers,
              (SELECT COALESCE(MAX(rowid), 0) FROM annulments) AS annulments,
              (SELECT COALESCE(MAX(rowid), 0) FROM reissues) AS reissues,
              (SELECT COALESCE(MAX(rowid), 0) FROM document_codes) AS documentCodes,
              (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS audit`,
    )
    .get() as RowMarks;
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
export function entriesBetween(
  db: RegisterDb,
  journalId: string,
  after: { year: number; number: number },
  upTo: { year: number; number: number },
): ForeignEntryRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM entries WHERE journal_id = ? AND (year, number) > (?, ?) AND (year, number) <= (?, ?)
        ORDER BY year, number`,
    )
    .all(journalId, after.year, after.number, upTo.year, upTo.number) as RawEntryRow[];
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
 * hash kept, issue 10). The counter is advanced the same way a local entry takes its number, so
 * the triggers of migration 0001 still hold: the number must be the one the counter just reached
 * and `prev_hash` must link to the journal's latest entry — a row that does not continue the
 * journal aborts. Returns false when the counter gave another number (nothing written then, as
 * the caller rolls the transaction back).
 */
export function insertForeignEntry(db: RegisterDb, row: ForeignEntryRow, search: EntrySearchText): boolean {
  if (takeNextNumber(db, row.journalId, row.year) !== row.number) return false;
  insertEntry(db, row, search);
  return true;
}

export interface HandoverRow {
  entryId: string;
  at: string;
  receivedBy: 'subject' | 'representative';
  recipientName: string;
  byUser: string;
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

export function handoversBetween(db: RegisterDb, range: RowRange): HandoverRow[] {
  return db
    .prepare(
      `SELECT entry_id AS entryId, at, received_by AS receivedBy, recipient_name AS recipientName, by_user AS byUser
         FROM handovers WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
    )
    .all(range.after, range.upTo) as HandoverRow[];
}

export function annulmentsBetween(db: RegisterDb, range: RowRange): AnnulmentRow[] {
  return db
    .prepare('SELECT entry_id AS entryId, at, reason, by_user AS byUser FROM annulments WHERE rowid > ? AND rowid <= ? ORDER BY rowid')
    .all(range.after, range.upTo) as AnnulmentRow[];
}

export function reissuesBetween(db: RegisterDb, range: RowRange): ReissueRow[] {
  return db
    .prepare(
      `SELECT annulled_entry_id AS annulledId, new_entry_id AS newEntryId, at, by_user AS byUser
         FROM reissues WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
    )
    .all(range.after, range.upTo) as ReissueRow[];
}

export function documentCodesBetween(db: RegisterDb, range: RowRange): DocumentCodeRow[] {
  return db
    .prepare('SELECT entry_id AS entryId, short_code AS shortCode FROM document_codes WHERE rowid > ? AND rowid <= ? ORDER BY rowid')
    .all(range.after, range.upTo) as DocumentCodeRow[];
}

export function auditBetween(db: RegisterDb, range: RowRange): AuditExportRow[] {
  return db
    .prepare(
      `SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, summary
         FROM audit_log WHERE id > ? AND id <= ? ORDER BY id`,
    )
    .all(range.after, range.upTo) as AuditExportRow[];
}

export function getHandoverRow(db: RegisterDb, entryId: string): HandoverRow | undefined {
  return db
    .prepare(
      `SELECT entry_id AS entryId, at, received_by AS receivedBy, recipient_name AS recipientName, by_user AS byUser
         FROM handovers WHERE entry_id = ?`,
    )
    .get(entryId) as HandoverRow | undefined;
}

export function getAnnulmentRow(db: RegisterDb, entryId: string): AnnulmentRow | undefined {
  return db
    .prepare('SELECT entry_id AS entryId, at, reason, by_user AS byUser FROM annulments WHERE entry_id = ?')
    .get(entryId) as AnnulmentRow | undefined;
}

export function getReissueRow(db: RegisterDb, annulledId: string): ReissueRow | undefined {
  return db
    .prepare(
      `SELECT annulled_entry_id AS annulledId, new_entry_id AS newEntryId, at, by_user AS byUser
         FROM reissues WHERE annulled_entry_id = ?`,
    )
    .get(annulledId) as ReissueRow | undefined;
}

export function getDocumentCodeRow(db: RegisterDb, entryId: string): DocumentCodeRow | undefined {
  return db
    .prepare('SELECT entry_id AS entryId, short_code AS shortCode FROM document_codes WHERE entry_id = ?')
    .get(entryId) as DocumentCodeRow | undefined;
}

/** The journal an entry belongs to, and that journal's office. */
export function entryOwner(db: RegisterDb, entryId: string): { journalId: string; officeId: string } | undefined {
  return db
    .prepare('SELECT e.journal_id AS journalId, j.office_id AS officeId FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?')
    .get(entryId) as { journalId: string; officeId: string } | undefined;
}

export function userExists(db: RegisterDb, userId: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId) !== undefined;
}

// ── Templates, as a whole history ──────────────────────────────────────────────────────────────

export function selectAllTemplateVersions(db: RegisterDb): TemplateVersionRow[] {
  return db
    .prepare(
      `SELECT kind_id AS kindId, version, text, created_at AS createdAt, created_by AS createdBy,
              created_by_name AS createdByName
         FROM templates ORDER BY kind_id, version`,
    )
    .all() as TemplateVersionRow[];
}

export function latestTemplateVersions(db: RegisterDb): Map<string, number> {
  const rows = db.prepare('SELECT kind_id AS kindId, MAX(version) AS version FROM templates GROUP BY kind_id').all() as {
    kindId: string;
    version: number;
  }[];
  return new Map(rows.map((row) => [row.kindId, row.version]));
}
