import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { REGISTER_APPLICATION_ID } from '../../../electron/register/database.js';
import { migrations } from '../../../electron/register/migrations/index.js';
import { createRegisterServices, openRegister, type RegisterDb } from '../../../electron/register/index.js';
import { checkRegisterSchema } from '../../../electron/register/schema-check.js';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, setUpRegister, tempDir, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
const extra: RegisterDb[] = [];
afterEach(async () => {
  for (const db of extra.splice(0)) await db.close();
  await register?.close();
  register = undefined;
});

/** Changes the register's schema as someone with the file (SQLite editor) or the server's superuser would. */
async function alterSchema(r: TestRegister, statements: readonly string[]): Promise<void> {
  if (!onPostgres) {
    const raw = new Database(r.file);
    try {
      for (const statement of statements) raw.exec(statement);
    } finally {
      raw.close();
    }
    return;
  }
  await r.tamper(statements.map((statement) => [statement, []] as const));
}

/** The protecting triggers as the register has them now, with their tables. */
async function triggersOf(db: RegisterDb): Promise<{ name: string; table: string }[]> {
  const sql = onPostgres
    ? `SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY 1`
    : "SELECT name, tbl_name AS \"table\" FROM sqlite_schema WHERE type = 'trigger' ORDER BY 1";
  return db.all<{ name: string; table: string }>(sql);
}

/** What the next start sees: a new connection, every service fresh, the start-up verification. */
async function nextStart(r: TestRegister) {
  const db = await r.connectAgain();
  extra.push(db);
  const services = createRegisterServices({ db, dataDir: r.dir, now: r.clock.now });
  const health = await services.verification.verifyAllJournals();
  const issue = () => services.entries.appendEntry({ journalId: r.journalId, content: certificate(), user: r.head, gate: allowAll });
  return { db, services, health, issue };
}

async function registerWithEntries(count: number): Promise<TestRegister> {
  const r = await setUpRegister();
  for (let i = 0; i < count; i += 1) await r.services.entries.appendEntry({ journalId: r.journalId, content: certificate(), user: r.head, gate: allowAll });
  return r;
}

const dropTrigger = (trigger: { name: string; table: string }) =>
  onPostgres ? `DROP TRIGGER ${trigger.name} ON ${trigger.table}` : `DROP TRIGGER ${trigger.name}`;

describe("the register's protections are part of its check (R7.7: entries append-only, numbers gap-free)", () => {
  it('a register as the migrations make it has no fault', async () => {
    register = await registerWithEntries(1);
    expect(await triggersOf(register.db)).not.toEqual([]);
    expect(await checkRegisterSchema(register.db)).toEqual({ ok: true, faults: [] });
    const { health } = await nextStart(register);
    expect(health.schema).toMatchObject({ ok: true, faults: [] });
    expect(health.journals.every((journal) => !journal.readOnly)).toBe(true);
  });

  it('every trigger dropped and nothing else changed: the next start names each one, and every journal is read-only', async () => {
    register = await registerWithEntries(2);
    const triggers = await triggersOf(register.db);
    await alterSchema(register, triggers.map(dropTrigger));

    const { health, issue, services } = await nextStart(register);
    // The rows were not touched, so each chain still verifies: only the schema check sees it.
    expect(health.journals.every((journal) => journal.result?.ok)).toBe(true);
    expect(health.schema?.ok).toBe(false);
    const missingTriggers = health.schema?.faults.filter((fault) => fault.kind === 'trigger' && fault.problem === 'missing') ?? [];
    expect(missingTriggers.map(({ name, table }) => ({ name, table })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(triggers);
    expect(health.journals.every((journal) => journal.readOnly)).toBe(true);
    expect(services.verification.isReadOnly(register.journalId)).toBe(true);
    await expect(issue()).rejects.toMatchObject({ code: 'read_only', messageKey: 'errors.register.schemaTampered' });
  });

  it('a trigger changed to let everything through, an extra trigger, and a unique index dropped are each named', async () => {
    register = await registerWithEntries(1);
    const noUpdate = onPostgres
      ? 'CREATE OR REPLACE FUNCTION desk_refuse() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$'
      : "DROP TRIGGER entries_no_update; CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries WHEN 0 BEGIN SELECT RAISE(ABORT, 'entries: an issued entry is never edited'); END";
    const extraTrigger = onPostgres
      ? 'CREATE TRIGGER entries_quietly AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION entries_chain_link()'
      : 'CREATE TRIGGER entries_quietly AFTER INSERT ON entries BEGIN SELECT 1; END';
    await alterSchema(register, [noUpdate, extraTrigger, 'DROP INDEX body_posts_one_open']);

    const { health, issue } = await nextStart(register);
    const faults = health.schema?.faults.map((fault) => `${fault.problem} ${fault.kind} ${fault.name}`) ?? [];
    expect(faults).toContain(onPostgres ? 'altered function desk_refuse' : 'altered trigger entries_no_update');
    expect(faults).toContain('unexpected trigger entries_quietly');
    expect(faults).toContain('missing index body_posts_one_open');
    expect(faults).toHaveLength(3);
    await expect(issue()).rejects.toMatchObject({ code: 'read_only', messageKey: 'errors.register.schemaTampered' });
  });

  it.runIf(onPostgres)('on the server: a disabled trigger and a dropped numbering constraint are named', async () => {
    register = await registerWithEntries(1);
    const constraint = await register.db.get<{ name: string }>(
      "SELECT conname AS name FROM pg_constraint WHERE conrelid = 'entries'::regclass AND contype = 'u' AND array_length(conkey, 1) = 3",
    );
    await alterSchema(register, ['ALTER TABLE entries DISABLE TRIGGER entries_no_delete', `ALTER TABLE entries DROP CONSTRAINT ${constraint?.name ?? 'none'}`]);
    const { health } = await nextStart(register);
    const faults = health.schema?.faults.map((fault) => `${fault.problem} ${fault.kind} ${fault.table} ${fault.name}`) ?? [];
    expect(faults.sort()).toEqual(['disabled trigger entries entries_no_delete', 'missing constraint entries UNIQUE (journal_id, year, number)']);
  });

  it('once the protection is put back as the migrations define it, the next start allows writing again', async () => {
    register = await registerWithEntries(1);
    const triggers = await triggersOf(register.db);
    const definitions = onPostgres
      ? await register.db.all<{ sql: string }>(
          "SELECT pg_get_triggerdef(t.oid) AS sql FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'entries_no_update' AND NOT t.tgisinternal",
        )
      : await register.db.all<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'entries_no_update'");
    const noUpdate = triggers.find((trigger) => trigger.name === 'entries_no_update')!;
    await alterSchema(register, [dropTrigger(noUpdate)]);
    const broken = await nextStart(register);
    expect(broken.health.schema?.faults).toEqual([{ problem: 'missing', kind: 'trigger', name: 'entries_no_update', table: 'entries' }]);

    await alterSchema(register, definitions.map((row) => row.sql));
    const { health, issue } = await nextStart(register);
    expect(health.schema).toMatchObject({ ok: true, faults: [] });
    expect((await issue()).number).toBe(2);
  });
});

describe.skipIf(onPostgres)('cli verify reports the protections in words', () => {
  it('exits 1 and names each dropped trigger and its table; 0 for the untouched register', async () => {
    register = await registerWithEntries(1);
    const io = () => {
      const lines: string[] = [];
      return { lines, io: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } };
    };
    const sound = io();
    await expect(runCli(['verify', '--data-dir', register.dir], sound.io)).resolves.toBe(0);

    await alterSchema(register, ['DROP TRIGGER entries_no_update', 'DROP TRIGGER entries_no_delete']);
    const broken = io();
    await expect(runCli(['verify', '--data-dir', register.dir], broken.io)).resolves.toBe(1);
    const report = broken.lines.join('\n');
    expect(report).toMatch(/(Немає тригера|Missing trigger) «entries_no_update» \((таблиця|table) entries\)/);
    expect(report).toMatch(/(Немає тригера|Missing trigger) «entries_no_delete»/);
    // Plain words, no bare codes standing in the sentence.
    expect(report).not.toMatch(/\bmissing\b|schemaCheck\./);
  });
});

describe.skipIf(onPostgres)('npm run cli -- restore-protections (the way back)', () => {
  it('puts dropped, changed and foreign triggers and a dropped index back as the migrations define them; rows untouched; the next start writes again', async () => {
    register = await registerWithEntries(2);
    const before = await register.db.all<{ id: string; hash: string }>('SELECT id, hash FROM entries ORDER BY number');
    await alterSchema(register, [
      'DROP TRIGGER entries_no_delete',
      "DROP TRIGGER entries_no_update; CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END",
      'CREATE TRIGGER entries_quietly AFTER INSERT ON entries BEGIN SELECT 1; END',
      'DROP INDEX body_posts_one_open',
    ]);
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    await expect(runCli(['restore-protections', '--data-dir', register.dir], io)).resolves.toBe(0);
    expect(lines.join('\n')).toMatch(/«entries_no_delete»[\s\S]*«entries_no_update»|«entries_no_update»[\s\S]*«entries_no_delete»/);
    await expect(runCli(['verify', '--data-dir', register.dir], io)).resolves.toBe(0);

    const { health, issue, db } = await nextStart(register);
    expect(health.schema).toMatchObject({ ok: true, faults: [] });
    expect(await db.all('SELECT id, hash FROM entries ORDER BY number')).toEqual(before);
    await expect(db.run("UPDATE entries SET content = '{}'")).rejects.toThrow(/never edited/);
    expect((await issue()).number).toBe(3);
    // Nothing left to put back: a second run says so and changes nothing.
    const again: string[] = [];
    await expect(runCli(['restore-protections', '--data-dir', register.dir], { out: (line) => again.push(line), err: (line) => again.push(line) })).resolves.toBe(0);
    expect(again).toHaveLength(1);
  });
});

describe.skipIf(onPostgres)('a register from an older version', () => {
  it.each(migrations.slice(0, -1).map((migration) => migration.version))('made at schema %i and migrated forward has no fault', async (version) => {
    const file = path.join(tempDir(), 'register.sqlite');
    const old = new Database(file);
    old.pragma(`application_id = ${REGISTER_APPLICATION_ID}`);
    for (const migration of migrations.filter((candidate) => candidate.version <= version)) old.exec(migration.sql);
    old.pragma(`user_version = ${version}`);
    old.close();
    const db = openRegister(file);
    try {
      expect(await checkRegisterSchema(db)).toEqual({ ok: true, faults: [] });
    } finally {
      await db.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
