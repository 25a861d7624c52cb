import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { foldedTokens, toFtsQuery, toTsQuery, toTsVector } from '../search-text.js';
import { lostRangeAt } from './lost-numbers.js';
import type { Sql, SqlValue } from '../sql.js';
import { insertAudit, type NewAuditRow } from './audit.js';
import type { EntryContent, EntryRecord, EntrySort, EntryStatus, PowerOfAttorney } from '../../../shared/domain/entry.js';

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

/**
 * Makes this transaction the journal's only writer until it ends: the chain head and the next
 * number are read after this. SQLite's `BEGIN IMMEDIATE` already holds the whole file; on
 * PostgreSQL the journal's row lock queues the other workstations (R7.12: no gap, no duplicate).
 */
export async function lockJournalForWriting(db: Sql, journalId: string): Promise<void> {
  if (db.dialect === 'postgres') await db.get('SELECT id FROM journals WHERE id = ? FOR UPDATE', [journalId]);
}

/**
 * Advances the journal's counter for the year and returns the new number (inside the journal's
 * lock). A year starts at 1, or at the number set for it when the journal continues a paper one;
 * a lost range starting at the next number is stepped over.
 * On PostgreSQL the entry's insert advances it (a trigger with the owner's rights, so the
 * application role never writes a counter): here the number is only read.
 */
export async function takeNextNumber(db: Sql, journalId: string, year: number): Promise<number> {
  const row = await db.get<{ last_number: number }>('SELECT last_number FROM journal_counters WHERE journal_id = ? AND year = ?', [
    journalId,
    year,
  ]);
  const plain = row ? row.last_number + 1 : await firstNumberOfYear(db, journalId, year);
  // Numbers a dead remote PC gave on paper are stepped over, never given again (migration 0010).
  const lost = await lostRangeAt(db, journalId, year, plain);
  const number = lost ? lost.toNumber + 1 : plain;
  if (db.dialect === 'postgres') return number;
  if (!row) {
    await db.run('INSERT INTO journal_counters (journal_id, year, last_number) VALUES (?, ?, ?)', [journalId, year, number]);
    return number;
  }
  await db.run('UPDATE journal_counters SET last_number = ? WHERE journal_id = ? AND year = ?', [number, journalId, year]);
  return number;
}

/** The number a journal's year starts at: 1, or the number set when it continued a paper journal. */
export async function firstNumberOfYear(db: Sql, journalId: string, year: number): Promise<number> {
  const row = await db.get<{ first_number: number }>('SELECT first_number FROM journal_year_starts WHERE journal_id = ? AND year = ?', [
    journalId,
    year,
  ]);
  return row ? Number(row.first_number) : 1;
}

/** Every year of a journal that does not start at 1, with its first number. */
export async function journalFirstNumbers(db: Sql, journalId: string): Promise<Map<number, number>> {
  const rows = await db.all<{ year: number; first_number: number }>('SELECT year, first_number FROM journal_year_starts WHERE journal_id = ?', [
    journalId,
  ]);
  return new Map(rows.map((row) => [Number(row.year), Number(row.first_number)]));
}

export async function latestEntryOfJournal(db: Sql, journalId: string): Promise<{ year: number; hash: string } | undefined> {
  return db.get('SELECT year, hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1', [journalId]);
}

/**
 * The entry row alone. A bulk load (`appendBatch`) writes the full-text rows after its last entry:
 * FTS5 writes its pending rows out whenever a later statement of the transaction opens a statement
 * journal, so full-text rows interleaved with entry, audit and counter statements would cost a
 * segment, and a merge, per entry.
 */
export async function insertEntryRow(db: Sql, row: NewEntryRow): Promise<void> {
  await db.run(
    `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date,
       created_by, content, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
}

/** The entry row and its full-text row. */
export async function insertEntry(db: Sql, row: NewEntryRow, search: EntrySearchText): Promise<void> {
  await insertEntryRow(db, row);
  await insertEntrySearchText(db, row.id, search);
}

/** The full-text row of an entry; PostgreSQL also gets the folded words as a tsvector. */
export async function insertEntrySearchText(db: Sql, entryId: string, search: EntrySearchText): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.run('INSERT INTO entries_fts (entry_id, names, address, number, lexemes) VALUES (?, ?, ?, ?, CAST(? AS tsvector))', [
      entryId,
      search.names,
      search.address,
      search.number,
      toTsVector(search),
    ]);
    return;
  }
  await db.run('INSERT INTO entries_fts (entry_id, names, address, number) VALUES (?, ?, ?, ?)', [
    entryId,
    search.names,
    search.address,
    search.number,
  ]);
}

export interface HandoverRowInput {
  entryId: string;
  at: string;
  receivedBy: 'subject' | 'representative';
  recipientName: string;
  powerOfAttorney?: PowerOfAttorney | undefined;
  byUser: string;
}

export async function insertHandover(db: Sql, handover: HandoverRowInput): Promise<void> {
  const proxy = handover.powerOfAttorney;
  await db.run(
    `INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user, proxy_number, proxy_date, proxy_issuer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [handover.entryId, handover.at, handover.receivedBy, handover.recipientName, handover.byUser, proxy?.number ?? null, proxy?.date ?? null, proxy?.issuer ?? null],
  );
}

/** The power of attorney of a handover row, or undefined for one without (the subject's own, or written before schema 11). */
export function powerOfAttorneyOf(row: { proxy_number: string | null; proxy_date: string | null; proxy_issuer: string | null }): PowerOfAttorney | undefined {
  if (row.proxy_number === null || row.proxy_date === null || row.proxy_issuer === null) return undefined;
  return { number: row.proxy_number, date: row.proxy_date, issuer: row.proxy_issuer };
}

export async function insertAnnulment(db: Sql, annulment: { entryId: string; at: string; reason: string; byUser: string }): Promise<void> {
  await db.run('INSERT INTO annulments (entry_id, at, reason, by_user) VALUES (?, ?, ?, ?)', [
    annulment.entryId,
    annulment.at,
    annulment.reason,
    annulment.byUser,
  ]);
}

export async function insertReissue(db: Sql, link: { annulledId: string; newEntryId: string; at: string; byUser: string }): Promise<void> {
  await db.run('INSERT INTO reissues (annulled_entry_id, new_entry_id, at, by_user) VALUES (?, ?, ?, ?)', [
    link.annulledId,
    link.newEntryId,
    link.at,
    link.byUser,
  ]);
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
  h.by_user AS handover_by, hu.full_name AS handover_by_name, h.proxy_number, h.proxy_date, h.proxy_issuer,
  a.at AS annulled_at, a.reason AS annul_reason, a.by_user AS annulled_by, au.full_name AS annulled_by_name,
  r.new_entry_id AS replaced_by_id, re.printed_number AS replaced_by_number,
  ro.annulled_entry_id AS reissue_of_id, oe.printed_number AS reissue_of_number`;

const RECORD_JOINS = `
  JOIN journals j ON j.id = e.journal_id
  JOIN offices o ON o.id = j.office_id
  JOIN users cu ON cu.id = e.created_by
  LEFT JOIN handovers h ON h.entry_id = e.id
  LEFT JOIN users hu ON hu.id = h.by_user
  LEFT JOIN annulments a ON a.entry_id = e.id
  LEFT JOIN users au ON au.id = a.by_user
  LEFT JOIN reissues r ON r.annulled_entry_id = e.id
  LEFT JOIN entries re ON re.id = r.new_entry_id
  LEFT JOIN reissues ro ON ro.new_entry_id = e.id
  LEFT JOIN entries oe ON oe.id = ro.annulled_entry_id`;

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
  proxy_number: string | null;
  proxy_date: string | null;
  proxy_issuer: string | null;
  annulled_at: string | null;
  annul_reason: string | null;
  annulled_by: string | null;
  annulled_by_name: string | null;
  replaced_by_id: string | null;
  replaced_by_number: string | null;
  reissue_of_id: string | null;
  reissue_of_number: string | null;
}

function withPowerOfAttorney(row: RecordRow): { powerOfAttorney?: PowerOfAttorney } {
  const proxy = powerOfAttorneyOf(row);
  return proxy ? { powerOfAttorney: proxy } : {};
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
            ...withPowerOfAttorney(row),
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
    ...(row.reissue_of_id !== null ? { reissueOf: { entryId: row.reissue_of_id, printedNumber: row.reissue_of_number ?? '' } } : {}),
  };
}

/**
 * The record of an entry just written by `insertEntry`, as `getEntryRecord` would read it back:
 * the row as written plus what the record shows beside it (journal index, office, the author's
 * name), read in the same transaction. Issuing returns it without reading the whole row and its
 * joins again after the commit, and with the content it has just validated and written rather
 * than its JSON parsed back (the issuing benchmark). A new entry has no handover or annulment; it may replace an
 * annulled entry, linked in the same transaction.
 */
export async function newEntryRecord(
  db: Sql,
  row: NewEntryRow,
  content: EntryContent,
  replaces?: Pick<EntryRecord, 'id' | 'printedNumber'>,
): Promise<EntryRecord | undefined> {
  const names = await db.get<Pick<RecordRow, 'journal_index' | 'office_id' | 'office_code' | 'created_by_name'>>(
    `SELECT j.nomenclature_index AS journal_index, j.office_id, o.code AS office_code, u.full_name AS created_by_name
     FROM journals j JOIN offices o ON o.id = j.office_id JOIN users u ON u.id = ?
     WHERE j.id = ?`,
    [row.createdBy, row.journalId],
  );
  if (!names) return undefined;
  return {
    id: row.id,
    journalId: row.journalId,
    journalIndex: names.journal_index,
    officeId: names.office_id,
    officeCode: names.office_code,
    year: row.year,
    number: row.number,
    printedNumber: row.printedNumber,
    sort: row.sort,
    kinds: [...row.kinds],
    createdAt: row.createdAt,
    localDate: row.localDate,
    createdBy: { userId: row.createdBy, fullName: names.created_by_name },
    content,
    prevHash: row.prevHash,
    hash: row.hash,
    // STATUS_SQL for a row with no annulment and no handover.
    status: row.sort === 'refusal' ? 'refused' : 'issued',
    ...(replaces ? { reissueOf: { entryId: replaces.id, printedNumber: replaces.printedNumber } } : {}),
  };
}

export async function getEntryRecord(db: Sql, id: string): Promise<EntryRecord | undefined> {
  const row = await db.get<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS} WHERE e.id = ?`, [id]);
  return row ? toRecord(row) : undefined;
}

export interface EntrySearchFilter {
  /** What a person typed, split into normalised words (`searchWords`); all must match as prefixes. */
  words?: readonly string[];
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

interface FullTextQuery {
  /** The condition on the full-text table `f`. */
  clause: string;
  params: SqlValue[];
  /** PostgreSQL: the matching full-text row ids (`hit`), each once. */
  hits?: { sql: string; params: SqlValue[] };
}

/**
 * FTS5's MATCH on SQLite. On PostgreSQL the word table (migration 9): every token typed must begin
 * a word of the entry — a range of its byte-ordered B-tree — with the same prefix semantics as
 * FTS5; a typed word the tokenizer splits (`01-21/3`, `Коваль-Петренко`) is then also checked as a
 * phrase against the `tsvector`, on the rows the words found only.
 */
function fullTextQuery(db: Sql, words: readonly string[]): FullTextQuery {
  if (db.dialect !== 'postgres') return { clause: 'entries_fts MATCH ?', params: [toFtsQuery(words)] };
  const hits = wordTableHits(words);
  return { clause: `f.rowid IN (${hits.sql})`, params: hits.params, hits };
}

function wordTableHits(words: readonly string[]): { sql: string; params: SqlValue[] } {
  const tokensOfWords = words.map((word) => foldedTokens(normalizeApostrophes(word)));
  const tokens = [...new Set(tokensOfWords.flat())];
  const range = 'SELECT hit FROM entry_words WHERE word >= ? AND word < ?';
  const params: SqlValue[] = tokens.flatMap((token) => [token, prefixEnd(token)]);
  // INTERSECT keeps each row id once; a lone range may find an entry by several words.
  const found = tokens.length === 1 ? `SELECT DISTINCT hit FROM entry_words WHERE word >= ? AND word < ?` : tokens.map(() => range).join(' INTERSECT ');
  if (!tokensOfWords.some((tokens) => tokens.length > 1)) return { sql: found, params };
  return {
    sql: `SELECT w.hit FROM (${found}) w JOIN entries_fts p ON p.rowid = w.hit WHERE p.lexemes @@ CAST(? AS tsquery)`,
    params: [...params, toTsQuery(words)],
  };
}

/**
 * The first string after every string that begins with `prefix`, in byte order (`COLLATE "C"`):
 * UTF-8's byte order is the order of code points, so the last one moved on by one.
 */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const last = (points.pop() ?? '').codePointAt(0) ?? 0;
  const next = last + 1;
  // No text holds a lone surrogate: after U+D7FF comes U+E000.
  return points.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}

function kindClause(db: Sql): string {
  return db.dialect === 'postgres'
    ? 'EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(e.kinds AS jsonb)) k WHERE k = ?)'
    : 'EXISTS (SELECT 1 FROM json_each(e.kinds) k WHERE k.value = ?)';
}

function searchWhere(db: Sql, filter: EntrySearchFilter, text: FullTextQuery | undefined): { clauses: string[]; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    clauses.push(clause);
    params.push(value);
  };
  if (text) {
    clauses.push(text.clause);
    params.push(...text.params);
  }
  if (filter.dateFrom !== undefined) add('e.local_date >= ?', filter.dateFrom);
  if (filter.dateTo !== undefined) add('e.local_date <= ?', filter.dateTo);
  if (filter.journalId !== undefined) add('e.journal_id = ?', filter.journalId);
  if (filter.officeId !== undefined) add('j.office_id = ?', filter.officeId);
  if (filter.kind !== undefined) add(kindClause(db), filter.kind);
  if (filter.sort !== undefined) add('e.sort = ?', filter.sort);
  if (filter.status !== undefined) add(`(${STATUS_SQL}) = ?`, filter.status);
  if (filter.createdBy !== undefined) add('e.created_by = ?', filter.createdBy);
  return { clauses, params };
}

/**
 * Text alone: the full-text index orders and limits by its own rowid — the order entries were
 * written into this register, newest first — and only the page's rows are joined. Sorting every
 * match by a column of `entries` after the join read every match first: tens of thousands of
 * rows for a two-letter prefix at a million entries.
 */
async function textOnlySearch(db: Sql, text: FullTextQuery, limit: number, offset: number): Promise<{ records: EntryRecord[]; total: number }> {
  if (text.hits) return wordTableSearch(db, text.hits, limit, offset);
  const rows = await db.all<RecordRow>(
    `SELECT ${RECORD_COLUMNS}
     FROM (SELECT f.entry_id, f.rowid AS hit FROM entries_fts f WHERE ${text.clause} ORDER BY f.rowid DESC LIMIT ? OFFSET ?) m
     JOIN entries e ON e.id = m.entry_id ${RECORD_JOINS}
     ORDER BY m.hit DESC`,
    [...text.params, limit, offset],
  );
  const counted = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM entries_fts f WHERE ${text.clause}`, text.params);
  return { records: rows.map(toRecord), total: counted?.n ?? 0 };
}

/**
 * PostgreSQL: the matching row ids come from the word table's index in one pass, which both
 * counts them and keeps the newest page; only the page's entries are read from the table.
 */
async function wordTableSearch(db: Sql, hits: { sql: string; params: SqlValue[] }, limit: number, offset: number): Promise<{ records: EntryRecord[]; total: number }> {
  const rows = await db.all<RecordRow & { total: number }>(
    `SELECT ${RECORD_COLUMNS}, p.total
     FROM (SELECT m.hit, COUNT(*) OVER () AS total FROM (${hits.sql}) m ORDER BY m.hit DESC LIMIT ? OFFSET ?) p
     JOIN entries_fts f ON f.rowid = p.hit JOIN entries e ON e.id = f.entry_id ${RECORD_JOINS}
     ORDER BY p.hit DESC`,
    [...hits.params, limit, offset],
  );
  const first = rows[0];
  if (first) return { records: rows.map(toRecord), total: Number(first.total) };
  // A page past the last match carries no count of its own.
  const counted = offset === 0 ? undefined : await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${hits.sql}) m`, hits.params);
  return { records: [], total: counted?.n ?? 0 };
}

/** Newest first; full-text matching, filters, order and paging all happen in one query. */
export async function searchEntryRecords(db: Sql, filter: EntrySearchFilter): Promise<{ records: EntryRecord[]; total: number }> {
  const text = filter.words?.length ? fullTextQuery(db, filter.words) : undefined;
  const { clauses, params } = searchWhere(db, filter, text);
  if (text && clauses.length === 1) return textOnlySearch(db, text, filter.limit, filter.offset);
  const from = text ? 'entries_fts f JOIN entries e ON e.id = f.entry_id' : 'entries e';
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = await db.all<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${from} ${RECORD_JOINS} ${where}
     ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    [...params, filter.limit, filter.offset],
  );
  const counted = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} ${RECORD_JOINS} ${where}`, params);
  return { records: rows.map(toRecord), total: counted?.n ?? 0 };
}

/**
 * The naive search the benchmark compares the full-text one with: `LIKE` over every
 * entry's stored content, newest first, with its count. Not used by the desk itself.
 */
export async function likeSearchEntryRecords(db: Sql, text: string, limit: number): Promise<{ records: EntryRecord[]; total: number }> {
  const pattern = `%${text}%`;
  const rows = await db.all<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS} WHERE e.content LIKE ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?`,
    [pattern, limit],
  );
  const counted = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entries WHERE content LIKE ?', [pattern]);
  return { records: rows.map(toRecord), total: counted?.n ?? 0 };
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

export async function dayTotalsByJournal(db: Sql, localDate: string, officeId?: string): Promise<DayTotalsRow[]> {
  const rows = await db.all<{
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
  }>(
    `SELECT e.journal_id, j.nomenclature_index AS journal_index, j.office_id,
       COUNT(*) AS total,
       SUM(CASE WHEN e.sort = 'certificate' THEN 1 ELSE 0 END) AS certificates,
       SUM(CASE WHEN e.sort = 'certification' THEN 1 ELSE 0 END) AS certifications,
       SUM(CASE WHEN e.sort = 'refusal' THEN 1 ELSE 0 END) AS refusals,
       SUM(CASE WHEN h.entry_id IS NOT NULL THEN 1 ELSE 0 END) AS handed_over,
       SUM(CASE WHEN a.entry_id IS NOT NULL THEN 1 ELSE 0 END) AS annulled,
       (SELECT printed_number FROM entries x WHERE x.journal_id = e.journal_id AND x.local_date = ?
          ORDER BY x.year, x.number LIMIT 1) AS first_printed,
       (SELECT printed_number FROM entries x WHERE x.journal_id = e.journal_id AND x.local_date = ?
          ORDER BY x.year DESC, x.number DESC LIMIT 1) AS last_printed
     FROM entries e
     JOIN journals j ON j.id = e.journal_id
     LEFT JOIN handovers h ON h.entry_id = e.id
     LEFT JOIN annulments a ON a.entry_id = e.id
     WHERE e.local_date = ? AND (CAST(? AS TEXT) IS NULL OR j.office_id = ?)
     GROUP BY e.journal_id, j.nomenclature_index, j.office_id
     ORDER BY j.nomenclature_index`,
    [localDate, localDate, localDate, officeId ?? null, officeId ?? null],
  );
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
export async function chainPage(db: Sql, journalId: string, after: { year: number; number: number }, limit: number): Promise<ChainRow[]> {
  return db.all<ChainRow>(
    `SELECT id, year, number, printed_number AS "printedNumber", sort, kinds AS "kindsJson", created_at AS "createdAt",
       local_date AS "localDate", created_by AS "createdBy", content AS "contentJson", prev_hash AS "prevHash", hash
     FROM entries WHERE journal_id = ? AND (year, number) > (?, ?)
     ORDER BY year, number LIMIT ?`,
    [journalId, after.year, after.number, limit],
  );
}

export async function journalCounters(db: Sql, journalId: string): Promise<{ year: number; lastNumber: number }[]> {
  return db.all('SELECT year, last_number AS "lastNumber" FROM journal_counters WHERE journal_id = ? ORDER BY year', [journalId]);
}

/** A journal's entries for printed pages (section E), in journal order, between two Kyiv dates. */
export async function journalEntriesBetween(db: Sql, journalId: string, dateFrom: string, dateTo: string): Promise<EntryRecord[]> {
  // The year bounds keep the walk along (journal, year, number) to the years the range covers.
  const rows = await db.all<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM entries e ${RECORD_JOINS}
     WHERE e.journal_id = ? AND e.year BETWEEN ? AND ? AND e.local_date BETWEEN ? AND ?
     ORDER BY e.year, e.number`,
    [journalId, Number(dateFrom.slice(0, 4)), Number(dateTo.slice(0, 4)), dateFrom, dateTo],
  );
  return rows.map(toRecord);
}

/** An entry's handover or annulment as a batch writes it (see `insertHandover`, `insertAnnulment`). */
export type NewHandoverRow = Parameters<typeof insertHandover>[1];
export type NewAnnulmentRow = Parameters<typeof insertAnnulment>[1];

/**
 * Where a bulk load (`entries.appendBatch`) writes, in one transaction: the same rows, in the same
 * order, as the desk writes them one by one, through the same triggers (number from the counter,
 * chain link, append-only). On SQLite each row is written at once (a statement costs no round
 * trip), the full-text rows after the last entry (FTS5, see `insertEntryRow`). On PostgreSQL, where
 * every statement is a round trip to the server, the rows are kept and written by `finish` in a
 * few multi-row statements — entries, handovers, annulments, audit rows, full-text rows — and each
 * journal year's counter is read once, the numbers after it counted here: the entries' trigger
 * still checks each number against the counter it advances, and each link against the entry
 * written just before it (a row trigger sees the rows its statement inserted before it).
 */
export interface EntryBatchWriter {
  /** The number the journal's year gives the batch's next entry (in the journal's lock). */
  nextNumber(journalId: string, year: number): Promise<number>;
  entry(row: NewEntryRow, search: EntrySearchText): Promise<void>;
  handover(row: NewHandoverRow): Promise<void>;
  annulment(row: NewAnnulmentRow): Promise<void>;
  audit(row: NewAuditRow): Promise<void>;
  /** Writes what was kept; call it last, inside the transaction. */
  finish(): Promise<void>;
}

export function entryBatchWriter(db: Sql): EntryBatchWriter {
  return db.dialect === 'postgres' ? keptBatchWriter(db) : immediateBatchWriter(db);
}

function immediateBatchWriter(db: Sql): EntryBatchWriter {
  const searchTexts: [string, EntrySearchText][] = [];
  return {
    nextNumber: (journalId, year) => takeNextNumber(db, journalId, year),
    entry: async (row, search) => {
      await insertEntryRow(db, row);
      searchTexts.push([row.id, search]);
    },
    handover: (row) => insertHandover(db, row),
    annulment: (row) => insertAnnulment(db, row),
    audit: (row) => insertAudit(db, row),
    finish: async () => {
      // The full-text rows last, in the entries' order (their rowids keep the order of writing).
      for (const [entryId, text] of searchTexts) await insertEntrySearchText(db, entryId, text);
    },
  };
}

/** Rows per multi-row statement: a statement of a few megabytes, one round trip. */
const KEPT_ROWS_PER_STATEMENT = 2_000;

function keptBatchWriter(db: Sql): EntryBatchWriter {
  const counters = new Map<string, number>();
  const entries: Record<string, SqlValue>[] = [];
  const searchRows: Record<string, SqlValue>[] = [];
  const handovers: Record<string, SqlValue>[] = [];
  const annulments: Record<string, SqlValue>[] = [];
  const audits: Record<string, SqlValue>[] = [];
  return {
    nextNumber: async (journalId, year) => {
      const key = `${journalId}/${year}`;
      const last = counters.get(key);
      const number = last === undefined ? await takeNextNumber(db, journalId, year) : last + 1;
      counters.set(key, number);
      return number;
    },
    entry: async (row, search) => {
      entries.push({
        id: row.id, journal_id: row.journalId, year: row.year, number: row.number, printed_number: row.printedNumber, sort: row.sort,
        kinds: JSON.stringify(row.kinds), created_at: row.createdAt, local_date: row.localDate, created_by: row.createdBy,
        content: row.contentJson, prev_hash: row.prevHash, hash: row.hash,
      });
      searchRows.push({ entry_id: row.id, names: search.names, address: search.address, number: search.number, lexemes: toTsVector(search) });
    },
    handover: async (row) => {
      const proxy = row.powerOfAttorney;
      handovers.push({
        entry_id: row.entryId, at: row.at, received_by: row.receivedBy, recipient_name: row.recipientName, by_user: row.byUser,
        proxy_number: proxy?.number ?? null, proxy_date: proxy?.date ?? null, proxy_issuer: proxy?.issuer ?? null,
      });
    },
    annulment: async (row) => {
      annulments.push({ entry_id: row.entryId, at: row.at, reason: row.reason, by_user: row.byUser });
    },
    audit: async (row) => {
      audits.push({ at: row.at, user_id: row.userId, action: row.action, entity: row.entity, entity_id: row.entityId, summary: row.summary });
    },
    finish: async () => {
      // A synthetic register cut short is generated again: its batches need not wait for the disk
      // (the server stays consistent; only the last commits may be lost in a crash).
      await db.run('SET LOCAL synchronous_commit = off');
      await insertKeptRows(db, 'entries', ENTRY_ROW_TYPES, entries);
      await insertKeptRows(db, 'handovers', HANDOVER_ROW_TYPES, handovers);
      await insertKeptRows(db, 'annulments', ANNULMENT_ROW_TYPES, annulments);
      await insertKeptRows(db, 'audit_log', AUDIT_ROW_TYPES, audits);
      await insertKeptRows(db, 'entries_fts', SEARCH_ROW_TYPES, searchRows);
    },
  };
}

type ColumnTypes = readonly (readonly [column: string, type: string])[];

const ENTRY_ROW_TYPES: ColumnTypes = [
  ['id', 'text'], ['journal_id', 'text'], ['year', 'integer'], ['number', 'integer'], ['printed_number', 'text'], ['sort', 'text'],
  ['kinds', 'text'], ['created_at', 'text'], ['local_date', 'text'], ['created_by', 'text'], ['content', 'text'], ['prev_hash', 'text'], ['hash', 'text'],
];
const HANDOVER_ROW_TYPES: ColumnTypes = [
  ['entry_id', 'text'], ['at', 'text'], ['received_by', 'text'], ['recipient_name', 'text'], ['by_user', 'text'],
  ['proxy_number', 'text'], ['proxy_date', 'text'], ['proxy_issuer', 'text'],
];
const ANNULMENT_ROW_TYPES: ColumnTypes = [['entry_id', 'text'], ['at', 'text'], ['reason', 'text'], ['by_user', 'text']];
const AUDIT_ROW_TYPES: ColumnTypes = [['at', 'text'], ['user_id', 'text'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['summary', 'text']];
const SEARCH_ROW_TYPES: ColumnTypes = [['entry_id', 'text'], ['names', 'text'], ['address', 'text'], ['number', 'text'], ['lexemes', 'tsvector']];

/**
 * Rows inserted in their order, many per statement, as one JSON parameter (the server's limit is
 * 65,535 parameters a statement, and one text parameter costs no parsing of SQL per row). Row
 * triggers fire for each row in that order and see the rows inserted before it.
 */
async function insertKeptRows(db: Sql, table: string, types: ColumnTypes, rows: readonly Record<string, SqlValue>[]): Promise<void> {
  const columns = types.map(([column]) => column).join(', ');
  const declared = types.map(([column, type]) => `${column} ${type}`).join(', ');
  for (let start = 0; start < rows.length; start += KEPT_ROWS_PER_STATEMENT) {
    await db.run(
      `INSERT INTO ${table} (${columns})
       SELECT ${columns} FROM ROWS FROM (json_to_recordset(CAST(? AS json)) AS (${declared})) WITH ORDINALITY AS r (${columns}, place)
       ORDER BY place`,
      [JSON.stringify(rows.slice(start, start + KEPT_ROWS_PER_STATEMENT))],
    );
  }
}
