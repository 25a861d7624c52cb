import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { generateRegister, openSeeded } from '../../../electron/app/synthetic/generator.js';
import { createRegisterServices, openRegister, registerPath, type RegisterDb } from '../../../electron/register/index.js';
import { migratePostgres } from '../../../electron/register/postgres/migrate.js';
import { postgresMigrations } from '../../../electron/register/postgres/migrations/index.js';
import { connectPostgresRegister } from '../../../electron/register/postgres/register-db.js';
import { prefixEnd } from '../../../electron/register/repositories/entries.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';
import { registerDigest } from '../../support/synthetic-digest.js';
import { allowAll, certificate, HEAD_PASSWORD, person, requisites } from '../register/fixtures.js';

/**
 * Name search on PostgreSQL through the word table (migration 9): the same prefix semantics as
 * FTS5 on SQLite, folded in the application (a C collation folds nothing), and the bulk loader
 * that fills a server's synthetic register through the same triggers.
 */
describePostgres('PostgreSQL name search by words, and the bulk loader', () => {
  useTestCluster();
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  async function database(migrated: boolean): Promise<TestDatabase> {
    const created = await createTestDatabase({ migrated });
    closing.push(() => created.drop());
    return created;
  }

  async function connect(url: string): Promise<RegisterDb> {
    const db = await connectPostgresRegister({ url });
    closing.push(() => db.close());
    return db;
  }

  async function setUp(db: RegisterDb) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-words-'));
    closing.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    let clock = new Date('2025-06-02T09:00:00.000Z');
    const services = createRegisterServices({ db, dataDir, now: () => clock });
    const ids = await services.setup.run({
      requisites,
      centralOffice: { name: 'ЦНАП', code: 'CNAP' },
      journal: { index: '01-21', title: 'Журнал' },
      head: { login: 'head', fullName: 'Петренко Ольга Іванівна', password: HEAD_PASSWORD },
    });
    const { user: head } = await services.auth.login('w', 'head', HEAD_PASSWORD);
    const issue = async (family: string, given: string, patronymic?: string) => {
      clock = new Date(clock.getTime() + 60_000);
      return (await services.entries.appendEntry({ journalId: ids.journalId, content: certificate(person(family, given, patronymic)), user: head, gate: allowAll })).id;
    };
    const find = async (text: string, extra: Record<string, unknown> = {}) => {
      const page = await services.entries.searchEntries(head, { text, page: 1, pageSize: 50, ...extra });
      return { ids: page.items.map((item) => item.id), total: page.total };
    };
    return { services, head, journalId: ids.journalId, issue, find };
  }

  it('folds case and ї/й, takes every apostrophe, matches prefixes, and keeps FTS5’s phrase and paging', async () => {
    const { issue, find, services, head, journalId } = await setUp(await connect((await database(true)).appUrl));
    const izhak = await issue('ЇЖАКЕВИЧ', 'Йосип');
    const maryana = [await issue('Бойко', "Мар'яна"), await issue('Бойко', 'Мар\u2019яна'), await issue('Бойко', 'Мар\u02BCяна')];
    const maryna = await issue('Бойко', 'Марина');
    const gudz = await issue('Ґудзь', 'Євген');
    for (const text of ['їжакевич', 'ЇЖАК', 'Іжак', 'йос', 'ИОСИП']) expect((await find(text)).ids, text).toEqual([izhak]);
    for (const text of ["мар'яна", 'МАР’ЯНА', 'марʼ', 'мар`я']) expect((await find(text)).ids.sort(), text).toEqual([...maryana].sort());
    expect((await find('мар')).ids.sort()).toEqual([...maryana, maryna].sort());
    expect((await find('ґудзь євг')).ids).toEqual([gudz]);
    // Every word must match; one that matches nothing empties the result.
    expect(await find('бойко ґудзь')).toEqual({ ids: [], total: 0 });
    // A word the tokenizer splits is a phrase: 01-21/3 is that entry, not every entry with a 3.
    expect((await find('01-21/3')).ids).toEqual([maryana[1]]);
    // Newest first, paged, the total counted once per entry however many of its words match.
    const page = await services.entries.searchEntries(head, { text: 'бойко', page: 2, pageSize: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.id)).toEqual([maryana[1], maryana[0]]);
    expect((await services.entries.searchEntries(head, { text: 'бойко', page: 9, pageSize: 2 })).total).toBe(4);
    // With a filter the words go through the general query: same rows.
    expect((await find('бойко', { journalId })).ids).toEqual([maryna, ...[...maryana].reverse()]);
  });

  it('searches the word table by index ranges, never by LIKE over names', () => {
    expect(prefixEnd('шевч')).toBe('шевш');
    expect(prefixEnd('a\uD7FF')).toBe('a\uE000');
    expect(prefixEnd('марʼ')).toBe('мар\u02BD');
  });

  it('carries a version-8 register forward: its words are filled from the tsvectors, and only the trigger writes them (R7.7)', async () => {
    const created = await database(false);
    const owner = new pg.Client({ connectionString: created.url });
    await owner.connect();
    closing.push(() => owner.end());
    await owner.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    for (const migration of postgresMigrations.filter((candidate) => candidate.version <= 8)) {
      await owner.query(migration.sql);
      await owner.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    // Written at version 8, the last before the word table (as the owner: the grants of this build name migration 9's table).
    const before = await setUp(await connect(created.url));
    const written = [await before.issue('Шевченко', 'Тарас'), await before.issue('Коваленко', 'Іван')];
    expect(await migratePostgres(owner, { grantTo: 'desk_app' })).toMatchObject({ from: 8 });
    const app = await connect(created.appUrl);
    const services = createRegisterServices({ db: app, dataDir: os.tmpdir() });
    const { user: head } = await services.auth.login('w', 'head', HEAD_PASSWORD);
    const found = await services.entries.searchEntries(head, { text: 'шевч', page: 1, pageSize: 10 });
    expect(found.items.map((item) => item.id)).toEqual([written[0]]);
    const { rows } = await owner.query<{ words: number; lexemes: number }>(
      'SELECT (SELECT COUNT(*)::int FROM entry_words) AS words, (SELECT SUM(length(lexemes))::int FROM entries_fts) AS lexemes',
    );
    expect(rows[0]?.words).toBe(rows[0]?.lexemes);
    await expect(app.run("INSERT INTO entry_words (word, hit) VALUES ('підробка', 1)")).rejects.toThrow();
    await expect(owner.query('DELETE FROM entry_words')).rejects.toThrow(/entry_words: append-only/);
  });

  it('bulk-loads the same register as SQLite’s for a seed, through the triggers, and it verifies', async () => {
    const created = await database(true);
    const server = await connect(created.appUrl);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-bulk-'));
    closing.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
    const options = { entries: 700, seed: 7, until: new Date('2025-06-30T14:00:00.000Z'), days: 400, planningThread: false };
    await generateRegister({ ...options, dataDir: path.join(folder, 'server'), register: server });
    await generateRegister({ ...options, dataDir: path.join(folder, 'file') });
    const onServer = await openSeeded(path.join(folder, 'server'), () => new Date(), server);
    const file = openRegister(registerPath(path.join(folder, 'file')));
    closing.push(() => file.close());
    const inFile = await openSeeded(path.join(folder, 'file'), () => new Date(), file);
    expect(await registerDigest(server, onServer.services, onServer.cast)).toBe(await registerDigest(file, inFile.services, inFile.cast));
    const health = await onServer.services.register.verification.verifyAllJournals();
    expect(health.journals.map((journal) => journal.state)).toEqual(['ok', 'ok', 'ok']);
    expect(health.schema?.ok).toBe(true);
    const counted = await server.get<{ entries: number; fts: number; audits: number }>(
      "SELECT (SELECT COUNT(*) FROM entries) AS entries, (SELECT COUNT(*) FROM entries_fts) AS fts, (SELECT COUNT(*) FROM audit_log WHERE action = 'entry.create') AS audits",
    );
    expect(counted).toEqual({ entries: 700, fts: 700, audits: 700 });
  }, 120_000);
});
