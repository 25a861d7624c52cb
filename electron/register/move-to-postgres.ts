import { DeskError } from '../../shared/contract/errors.js';
import type { VerifyResult } from './chain-verifier.js';
import { createRegisterServices } from './index.js';
import { checkPostgresSchema, MIGRATION_LOCK_KEY } from './postgres/migrate.js';
import type { PostgresRegisterDb } from './postgres/register-db.js';
import { firstNumberOfYear } from './repositories/entries.js';
import { listJournals } from './repositories/journals.js';
import { insertLostNumbers, journalLostNumbers, LOST_NUMBERS_COLUMNS } from './repositories/lost-numbers.js';
import {
  advanceIdentity,
  COPIED_TABLES,
  COUNTED_TABLES,
  countRows,
  ENTRY_COLUMNS,
  insertCopiedEntry,
  insertRows,
  lockServerRegister,
  nonEmptyServerTables,
  ROWS_PER_INSERT,
  sourceCounters,
  sourceEntryPage,
  sourceJournalIds,
  sourcePage,
  sourceTableColumns,
  startCounter,
  stepCounter,
  TABLES_AFTER_ENTRIES,
  TABLES_BEFORE_ENTRIES,
  type CopiedTable,
  type CopyRow,
} from './repositories/register-copy.js';
import type { RegisterDb, Sql } from './sql.js';

export interface MoveOptions {
  /** The embedded register, opened read-only (`openRegister(file, { readonly: true })`). */
  readonly source: RegisterDb;
  /** An empty database migrated to the app's schema, connected as the owner role. */
  readonly target: PostgresRegisterDb;
  /** The data folder of the source (the services want one; nothing is written there). */
  readonly dataDir: string;
  /** Called after each table and every `ROWS_PER_INSERT` entries. */
  readonly onProgress?: (progress: MoveProgress) => void;
}

export type MoveProgress =
  | { readonly phase: 'table'; readonly table: string; readonly rows: number }
  | { readonly phase: 'entries'; readonly done: number; readonly total: number }
  | { readonly phase: 'verify'; readonly journalIndex: string };

export interface TableCount {
  readonly table: string;
  readonly source: number;
  readonly server: number;
}

export interface JournalOnServer {
  readonly journalId: string;
  readonly journalIndex: string;
  readonly officeCode: string;
  readonly result: VerifyResult;
}

export interface MoveReport {
  /** True when every count matches and every chain verifies: only then was the copy committed. */
  readonly ok: boolean;
  readonly tables: readonly TableCount[];
  readonly journals: readonly JournalOnServer[];
  readonly seconds: number;
}

/** Thrown inside the transaction to roll it back, carrying what was found. */
class CopyDoesNotVerify extends Error {
  constructor(readonly report: Omit<MoveReport, 'seconds'>) {
    super('the copy on the server does not match the source');
  }
}

/**
 * Copies an embedded register into an empty PostgreSQL database (`cli migrate-to-postgres`) in ONE server
 * transaction, then, still inside it, counts every table and verifies every journal's chain on
 * the server. Any difference rolls everything back: the server is left exactly as it was, and
 * the report says what differed. A database that already holds rows is refused untouched.
 *
 * Entries go in per journal in (year, number) order, the counter reaching each number just
 * before its entry: the server's triggers check every link and number as they would for the
 * desk (R7.7), so a broken source chain cannot be carried over silently.
 */
export async function moveRegisterToPostgres(options: MoveOptions): Promise<MoveReport> {
  const started = process.hrtime.bigint();
  const { source, target } = options;
  await checkPostgresSchema(target);
  await checkSourceSchema(source);
  const sourceCounts = new Map<string, number>();
  for (const table of COUNTED_TABLES) sourceCounts.set(table, await countRows(source, table));
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const report = await target.write(async (tx) => {
      await lockServerRegister(tx, MIGRATION_LOCK_KEY);
      const occupied = await nonEmptyServerTables(tx);
      if (occupied.length > 0) throw new DeskError('conflict', 'errors.registerMove.notEmpty', { tables: occupied.join(', ') });
      for (const table of TABLES_BEFORE_ENTRIES) await copyTable(source, tx, table, options.onProgress);
      await copyEntries(source, tx, sourceCounts.get('entries') ?? 0, options.onProgress);
      for (const table of TABLES_AFTER_ENTRIES) await copyTable(source, tx, table, options.onProgress);
      for (const table of COPIED_TABLES) await advanceIdentity(tx, table);
      const checked = await checkServerCopy(options, tx, sourceCounts);
      if (!checked.ok) throw new CopyDoesNotVerify(checked);
      return checked;
    });
    return { ...report, seconds: seconds() };
  } catch (error) {
    if (error instanceof CopyDoesNotVerify) return { ...error.report, seconds: seconds() };
    throw error;
  }
}

/**
 * The file must hold exactly the tables and columns this copy knows, or a column added by a
 * later migration would be left behind without a word.
 */
async function checkSourceSchema(source: Sql): Promise<void> {
  const found = await sourceTableColumns(source);
  const expected = new Map<string, string[]>([
    ['entries', [...ENTRY_COLUMNS]],
    ['journal_counters', ['journal_id', 'year', 'last_number']],
    ['journal_lost_numbers', [...LOST_NUMBERS_COLUMNS]],
    // SQLite's row id is implicit: pragma_table_info does not list it.
    ...COPIED_TABLES.map((table): [string, string[]] => [table.name, table.columns.filter((column) => column !== 'rowid')]),
  ]);
  const names = new Set([...found.keys(), ...expected.keys()]);
  for (const name of names) {
    const have = [...(found.get(name) ?? [])].sort().join(',');
    const want = [...(expected.get(name) ?? [])].sort().join(',');
    if (have !== want) throw new DeskError('internal', 'errors.registerMove.unknownSchema', { table: name });
  }
}

async function copyTable(source: Sql, tx: Sql, table: CopiedTable, onProgress: MoveOptions['onProgress']): Promise<void> {
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await sourcePage(source, table, after, ROWS_PER_INSERT);
    await insertRows(tx, table, page.rows);
    rows += page.rows.length;
    after = page.last;
    if (page.rows.length < ROWS_PER_INSERT) break;
  }
  onProgress?.({ phase: 'table', table: table.name, rows });
}

async function copyEntries(source: Sql, tx: Sql, total: number, onProgress: MoveOptions['onProgress']): Promise<void> {
  let done = 0;
  for (const journalId of await sourceJournalIds(source)) {
    const counter = serverCounter(tx, journalId);
    // A lost range is recorded when the counter stands just before it, as it was in the file.
    const lost = await journalLostNumbers(source, journalId);
    const recordLostBefore = async (position: { year: number; number: number }) => {
      while (lost[0] && (lost[0].year < position.year || (lost[0].year === position.year && lost[0].toNumber < position.number))) {
        const range = lost[0];
        await counter.reach(range.year, range.fromNumber - 1);
        await insertLostNumbers(tx, range);
        counter.tookNumber(range.year, range.toNumber);
        lost.shift();
      }
    };
    let after = { year: 0, number: 0 };
    for (;;) {
      const page = await sourceEntryPage(source, journalId, after, ROWS_PER_INSERT);
      for (const row of page) {
        const position = entryPosition(row);
        await recordLostBefore(position);
        // The entry's insert takes its number (migration 5): the counter is moved by hand only
        // over numbers the file skipped, so the server's verification sees the same gap.
        await counter.reach(position.year, position.number - 1);
        await insertCopiedEntry(tx, row);
        counter.tookNumber(position.year, position.number);
        after = position;
      }
      done += page.length;
      if (page.length > 0) onProgress?.({ phase: 'entries', done, total });
      if (page.length < ROWS_PER_INSERT) break;
    }
    // A counter past the journal's last entry (a number taken whose entry is gone) stays as it
    // was, so the server's verification sees what the file's does.
    for (const { year, lastNumber } of await sourceCounters(source, journalId)) await counter.reach(year, lastNumber);
    // Ranges recorded after the journal's last entry (the re-created PC has not issued yet).
    await recordLostBefore({ year: Infinity, number: Infinity });
  }
}

function entryPosition(row: CopyRow): { year: number; number: number } {
  return { year: Number(row.year), number: Number(row.number) };
}

/** The server's counters of one journal, moved only as its triggers allow: start at 1 (or the set first number), then +1. */
function serverCounter(tx: Sql, journalId: string) {
  const reached = new Map<number, number>();
  return {
    async reach(year: number, number: number): Promise<void> {
      let at = reached.get(year);
      if (at === undefined) {
        // Before the year's first number there is nothing to move: the first entry starts the counter.
        if (number < (await firstNumberOfYear(tx, journalId, year))) return;
        at = await startCounter(tx, journalId, year);
      }
      for (; at < number; at += 1) await stepCounter(tx, journalId, year);
      reached.set(year, at);
    },
    /** An entry's insert moved the counter to its number. */
    tookNumber(year: number, number: number): void {
      reached.set(year, number);
    },
  };
}

/** Counts and chains on the server, inside the move's transaction (what is about to be committed). */
async function checkServerCopy(options: MoveOptions, tx: Sql, sourceCounts: Map<string, number>): Promise<Omit<MoveReport, 'seconds'>> {
  const tables: TableCount[] = [];
  for (const table of COUNTED_TABLES) tables.push({ table, source: sourceCounts.get(table) ?? 0, server: await countRows(tx, table) });
  const verification = createRegisterServices({ db: options.target, dataDir: options.dataDir }).verification;
  const journals: JournalOnServer[] = [];
  for (const journal of await listJournals(tx)) {
    options.onProgress?.({ phase: 'verify', journalIndex: journal.index });
    const result = await verification.verifyJournal(null, journal.id);
    journals.push({ journalId: journal.id, journalIndex: journal.index, officeCode: journal.officeCode, result });
  }
  const ok = tables.every((count) => count.source === count.server) && journals.every((journal) => journal.result.ok);
  return { ok, tables, journals };
}
