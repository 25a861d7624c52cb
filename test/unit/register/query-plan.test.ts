import { afterEach, describe, expect, it } from 'vitest';
import type { Sql, SqlValue } from '../../../electron/register/sql.js';
import { latestEntryOfJournal, searchEntryRecords, takeNextNumber } from '../../../electron/register/repositories/entries.js';
import { searchWords } from '../../../electron/register/search-text.js';
import { setUpRegister, type TestRegister, sqliteOf } from './fixtures.js';
import { onPostgres } from '../../support/register-backend.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

function plan(r: TestRegister, sql: string, ...params: unknown[]): string {
  return (sqliteOf(r.db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
}

describe.skipIf(onPostgres)('hot queries use their indexes', () => {
  it('next number, chain head, journal page and text search', async () => {
    register = await setUpRegister();
    expect(plan(register, 'SELECT last_number FROM journal_counters WHERE journal_id = ? AND year = ?', 'j', 2025)).toMatch(/USING (INDEX|PRIMARY KEY)/);
    expect(plan(register, 'SELECT hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1', 'j')).toMatch(/SEARCH entries USING (COVERING )?INDEX sqlite_autoindex_entries_\d \(journal_id=\?\)/);
    expect(plan(register, 'SELECT id FROM entries ORDER BY created_at DESC, id DESC LIMIT 25')).toMatch(/USING (COVERING )?INDEX entries_created/);
    expect(plan(register, "SELECT id FROM entries WHERE created_by = ? ORDER BY created_at DESC, id DESC LIMIT 25", 'u')).toMatch(/SEARCH entries USING INDEX entries_created_by \(created_by=\?\)/);
  });

  it('the audit log, newest first, read backwards along its ascending indexes with no sort of its own', async () => {
    register = await setUpRegister();
    const newestFirst = 'ORDER BY a.at DESC, a.id DESC LIMIT 25';
    for (const [where, index] of [
      ['', /SCAN a USING INDEX audit_log_at$/],
      ["WHERE a.at >= '2025-01-01' AND a.at < '2026-01-01'", /SEARCH a USING INDEX audit_log_at \(at>\? AND at<\?\)$/],
      ["WHERE a.user_id = 'u'", /SEARCH a USING INDEX audit_log_user \(user_id=\?\)$/],
    ] as const) {
      expect(plan(register, `SELECT a.* FROM audit_log a ${where} ${newestFirst}`)).toMatch(index);
    }
    expect(plan(register, "SELECT e.id FROM entries_fts f JOIN entries e ON e.id = f.entry_id WHERE entries_fts MATCH ? ORDER BY e.created_at DESC LIMIT 25", '"шевч"*')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan(register, "SELECT e.id FROM entries_fts f JOIN entries e ON e.id = f.entry_id WHERE entries_fts MATCH ?", '"шевч"*')).toMatch(/SEARCH e USING (COVERING )?INDEX sqlite_autoindex_entries_1 \(id=\?\)/);
  });
});

interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

/** Runs a repository function and keeps the statements it sent, to explain them afterwards. */
async function statementsOf(r: TestRegister, run: (sql: Sql) => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const keep = (sql: string, params: readonly SqlValue[] = []) => void sent.push({ sql, params });
  await run({
    dialect: r.db.dialect,
    all: (sql, params) => (keep(sql, params), r.db.all(sql, params)),
    get: (sql, params) => (keep(sql, params), r.db.get(sql, params)),
    run: (sql, params) => (keep(sql, params), r.db.run(sql, params)),
  });
  return sent;
}

/**
 * The server's plan for a statement as the repository sends it. A test register is tiny, so
 * sequential scans are switched off for the transaction: the plan shows whether an index can
 * serve the statement at all, which is what a million entries need.
 */
async function serverPlan(r: TestRegister, statement: Statement): Promise<string> {
  return r.db.read(async (tx) => {
    await tx.run('SET LOCAL enable_seqscan = off');
    const rows = await tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe.runIf(onPostgres)('hot queries use their indexes on the server', () => {
  it('text search through the word index, newest first; chain head and counter through their keys', async () => {
    register = await setUpRegister();
    const r = register;
    // Page and count come from one statement: the words' hits, ordered and limited before the joins.
    const [page] = await statementsOf(r, (sql) => searchEntryRecords(sql, { words: searchWords('шевч'), limit: 25, offset: 0 }));
    expect(page).toBeDefined();
    const pagePlan = await serverPlan(r, page as Statement);
    expect(pagePlan).toMatch(/Index Scan on entry_words_pkey/);
    // Order and limit inside the word-index query, before the joins: at a million entries the joins would otherwise run on every match.
    expect(pagePlan).toMatch(/Limit[^\n]*\n\s*->\s+Sort[^\n]*\n\s*Sort Key: entry_words\.hit DESC/);
    const [head] = await statementsOf(r, (sql) => latestEntryOfJournal(sql, r.journalId));
    expect(await serverPlan(r, head as Statement)).toMatch(/Index Scan Backward using entries_journal_id_year_number_key/);
    const [counter] = await statementsOf(r, (sql) => takeNextNumber(sql, r.journalId, 2025).catch(() => 0));
    expect(await serverPlan(r, counter as Statement)).toMatch(/Index (Only )?Scan using journal_counters_pkey/);
  });
});
