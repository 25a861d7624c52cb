import type { Statement } from 'better-sqlite3';
import type { RegisterDb } from '../database.js';
import type { EntryContent, EntryRecord, EntrySort, EntryStatus } from '../../../shared/domain/entry.js';

/** An entry row as written: the hashed fields plus the chain. */
export interface NewEntryRow {
  id: string;
  journalId: string;
  year: number;
  number: number;
  printedNumber: string;
  sort: EntrySort;
  kinds: readonly string[];
  createdAt: string;
  localDate: string;
  createdBy: string;
  /** Canonical JSON of the content. */
  contentJson: string;
  prevHash: string;
  hash: string;
}

/** What the full-text index holds for an entry; apostrophes already normalised. */
export interface EntrySearchText {
  names: string;
  address: string;
  number: string;
}

/** A stored row read back raw, exactly as the chain verification needs it. */
export interface ChainRow {
  id: string;
  year: number;
  number: number;
  printedNumber: string;
  sort: string;
  kindsJson: string;
  createdAt: string;
  localDate: string;
  createdBy: string;
  contentJson: string;
  prevHash: string;
  hash: string;
}

const statements = new WeakMap<RegisterDb, Map<string, Statement>>();

/**
 * The write path's statements, compiled once per connection: issuing runs the same five on every
 * entry, and compiling them each time cost more than executing them (issue 8 benchmark).
 */
function prepared(db: RegisterDb, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Advances the journal's counter for the year and returns the new number (inside BEGIN IMMEDIATE). */
export function takeNextNumber(db: RegisterDb, journalId: string, year: number): number {
  const row = prepared(db, 'SELECT last_number FROM journal_counters WHERE journal_id = ? AND year = ?').get(journalId, year) as
    | { last_number: number }
    | undefined;
  if (!row) {
    prepared(db, 'INSERT INTO journal_counters (journal_id, year, last_number) VALUES (?, ?, 1)').run(journalId, year);
    return 1;
  }
  prepared(db, 'UPDATE journal_counters SET last_number = last_number + 1 WHERE journal_id = ? AND year = ?').run(
    journalId,
    year,
  );
  return row.last_number + 1;
}

export function latestEntryOfJournal(db: RegisterDb, journalId: string): { year: number; hash: string } | undefined {
  return prepared(db, 'SELECT year, hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1').get(journalId) as
    | { year: number; hash: string }
    | undefined;
}

export function insertEntry(db: RegisterDb, row: NewEntryRow, search: EntrySearchText): void {
  prepared(
    db,
    `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date,
       created_by, content, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.journalId,
    row.year,
    row.number,
    row.printedNumber,
    row.sort,
    JSON.stringify(row.kinds),
    row.createdAt,
    row.localDate,
    row.createdBy,
    row.contentJson,
    row.prevHash,
    row.hash,
  );
  prepared(db, 'INSERT INTO entries_fts (entry_id, names, address, number) VALUES (?, ?, ?, ?)').run(
    row.id,
    search.names,
    search.address,
    search.number,
  );
}

export function insertHandover(
  db: RegisterDb,
  handover: { entryId: string; at: string; receivedBy: 'subject' | 'representative'; recipientName: string; byUser: string },
): void {
  db.prepare('INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user) VALUES (?, ?, ?, ?, ?)').run(
    handover.entryId,
    handover.at,
    handover.receivedBy,
    handover.recipientName,
    handover.byUser,
  );
}

export function insertAnnulment(db: RegisterDb, annulment: { entryId: string; at: string; reason: string; byUser: string }): void {
  db.prepare('INSERT INTO annulments (entry_id, at, reason, by_user) VALUES (?, ?, ?, ?)').run(
    annulment.entryId,
    annulment.at,
    annulment.reason,
    annulment.byUser,
  );
}

export function insertReissue(db: RegisterDb, link: { annulledId: string; newEntryId: string; at: string; byUser: string }): void {
  db.prepare('INSERT INTO reissues (annulled_entry_id, new_entry_id, at, by_user) VALUES (?, ?, ?, ?)').run(
    link.annulledId,
    link.newEntryId,
    link.at,
    link.byUser,
  );
}

export function isReplacementTaken(db: RegisterDb, newEntryId: string): boolean {
  return db.prepare('SELECT 1 FROM reissues WHERE new_entry_id = ?').get(newEntryId) !== undefined;
}

const STATUS_SQL = `CASE
  WHEN a.entry_id IS NOT NULL THEN 'annulled'
  WHEN e.sort = 'refusal' THEN 'refused'
  WHEN h.entry_id IS NOT NULL THEN 'handed_over'
  ELSE 'issued' END`;

const RECORD_COLUMNS = `
  e.id, e.journal_id, j.nomenclature_index AS journal_index, j.office_id, o.code AS office_code,
  e.year, e.number, e.printed_number, e.sort, e.kinds, e.created_at, e.local_date,
  e.created_by, cu.full_name AS created_by_name, e.content, e.prev_hash, e.hash,
  ${STATUS_SQL} AS status,
  h.at AS handover_at, h.received_by AS handover_received_by, h.recipient_name AS handover_recipient,
  h.by_user AS handover_by, hu.full_name AS handover_by_name,
  a.at AS annulled_at, a.reason AS annul_reason, a.by_user AS annulled_by, au.full_name AS annulled_by_name,
  r.new_entry_id AS replaced_by_id, re.printed_number AS replaced_by_number`;

const RECORD_JOINS = `
  JOIN journals j ON j.id = e.journal_id
  JOIN offices o ON o.id = j.office_id
  JOIN users cu ON cu.id = e.created_by
  LEFT JOIN handovers h ON h.entry_id = e.id
  LEFT JOIN users hu ON hu.id = h.by_user
  LEFT JOIN annulments a ON a.entry_id = e.id
  LEFT JOIN users au ON au.id = a.by_user
  LEFT JOIN reissues r ON r.annulled_entry_id = e.id
  LEFT JOIN entries re ON re.id = r.new_entry_id`;

interface RecordRow {
  id: string;
  journal_id: string;
  journal_index: string;
  office_id: string;
  office_code: string;
  year: number;
  number: number;
  printed_number: string;
  sort: EntrySort;
  kinds: string;
  created_at: string;
  local_date: string;
  created_by: string;
  created_by_name: string;
  content: string;
  prev_hash: string;
  hash: string;
  status: EntryStatus;
  handover_at: string | null;
  handover_received_by: 'subject' | 'representative' | null;
  handover_recipient: string | null;
  handover_by: string | null;
  handover_by_name: string | null;
  annulled_at: string | null;
  annul_reason: string | null;
  annulled_by: string | null;
  annulled_by_name: string | null;
  replaced_by_id: string | null;
  replaced_by_number: string | null;
}

function toRecord(row: RecordRow): EntryRecord {
  return {
    id: row.id,
    journalId: row.journal_id,
    journalIndex: row.journal_index,
    officeId: row.office_id,
    officeCode: row.office_code,
    year: row.year,
    number: row.number,
    printedNumber: row.printed_number,
    sort: row.sort,
    kinds: JSON.parse(row.kinds) as string[],
    createdAt: row.created_at,
    localDate: row.local_date,
    createdBy: { userId: row.created_by, fullName: row.created_by_name },
    content: JSON.parse(row.content) as EntryContent,
    prevHash: row.prev_hash,
    hash: row.hash,
    status: row.status,
    ...(row.handover_at !== null
      ? {
          handover: {
            at: row.handover_at,
            receivedBy: row.handover_received_by ?? 'subject',
            recipientName: row.handover_recipient ?? '',
            byUserId: row.handover_by ?? '',
            byUserName: row.handover_by_name ?? '',
          },
        }
      : {}),
    ...(row.annulled_at !== null
      ? {
          annulment: {
            at: row.annulled_at,
            reason: row.annul_reason ?? '',
            byUserId: row.annulled_by ?? '',
            byUserName: row.annulled_by_name ?? '',
            ...(row.replaced_by_id !== null ? { replacedByEntryId: row.replaced_by_id } : {}),
            ...(row.replaced_by_number !== null ? { replacedByPrintedNumber: row.replaced_by_number } : {}),
          },
        }
      : {}),
  };
}

export function getEntryRecord(db: RegisterDb, id: string): EntryRecord | undefined {
  const row = db.prepare(`SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS} WHERE e.id = ?`).get(id) as
    | RecordRow
    | undefined;
  return row ? toRecord(row) : undefined;
}

export interface EntrySearchFilter {
  /** An FTS5 MATCH expression built from normalised words, or absent. */
  match?: string;
  dateFrom?: string;
  dateTo?: string;
  journalId?: string;
  officeId?: string;
  kind?: string;
  sort?: EntrySort;
  status?: EntryStatus;
  createdBy?: string;
  limit: number;
  offset: number;
}

function searchWhere(filter: EntrySearchFilter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.match !== undefined) add('entries_fts MATCH ?', filter.match);
  if (filter.dateFrom !== undefined) add('e.local_date >= ?', filter.dateFrom);
  if (filter.dateTo !== undefined) add('e.local_date <= ?', filter.dateTo);
  if (filter.journalId !== undefined) add('e.journal_id = ?', filter.journalId);
  if (filter.officeId !== undefined) add('j.office_id = ?', filter.officeId);
  if (filter.kind !== undefined) add('EXISTS (SELECT 1 FROM json_each(e.kinds) k WHERE k.value = ?)', filter.kind);
  if (filter.sort !== undefined) add('e.sort = ?', filter.sort);
  if (filter.status !== undefined) add(`(${STATUS_SQL}) = ?`, filter.status);
  if (filter.createdBy !== undefined) add('e.created_by = ?', filter.createdBy);
  return { clauses, params };
}

/**
 * Text alone: the full-text index orders and limits by its own rowid — the order entries were
 * written into this register, newest first — and only the page's rows are joined. Sorting every
 * match by a column of `entries` after the join read every match first: tens of thousands of
 * rows for a two-letter prefix at a million entries (issue 8).
 */
function textOnlySearch(db: RegisterDb, match: string, limit: number, offset: number): { records: EntryRecord[]; total: number } {
  const rows = db
    .prepare(
      `SELECT ${RECORD_COLUMNS}
       FROM (SELECT entry_id, rowid AS hit FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) f
       JOIN entries e ON e.id = f.entry_id ${RECORD_JOINS}
       ORDER BY f.hit DESC`,
    )
    .all(match, limit, offset) as RecordRow[];
  const total = (db.prepare('SELECT COUNT(*) AS n FROM entries_fts WHERE entries_fts MATCH ?').get(match) as { n: number }).n;
  return { records: rows.map(toRecord), total };
}

/** Newest first; full-text matching, filters, order and paging all happen in one query. */
export function searchEntryRecords(db: RegisterDb, filter: EntrySearchFilter): { records: EntryRecord[]; total: number } {
  const { clauses, params } = searchWhere(filter);
  if (filter.match !== undefined && clauses.length === 1) return textOnlySearch(db, filter.match, filter.limit, filter.offset);
  const from = filter.match !== undefined ? 'entries_fts f JOIN entries e ON e.id = f.entry_id' : 'entries e';
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT ${RECORD_COLUMNS} FROM ${from} ${RECORD_JOINS} ${where}
       ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, filter.limit, filter.offset) as RecordRow[];
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM ${from} ${RECORD_JOINS} ${where}`).get(...params) as { n: number }
  ).n;
  return { records: rows.map(toRecord), total };
}

/**
 * The naive search the benchmark compares the full-text one with (issue 8): `LIKE` over every
 * entry's stored content, newest first, with its count. Not used by the desk itself.
 */
export function likeSearchEntryRecords(db: RegisterDb, text: string, limit: number): { records: EntryRecord[]; total: number } {
  const pattern = `%${text}%`;
  const rows = db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS} WHERE e.content LIKE ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?`)
    .all(pattern, limit) as RecordRow[];
  const total = (db.prepare('SELECT COUNT(*) AS n FROM entries WHERE content LIKE ?').get(pattern) as { n: number }).n;
  return { records: rows.map(toRecord), total };
}

export interface DayTotalsRow {
  journalId: string;
  journalIndex: string;
  officeId: string;
  total: number;
  certificates: number;
  certifications: number;
  refusals: number;
  handedOver: number;
  annulled: number;
  firstPrintedNumber: string;
  lastPrintedNumber: string;
}

export function dayTotalsByJournal(db: RegisterDb, localDate: string, officeId?: string): DayTotalsRow[] {
  const rows = db
    .prepare(
      `SELECT e.journal_id, j.nomenclature_index AS journal_index, j.office_id,
         COUNT(*) AS total,
         SUM(e.sort = 'certificate') AS certificates,
         SUM(e.sort = 'certification') AS certifications,
         SUM(e.sort = 'refusal') AS refusals,
         SUM(h.entry_id IS NOT NULL) AS handed_over,
         SUM(a.entry_id IS NOT NULL) AS annulled,
         (SELECT printed_number FROM entries x WHERE x.journal_id = e.journal_id AND x.local_date = ?
            ORDER BY x.year, x.number LIMIT 1) AS first_printed,
         (SELECT printed_number FROM entries x WHERE x.journal_id = e.journal_id AND x.local_date = ?
            ORDER BY x.year DESC, x.number DESC LIMIT 1) AS last_printed
       FROM entries e
       JOIN journals j ON j.id = e.journal_id
       LEFT JOIN handovers h ON h.entry_id = e.id
       LEFT JOIN annulments a ON a.entry_id = e.id
       WHERE e.local_date = ? AND (? IS NULL OR j.office_id = ?)
       GROUP BY e.journal_id
       ORDER BY j.nomenclature_index`,
    )
    .all(localDate, localDate, localDate, officeId ?? null, officeId ?? null) as {
    journal_id: string;
    journal_index: string;
    office_id: string;
    total: number;
    certificates: number;
    certifications: number;
    refusals: number;
    handed_over: number;
    annulled: number;
    first_printed: string;
    last_printed: string;
  }[];
  return rows.map((row) => ({
    journalId: row.journal_id,
    journalIndex: row.journal_index,
    officeId: row.office_id,
    total: row.total,
    certificates: row.certificates,
    certifications: row.certifications,
    refusals: row.refusals,
    handedOver: row.handed_over,
    annulled: row.annulled,
    firstPrintedNumber: row.first_printed,
    lastPrintedNumber: row.last_printed,
  }));
}

/** One page of a journal's chain in order, after (year, number) — keyset paging for verification. */
export function chainPage(
  db: RegisterDb,
  journalId: string,
  after: { year: number; number: number },
  limit: number,
): ChainRow[] {
  return db
    .prepare(
      `SELECT id, year, number, printed_number AS printedNumber, sort, kinds AS kindsJson, created_at AS createdAt,
         local_date AS localDate, created_by AS createdBy, content AS contentJson, prev_hash AS prevHash, hash
       FROM entries WHERE journal_id = ? AND (year, number) > (?, ?)
       ORDER BY year, number LIMIT ?`,
    )
    .all(journalId, after.year, after.number, limit) as ChainRow[];
}

export function journalCounters(db: RegisterDb, journalId: string): { year: number; lastNumber: number }[] {
  return db
    .prepare('SELECT year, last_number AS lastNumber FROM journal_counters WHERE journal_id = ? ORDER BY year')
    .all(journalId) as { year: number; lastNumber: number }[];
}

/** A journal's entries for printed pages (section E), in journal order, between two Kyiv dates. */
export function journalEntriesBetween(db: RegisterDb, journalId: string, dateFrom: string, dateTo: string): EntryRecord[] {
  const rows = db
    .prepare(
      `SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS}
       WHERE e.journal_id = ? AND e.year BETWEEN ? AND ? AND e.local_date BETWEEN ? AND ?
       ORDER BY e.year, e.number`,
    )
    // The year bounds keep the walk along (journal, year, number) to the years the range covers.
    .all(journalId, Number(dateFrom.slice(0, 4)), Number(dateTo.slice(0, 4)), dateFrom, dateTo) as RecordRow[];
  return rows.map(toRecord);
}
