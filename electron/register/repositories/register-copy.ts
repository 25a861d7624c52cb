import { toTsVector } from '../search-text.js';
import { firstNumberOfYear } from './entries.js';
import type { Sql, SqlValue } from '../sql.js';

/**
 * Copying an embedded register onto a PostgreSQL server (`cli migrate-postgres`: an office moving
 * to a server keeps its journal): reading the SQLite file and writing the server's tables, row
 * for row. Both schemas have the same tables and columns
 * (electron/register/migrations and postgres/migrations/0001-register.ts); PostgreSQL spells out
 * as identity columns the row ids SQLite keeps implicitly, and the exchange bundles and the
 * search order depend on them, so they are copied too (`OVERRIDING SYSTEM VALUE`).
 *
 * Reading uses SQLite's `rowid`: the order rows were written in, which the append-only triggers
 * on the server check again (template versions go up by one, a chain links to the latest entry).
 */

export type CopyRow = Record<string, SqlValue>;

export interface CopiedTable {
  readonly name: string;
  /** Columns in both schemas, in the order they are inserted. */
  readonly columns: readonly string[];
  /** The column PostgreSQL generates (an identity) that takes SQLite's row id. */
  readonly identity?: string;
}

/**
 * Every table of the register except entries and journal_counters (see `insertEntryWithNumber`),
 * in an order where each row's references exist already.
 */
export const COPIED_TABLES: readonly CopiedTable[] = [
  { name: 'settings', columns: ['key', 'value'] },
  { name: 'offices', columns: ['id', 'code', 'name', 'kind', 'starosta_district', 'active'] },
  { name: 'journals', columns: ['id', 'office_id', 'nomenclature_index', 'title', 'sorts', 'number_format', 'active'] },
  {
    name: 'users',
    columns: ['id', 'login', 'full_name', 'role', 'office_id', 'password_hash', 'failed_count', 'locked_until', 'active'],
  },
  { name: 'settlements', columns: ['id', 'kind', 'name', 'starosta_district', 'active', 'updated_at'] },
  { name: 'streets', columns: ['id', 'settlement_id', 'kind', 'name', 'search_key', 'active', 'updated_at'] },
  {
    name: 'bodies',
    columns: ['id', 'type', 'committee_kind', 'number', 'name', 'territory', 'legal_entity', 'has_seal', 'seal_name', 'settlement_id', 'active', 'updated_at'],
  },
  {
    name: 'body_posts',
    columns: ['id', 'body_id', 'role', 'family_name', 'given_name', 'patronymic', 'held_from', 'held_to', 'created_at', 'created_by', 'closed_at', 'closed_by'],
  },
  { name: 'signatories', columns: ['id', 'position', 'full_name', 'seal', 'seal_name', 'valid_from', 'valid_to', 'office_id', 'updated_at'] },
  { name: 'directory_revisions', columns: ['entity', 'entity_id', 'revision', 'data', 'changed_at', 'changed_by'] },
  { name: 'templates', columns: ['kind_id', 'version', 'text', 'created_at', 'created_by', 'created_by_name'] },
  {
    name: 'custom_kinds',
    columns: ['id', 'sort', 'title', 'grounds', 'needs_household', 'decision_number', 'decision_date', 'created_at', 'created_by'],
  },
  {
    name: 'kind_decisions',
    columns: ['id', 'kind_id', 'action', 'successor_kind_id', 'revokes_decision_id', 'decision_number', 'decision_date',
      'effective_date', 'point', 'recorded_at', 'recorded_by', 'recorded_by_name'],
  },
  // Before the entries: a year's counter starts at the number set here (migration 0007).
  {
    name: 'journal_year_starts',
    columns: ['journal_id', 'year', 'first_number', 'paper_last_number', 'paper_closed_by', 'set_at', 'set_by', 'set_by_name'],
  },
  // ↑ before the entries; ↓ after them.
  { name: 'handovers', columns: ['entry_id', 'at', 'received_by', 'recipient_name', 'by_user', 'proxy_number', 'proxy_date', 'proxy_issuer', 'rowid'], identity: 'rowid' },
  { name: 'annulments', columns: ['entry_id', 'at', 'reason', 'by_user', 'rowid'], identity: 'rowid' },
  { name: 'reissues', columns: ['annulled_entry_id', 'new_entry_id', 'at', 'by_user', 'rowid'], identity: 'rowid' },
  { name: 'document_codes', columns: ['entry_id', 'short_code', 'rowid'], identity: 'rowid' },
  { name: 'entry_submissions', columns: ['submission_key', 'entry_id'] },
  { name: 'entries_fts', columns: ['rowid', 'entry_id', 'names', 'address', 'number'], identity: 'rowid' },
  { name: 'audit_log', columns: ['id', 'at', 'user_id', 'action', 'entity', 'entity_id', 'summary'], identity: 'id' },
  {
    name: 'exchange_log',
    columns: ['id', 'direction', 'kind', 'office_id', 'sequence', 'period_from', 'period_to', 'file_name', 'file_digest', 'counts', 'marks', 'acknowledged', 'at', 'by_user'],
    identity: 'id',
  },
  { name: 'exchange_office_keys', columns: ['office_id', 'signing_key', 'encryption_key', 'pinned_at', 'pinned_by'] },
  { name: 'office_document_keys', columns: ['office_id', 'office_code', 'fingerprint', 'public_key', 'bundle_sequence', 'received_at'] },
  { name: 'office_code_seals', columns: ['entry_id', 'seal'] },
  // The centre as witness of its remote offices (migration 0008); a flag names an entry.
  {
    name: 'witnessed_checkpoints',
    columns: ['id', 'office_id', 'journal_id', 'size', 'root', 'note', 'cosignature', 'bundle_sequence', 'accepted_at'],
    identity: 'id',
  },
  {
    name: 'witness_flags',
    columns: ['id', 'office_id', 'journal_id', 'reason', 'position', 'entry_id', 'printed_number', 'confirmed_size', 'bundle_sequence', 'file_name', 'flagged_at', 'flagged_by'],
    identity: 'id',
  },
  {
    name: 'exchange_recreations',
    columns: ['office_id', 'generation', 'workplace_version', 'base_sequence', 'heads', 'recreated_at', 'recreated_by'],
  },
  { name: 'exchange_reinstalled_keys', columns: ['office_id', 'generation', 'signing_key', 'encryption_key', 'pinned_at', 'pinned_by'] },
];

/** Copied before the entries: directories, users, templates. The rest refer to entries. */
export const TABLES_BEFORE_ENTRIES = COPIED_TABLES.slice(0, COPIED_TABLES.findIndex((table) => table.name === 'handovers'));
export const TABLES_AFTER_ENTRIES = COPIED_TABLES.slice(TABLES_BEFORE_ENTRIES.length);

export const ENTRY_COLUMNS = [
  'id', 'journal_id', 'year', 'number', 'printed_number', 'sort', 'kinds', 'created_at', 'local_date', 'created_by', 'content',
  'prev_hash', 'hash',
] as const;

/** Every table whose rows are counted on both sides after the move. */
export const COUNTED_TABLES = ['entries', 'journal_counters', 'journal_lost_numbers', ...COPIED_TABLES.map((table) => table.name)];

/** FTS5's own bookkeeping tables behind `entries_fts`: SQLite's index, not data. */
const FTS_SHADOW_TABLES = ['entries_fts_data', 'entries_fts_idx', 'entries_fts_content', 'entries_fts_docsize', 'entries_fts_config'];

// ---------------------------------------------------------------------------------------------
// The SQLite side (read-only).

/** Each table of the SQLite file and its columns (with the implicit row id where we copy it). */
export async function sourceTableColumns(db: Sql): Promise<Map<string, string[]>> {
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const result = new Map<string, string[]>();
  for (const { name } of tables) {
    if (FTS_SHADOW_TABLES.includes(name)) continue;
    const columns = await db.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [name]);
    result.set(name, columns.map((column) => column.name));
  }
  return result;
}

/** One page of a table in the order it was written, after SQLite row id `after`. */
export async function sourcePage(db: Sql, table: CopiedTable, after: number, limit: number): Promise<{ rows: CopyRow[]; last: number }> {
  const columns = table.columns.map((column) => `${column} AS "${column}"`).join(', ');
  const rows = await db.all<CopyRow & { source_rowid: number }>(
    `SELECT rowid AS source_rowid, ${columns} FROM ${table.name} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    [after, limit],
  );
  const last = rows.at(-1)?.source_rowid ?? after;
  return { rows: rows.map(({ source_rowid: _rowid, ...row }) => row), last };
}

export async function sourceJournalIds(db: Sql): Promise<string[]> {
  return (await db.all<{ id: string }>('SELECT id FROM journals ORDER BY rowid')).map((row) => row.id);
}

/** A journal's entries in chain order, after (year, number). */
export async function sourceEntryPage(
  db: Sql,
  journalId: string,
  after: { year: number; number: number },
  limit: number,
): Promise<CopyRow[]> {
  return db.all<CopyRow>(
    `SELECT ${ENTRY_COLUMNS.join(', ')} FROM entries
     WHERE journal_id = ? AND (year > ? OR (year = ? AND number > ?))
     ORDER BY year, number LIMIT ?`,
    [journalId, after.year, after.year, after.number, limit],
  );
}

export async function sourceCounters(db: Sql, journalId: string): Promise<{ year: number; lastNumber: number }[]> {
  return db.all('SELECT year, last_number AS "lastNumber" FROM journal_counters WHERE journal_id = ? ORDER BY year', [journalId]);
}

/** Rows of a table (either side): the tables are fixed names from this module, never input. */
export async function countRows(db: Sql, table: string): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The PostgreSQL side, inside the move's one transaction.

/**
 * Takes the migrations' advisory lock for the rest of the transaction, so a workstation starting
 * (and migrating) or a second move waits until this one has committed or rolled back.
 */
export async function lockServerRegister(db: Sql, key: number): Promise<void> {
  await db.get('SELECT pg_advisory_xact_lock(?)', [key]);
}

/** Tables of the server's register that already hold rows. */
export async function nonEmptyServerTables(db: Sql): Promise<string[]> {
  const found: string[] = [];
  for (const table of COUNTED_TABLES) {
    if (await db.get(`SELECT 1 AS present FROM ${table} LIMIT 1`)) found.push(table);
  }
  return found;
}

/** Rows inserted in one statement; the server's limit is 65,535 parameters per statement. */
export const ROWS_PER_INSERT = 500;

/**
 * Inserts rows in their order in one statement. Row triggers see the rows inserted before them
 * by the same statement, so a template's versions still go up by one. Identity columns take the
 * SQLite row id; the search index also gets its tsvector, folded in JS as the desk does.
 */
export async function insertRows(db: Sql, table: CopiedTable, rows: readonly CopyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const search = table.name === 'entries_fts';
  const columns = search ? [...table.columns, 'lexemes'] : [...table.columns];
  const tuple = `(${table.columns.map(() => '?').join(', ')}${search ? ', CAST(? AS tsvector)' : ''})`;
  const params: SqlValue[] = [];
  for (const row of rows) {
    for (const column of table.columns) params.push(row[column] ?? null);
    if (search) params.push(toTsVector({ names: String(row.names), address: String(row.address), number: String(row.number) }));
  }
  const overriding = table.identity ? ' OVERRIDING SYSTEM VALUE' : '';
  await db.run(
    `INSERT INTO ${table.name} (${columns.join(', ')})${overriding} VALUES ${rows.map(() => tuple).join(', ')}`,
    params,
  );
}

/**
 * The server's counter for a journal's year: created at its first number or moved on by one, as
 * the triggers allow (a year starts at 1, or at the number set when the journal continued a paper
 * one; numbers move forward by one). Returns the number the counter starts at.
 */
export async function startCounter(db: Sql, journalId: string, year: number): Promise<number> {
  const first = await firstNumberOfYear(db, journalId, year);
  await db.run('INSERT INTO journal_counters (journal_id, year, last_number) VALUES (?, ?, ?)', [journalId, year, first]);
  return first;
}

export async function stepCounter(db: Sql, journalId: string, year: number): Promise<void> {
  await db.run('UPDATE journal_counters SET last_number = last_number + 1 WHERE journal_id = ? AND year = ?', [journalId, year]);
}

/** One entry, after its number was reached by the counter (the triggers check number and link). */
export async function insertCopiedEntry(db: Sql, row: CopyRow): Promise<void> {
  await db.run(
    `INSERT INTO entries (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map(() => '?').join(', ')})`,
    ENTRY_COLUMNS.map((column) => row[column] ?? null),
  );
}

/** Moves an identity past the copied ids, so the next row the desk adds gets a new one. */
export async function advanceIdentity(db: Sql, table: CopiedTable): Promise<void> {
  if (!table.identity) return;
  await db.get(
    `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(${table.identity}) FROM ${table.name}), 0) + 1, false) AS next`,
    [table.name, table.identity],
  );
}
