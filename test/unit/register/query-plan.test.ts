import { afterEach, describe, expect, it } from 'vitest';
import { setUpRegister, type TestRegister, sqliteOf } from './fixtures.js';
import { onPostgres } from '../../support/register-backend.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

function plan(r: TestRegister, sql: string, ...params: unknown[]): string {
  return (sqliteOf(r.db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
}

// SQLite's query plans; the server's search index is checked in test/unit/postgres.
describe.skipIf(onPostgres)('hot queries use their indexes', () => {
  it('next number, chain head, journal page and text search', async () => {
    register = await setUpRegister();
    expect(plan(register, 'SELECT last_number FROM journal_counters WHERE journal_id = ? AND year = ?', 'j', 2025)).toMatch(/USING (INDEX|PRIMARY KEY)/);
    expect(plan(register, 'SELECT hash FROM entries WHERE journal_id = ? ORDER BY year DESC, number DESC LIMIT 1', 'j')).toMatch(/SEARCH entries USING (COVERING )?INDEX sqlite_autoindex_entries_\d \(journal_id=\?\)/);
    expect(plan(register, 'SELECT id FROM entries ORDER BY created_at DESC, id DESC LIMIT 25')).toMatch(/USING (COVERING )?INDEX entries_created/);
    expect(plan(register, "SELECT e.id FROM entries_fts f JOIN entries e ON e.id = f.entry_id WHERE entries_fts MATCH ? ORDER BY e.created_at DESC LIMIT 25", '"шевч"*')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan(register, "SELECT e.id FROM entries_fts f JOIN entries e ON e.id = f.entry_id WHERE entries_fts MATCH ?", '"шевч"*')).toMatch(/SEARCH e USING (COVERING )?INDEX sqlite_autoindex_entries_1 \(id=\?\)/);
  });
});
