import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';
import { appendEntry, seedJournal, ZERO_HASH } from './rows.js';

const PERMISSION_DENIED = '42501';

async function failureOf(client: pg.Client, sql: string, params: unknown[] = []): Promise<{ code?: string; message: string }> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql, params);
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    return error as { code?: string; message: string };
  }
  throw new Error(`expected to fail: ${sql}`);
}

describePostgres('roles and triggers on the PostgreSQL register', () => {
  useTestCluster();
  let database: TestDatabase;
  let app: pg.Client;
  let owner: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = new pg.Client({ connectionString: database.appUrl });
    owner = new pg.Client({ connectionString: database.url });
    await Promise.all([app.connect(), owner.connect()]);
    // The application role can build a journal: every INSERT and UPDATE the app needs is granted.
    await seedJournal(app);
    await appendEntry(app, { id: 'e1', year: 2025, number: 1, prevHash: ZERO_HASH, hash: 'h1' });
    await appendEntry(app, { id: 'e2', year: 2025, number: 2, prevHash: 'h1', hash: 'h2' });
    await app.query(`INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user) VALUES ('e1', 'now', 'subject', 'Н', 'u1')`);
    await app.query(`INSERT INTO audit_log (at, user_id, action, entity, summary) VALUES ('now', 'u1', 'issue', 'entry', 's')`);
    await Promise.all([app.query('BEGIN'), owner.query('BEGIN')]);
  });

  afterAll(async () => {
    await Promise.all([app?.end(), owner?.end()]);
    await database?.drop();
  });

  describe('the application role (R7.7: it cannot undo the append-only rules)', () => {
    it.each([
      ['DELETE FROM entries'],
      ["UPDATE entries SET content = '{\"x\":1}' WHERE id = 'e1'"],
      ['TRUNCATE entries CASCADE'],
      ['DELETE FROM audit_log'],
      ['UPDATE handovers SET recipient_name = $$X$$'],
      ['DROP TRIGGER entries_no_update ON entries'],
      ['ALTER TABLE entries DISABLE TRIGGER ALL'],
      ['DROP TABLE entries CASCADE'],
      ['CREATE TABLE sneaky (id INTEGER)'],
      ['DROP FUNCTION desk_refuse() CASCADE'],
      ['SET session_replication_role = replica'],
      ['DELETE FROM schema_migrations'],
      // A counter moved without an entry would leave a gap for good (R7.7): only issuing moves it.
      ["UPDATE journal_counters SET last_number = last_number + 1 WHERE journal_id = 'j1'"],
      ["INSERT INTO journal_counters (journal_id, year, last_number) VALUES ('j1', 2030, 1)"],
      ['DELETE FROM journal_counters'],
    ])('refuses: %s', async (sql) => {
      expect((await failureOf(app, sql)).code).toBe(PERMISSION_DENIED);
    });

    it('moves the counter only by issuing: the entry it inserts takes the next number (R7.7, gap-free)', async () => {
      const counter = async () =>
        (await app.query<{ n: number }>(`SELECT last_number AS n FROM journal_counters WHERE journal_id = 'j1' AND year = 2025`)).rows[0]?.n;
      const before = await counter();
      await app.query('SAVEPOINT issue');
      await appendEntry(app, { id: 'e3', year: 2025, number: (before ?? 0) + 1, prevHash: 'h2', hash: 'h3' });
      expect(await counter()).toBe((before ?? 0) + 1);
      await app.query('ROLLBACK TO SAVEPOINT issue');
      expect(await counter()).toBe(before);
    });
  });

  describe('triggers, the second line, with the messages SQLite uses', () => {
    it.each([
      ["UPDATE entries SET content = '{}' WHERE id = 'e1'", 'entries: an issued entry is never edited'],
      ["DELETE FROM entries WHERE id = 'e2'", 'entries: an issued entry is never deleted'],
      ['TRUNCATE entries CASCADE', 'entries: an issued entry is never deleted'],
      ["UPDATE handovers SET recipient_name = 'X'", 'handovers: append-only'],
      ['DELETE FROM audit_log', 'audit_log: append-only'],
      ['TRUNCATE audit_log', 'audit_log: append-only'],
      ["UPDATE journal_counters SET last_number = 5 WHERE journal_id = 'j1'", 'journal_counters: numbers move forward by one'],
      ['DELETE FROM journal_counters', 'journal_counters: append-only'],
      ["INSERT INTO journal_counters (journal_id, year, last_number) VALUES ('j1', 2026, 3)", 'journal_counters: a year starts at number 1'],
    ])('as the owner: %s', async (sql, message) => {
      expect((await failureOf(owner, sql)).message).toBe(message);
    });

    it('an entry must take the number the counter just reached', async () => {
      await owner.query('SAVEPOINT s');
      const failure = await failureOf(
        owner,
        `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by,
           content, prev_hash, hash) VALUES ('e9', 'j1', 2025, 9, '9', 'certificate', '[]', 'x', 'x', 'u1', '{}', 'h2', 'h9')`,
      );
      expect(failure.message).toBe('entries: number must come from the journal counter');
      await owner.query('ROLLBACK TO SAVEPOINT s');
    });

    it('an entry must link to the latest entry of its journal, and a journal never goes back a year', async () => {
      await owner.query('SAVEPOINT s');
      await owner.query(`UPDATE journal_counters SET last_number = 3 WHERE journal_id = 'j1' AND year = 2025`);
      const unlinked = await failureOf(
        owner,
        `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by,
           content, prev_hash, hash) VALUES ('e3', 'j1', 2025, 3, '3', 'certificate', '[]', 'x', 'x', 'u1', '{}', 'h1', 'h3')`,
      );
      expect(unlinked.message).toBe('entries: prev_hash must link to the latest entry');
      const backwards = await failureOf(
        owner,
        `INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by,
           content, prev_hash, hash) VALUES ('e0', 'j1', 2024, 1, '1', 'certificate', '[]', 'x', 'x', 'u1', '{}', 'h2', 'h0')`,
      );
      expect(backwards.message).toBe('entries: the journal is already in a later year');
      await owner.query('ROLLBACK TO SAVEPOINT s');
    });

    it('templates go up by one and JSON columns hold JSON', async () => {
      const skipped = await failureOf(
        owner,
        `INSERT INTO templates (kind_id, version, text, created_at, created_by, created_by_name) VALUES ('k', 2, 't', 'x', 'u1', 'A')`,
      );
      expect(skipped.message).toBe('templates: versions go up by one');
      const notJson = await failureOf(owner, `INSERT INTO settings (key, value) VALUES ('k', 'not json')`);
      expect(notJson.code).toBe('23514');
    });
  });
});
