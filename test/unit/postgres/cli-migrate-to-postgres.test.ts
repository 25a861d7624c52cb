import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDesk } from '../../../electron/app/desk.js';
import { SEED_PASSWORD } from '../../../electron/app/synthetic/desk-cast.js';
import { generateRegister } from '../../../electron/app/synthetic/generator.js';
import { t } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { connectRegister } from '../../../electron/register/connect.js';
import { createRegisterServices, openRegister, registerPath, type RegisterDb } from '../../../electron/register/index.js';
import { putDocumentCode } from '../../../electron/register/repositories/document-codes.js';
import { POSTGRES_SCHEMA_VERSION } from '../../../electron/register/postgres/migrate.js';
import { customKindSchema } from '../../../shared/rules/catalogue.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { asAdmin, createTestDatabase, type ClusterInfo, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';
import { allowAll, certificate, person } from '../register/fixtures.js';

/** Every table of the register; the server must hold exactly the file's rows in each. */
const TABLES = [
  'settings', 'offices', 'journals', 'users', 'journal_counters', 'entries', 'handovers', 'annulments', 'reissues',
  'audit_log', 'document_codes', 'entries_fts', 'directory_revisions', 'signatories', 'settlements', 'streets', 'bodies',
  'body_posts', 'templates', 'custom_kinds', 'exchange_log', 'exchange_office_keys', 'office_document_keys', 'office_code_seals',
  'witnessed_checkpoints', 'witness_flags',
];

const ENTRIES = 1000;
/** The same surname typed with an ASCII apostrophe: the register stores U+02BC. */
const APOSTROPHE_VARIANT = "прокоп'юк";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

type Row = Record<string, unknown>;

/** Every row of a table in the file, with SQLite's implicit row id (PostgreSQL spells it out). */
function fileRows(file: string, table: string): Row[] {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(`SELECT rowid AS "rowid", * FROM ${table}`).all() as Row[];
  } finally {
    raw.close();
  }
}

async function serverRows(db: RegisterDb, table: string): Promise<Row[]> {
  return db.all<Row>(`SELECT * FROM ${table}`);
}

/** Rows compared as sets of the file's columns: `lexemes` is the server's own index column. */
function comparable(rows: Row[], keep: (column: string) => boolean): string[] {
  return rows
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => keep(column)).sort(([a], [b]) => a.localeCompare(b)))))
    .sort();
}

async function serverCounts(db: RegisterDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
  return counts;
}

/**
 * A synthetic register (several offices and journals over years, handovers, annulments,
 * directories, templates) plus what the generator does not make: a custom kind, a new template
 * version, a directory revision, a reissue, a document code, an exported workplace, and an entry
 * whose surname has an apostrophe.
 */
async function buildSourceRegister(dataDir: string): Promise<{ head: SessionUser; apostropheEntryId: string }> {
  await generateRegister({ dataDir, entries: ENTRIES });
  let remoteOfficeId = '';
  const desk = await createDesk({ dataDir, demo: false, appVersion: 'test' });
  try {
    const call = async (channel: string, input: unknown) => {
      const result = await desk.dispatcher.dispatch(channel, input, { sessionKey: 'it', transport: 'cli' });
      if (!result.ok) throw new Error(`${channel}: ${result.error.messageKey}`);
      return result.value as never;
    };
    await call('auth.login', { login: 'head', password: SEED_PASSWORD });
    const kind = customKindSchema.parse({
      id: 'custom:heating_subsidy',
      sort: 'issued',
      title: 'Довідка для призначення субсидії на тверде паливо',
      grounds: [{ requirementId: 'fuel_receipt', label: 'Квитанція про придбання твердого палива', documentTypes: ['other'] }],
      decision: { number: '112', date: '2024-05-20' },
    });
    await call('kinds.addCustom', { kind, templateText: 'ДОВІДКА' });
    await call('templates.save', { kindId: 'custom:heating_subsidy', text: 'Друга редакція' });
    const [signatory] = (await call('directories.signatories.list', {})) as { id: string; position: string }[];
    await call('directories.signatories.save', { ...signatory, position: 'Начальник відділу (нова посада)' });
    const { items: offices } = (await call('offices.list', {})) as { items: { id: string; kind: string }[] };
    const remote = offices.find((office) => office.kind === 'remote');
    if (!remote) throw new Error('the synthetic register has no remote office');
    await call('exchange.exportWorkplace', { officeId: remote.id });
    remoteOfficeId = remote.id;
  } finally {
    await desk.close();
  }
  const db = openRegister(registerPath(dataDir));
  try {
    const services = createRegisterServices({ db, dataDir });
    const { user: head } = await services.auth.login('it', 'head', SEED_PASSWORD);
    const raw = new Database(registerPath(dataDir));
    const annulled = raw.prepare('SELECT entry_id AS id FROM annulments ORDER BY rowid LIMIT 1').get() as { id: string };
    const journalId = (raw.prepare('SELECT journal_id AS id FROM entries WHERE id = ?').get(annulled.id) as { id: string }).id;
    // A remote office's keys are pinned by its first bundle; a whole remote workplace is more
    // than this test needs, so the pinned row is written as the import would write it.
    raw
      .prepare('INSERT INTO exchange_office_keys (office_id, signing_key, encryption_key, pinned_at, pinned_by) VALUES (?, ?, ?, ?, NULL)')
      .run(remoteOfficeId, 'c2lnbmluZy1rZXk=', 'ZW5jcnlwdGlvbi1rZXk=', '2025-06-30T14:00:00.000Z');
    // So are the office's document key and a short-code seal its bundle brought (migration 0009).
    raw
      .prepare('INSERT INTO office_document_keys (office_id, office_code, fingerprint, public_key, bundle_sequence, received_at) VALUES (?, ?, ?, ?, 1, ?)')
      .run(remoteOfficeId, 'VRM-01', '0A1B 2C3D', 'ZG9jdW1lbnQta2V5', '2025-06-30T14:00:00.000Z');
    const coded = raw.prepare('SELECT entry_id AS id FROM document_codes ORDER BY rowid LIMIT 1').get() as { id: string } | undefined;
    raw.prepare('INSERT INTO office_code_seals (entry_id, seal) VALUES (?, ?)').run(coded?.id ?? annulled.id, 'c2VhbA');
    // And what the centre witnessed of it: a cosigned checkpoint and a flagged bundle.
    raw
      .prepare("INSERT INTO witnessed_checkpoints (office_id, journal_id, size, root, note, cosignature, bundle_sequence, accepted_at) VALUES (?, ?, 3, 'cm9vdA==', 'note', 'cosignature', 1, '2025-07-01T09:00:00.000Z')")
      .run(remoteOfficeId, journalId);
    raw
      .prepare("INSERT INTO witness_flags (office_id, journal_id, reason, position, entry_id, printed_number, confirmed_size, bundle_sequence, file_name, flagged_at, flagged_by) VALUES (?, ?, 'rewritten', 2, ?, '01-21/2', 3, 2, 'bundle.cnapbundle', '2025-07-02T09:00:00.000Z', NULL)")
      .run(remoteOfficeId, journalId, annulled.id);
    raw.close();
    const replacement = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll, replaces: annulled.id });
    await putDocumentCode(db, replacement.id, 'AB12CD34');
    const withApostrophe = await services.entries.appendEntry({
      journalId,
      content: certificate(person('Прокопʼюк', 'Марʼяна', 'Іванівна')),
      user: head,
      gate: allowAll,
    });
    return { head, apostropheEntryId: withApostrophe.id };
  } finally {
    await db.close();
  }
}

/** The first four letters, in lower case, of the surname most entries of the file carry. */
async function commonSurnamePrefix(db: RegisterDb): Promise<string> {
  const rows = await db.all<{ names: string }>('SELECT names FROM entries_fts');
  const tally = new Map<string, number>();
  for (const { names } of rows) {
    const prefix = names.split(' ')[0]!.slice(0, 4).toLocaleLowerCase('uk-UA');
    tally.set(prefix, (tally.get(prefix) ?? 0) + 1);
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

async function searchIds(db: RegisterDb, dataDir: string, text: string): Promise<{ ids: string[]; total: number }> {
  const services = createRegisterServices({ db, dataDir });
  const { user } = await services.auth.login('search', 'head', SEED_PASSWORD);
  const found = await services.entries.searchEntries(user, { text, page: 1, pageSize: 100 });
  return { ids: found.items.map((item) => item.id), total: found.total };
}

describePostgres('npm run cli -- migrate-to-postgres (moving a register to a server)', () => {
  const cluster = useTestCluster();
  let dataDir: string;
  let file: string;
  let database: TestDatabase;
  let server: RegisterDb;
  let apostropheEntryId: string;
  let surnamePrefix: string;
  let fileSearches: Record<string, { ids: string[]; total: number }>;
  let fileVerification: Map<string, number>;
  const move = captureIo();
  let moveCode: number;
  let moveMs: number;
  const extraDatabases: TestDatabase[] = [];
  const extraDirs: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-move-'));
    file = registerPath(dataDir);
    ({ apostropheEntryId } = await buildSourceRegister(dataDir));
    // The file's own answers, taken before the move (searching writes an audit row).
    const source = openRegister(file);
    try {
      surnamePrefix = await commonSurnamePrefix(source);
      fileSearches = {
        prefix: await searchIds(source, dataDir, surnamePrefix),
        apostrophe: await searchIds(source, dataDir, APOSTROPHE_VARIANT),
      };
      const health = await createRegisterServices({ db: source, dataDir }).verification.verifyAllJournals();
      fileVerification = new Map(health.journals.map((journal) => [journal.journalId, journal.result?.ok ? journal.result.entries : -1]));
    } finally {
      await source.close();
    }
    database = await createTestDatabase();
    const started = performance.now();
    moveCode = await runCli(['migrate-to-postgres', '--data-dir', dataDir, '--database', database.url], move.io);
    moveMs = performance.now() - started;
    server = await connectRegister({ dataDir, database: database.appUrl });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    for (const extra of [database, ...extraDatabases]) await extra?.drop();
    for (const dir of [dataDir, ...extraDirs]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves the register, reports every table and journal, and names the keys folder to copy', () => {
    expect(move.err).toEqual([]);
    expect(moveCode).toBe(0);
    const report = move.out.join('\n');
    expect(report).toContain(path.join(dataDir, 'keys'));
    for (const table of TABLES) expect(report).toContain(table);
    console.info(`moved ${ENTRIES + 2} entries in ${(moveMs / 1000).toFixed(1)} s`);
  });

  it('copies every row of every table as it is in the file, row ids included', async () => {
    for (const table of TABLES) {
      const inFile = fileRows(file, table);
      const onServer = await serverRows(server, table);
      const serverColumns = new Set(Object.keys(onServer[0] ?? {}));
      // A table the generator leaves empty would prove nothing.
      expect(inFile.length, table).toBeGreaterThan(0);
      expect(comparable(onServer, (column) => column !== 'lexemes'), table).toEqual(
        comparable(inFile, (column) => serverColumns.has(column)),
      );
    }
  });

  it('every journal verifies on the server with the entries it had in the file', async () => {
    const health = await createRegisterServices({ db: server, dataDir }).verification.verifyAllJournals();
    expect(health.journals.length).toBeGreaterThan(1);
    for (const journal of health.journals) {
      expect(journal.result?.ok, journal.journalIndex).toBe(true);
      expect(journal.result?.ok && journal.result.entries).toBe(fileVerification.get(journal.journalId));
    }
  });

  it('the desk on the server keeps numbering and audit ids after the copied ones', async () => {
    const services = createRegisterServices({ db: server, dataDir });
    const { user } = await services.auth.login('next', 'head', SEED_PASSWORD);
    const entry = await server.get<{ journal_id: string; year: number }>('SELECT journal_id, year FROM entries WHERE id = ?', [apostropheEntryId]);
    const before = await server.get<{ n: number }>('SELECT MAX(number) AS n FROM entries WHERE journal_id = ? AND year = ?', [entry!.journal_id, entry!.year]);
    const added = await services.entries.appendEntry({ journalId: entry!.journal_id, content: certificate(), user, gate: allowAll });
    expect(added.number).toBe(before!.n + 1);
    const fileMaxAudit = Math.max(...fileRows(file, 'audit_log').map((row) => Number(row.id)));
    const newest = await server.get<{ id: number }>('SELECT MAX(id) AS id FROM audit_log');
    expect(newest!.id).toBeGreaterThan(fileMaxAudit);
  });

  it('search on the server finds what it found in the file: lower-case surname prefix and apostrophe variant', async () => {
    const prefix = await searchIds(server, dataDir, surnamePrefix);
    const apostrophe = await searchIds(server, dataDir, APOSTROPHE_VARIANT);
    expect(fileSearches.apostrophe!.ids).toContain(apostropheEntryId);
    expect(fileSearches.prefix!.total).toBeGreaterThan(1);
    expect(apostrophe).toEqual(fileSearches.apostrophe);
    expect(prefix).toEqual(fileSearches.prefix);
  });

  it('refuses a second move into the now non-empty database and changes nothing there', async () => {
    const before = await serverCounts(server);
    const again = captureIo();
    await expect(runCli(['migrate-to-postgres', '--data-dir', dataDir, '--database', database.url], again.io)).resolves.toBe(1);
    expect(again.err.join('\n')).toContain(t('errors.registerMove.notEmpty', { tables: '' }).split('(')[0]!.trim());
    expect(await serverCounts(server)).toEqual(before);
  });

  it('a file whose chain does not verify is not moved: the server stays empty and the exit code is 1', async () => {
    const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-move-bad-'));
    extraDirs.push(copyDir);
    fs.copyFileSync(file, registerPath(copyDir));
    const raw = new Database(registerPath(copyDir));
    raw.exec('DROP TRIGGER entries_no_update');
    raw.prepare(`UPDATE entries SET content = '{"sort":"certificate"}' WHERE id = (SELECT id FROM entries ORDER BY rowid LIMIT 1 OFFSET 10)`).run();
    raw.close();
    const target = await createTestDatabase();
    extraDatabases.push(target);
    const run = captureIo();
    await expect(runCli(['migrate-to-postgres', '--data-dir', copyDir, '--database', target.url], run.io)).resolves.toBe(1);
    expect(run.err.join('\n')).toContain('змінено після внесення');
    expect(run.err.join('\n')).toContain(t('cli.moveToPostgres.rolledBack'));
    const targetDb = await connectRegister({ dataDir: copyDir, database: target.appUrl });
    try {
      expect(Object.values(await serverCounts(targetDb)).every((count) => count === 0)).toBe(true);
    } finally {
      await targetDb.close();
    }
  });

  it('refuses a database that was never migrated, with the message for IT', async () => {
    const bare = await createTestDatabase({ migrated: false });
    extraDatabases.push(bare);
    const run = captureIo();
    await expect(runCli(['migrate-to-postgres', '--data-dir', dataDir, '--database', bare.url], run.io)).resolves.toBe(1);
    expect(run.err.join('\n')).toContain(t('errors.register.migrationsPending', { found: 0, supported: POSTGRES_SCHEMA_VERSION }));
  });

  // Last: it changes the moved register behind the triggers' back.
  it('verify --database exits 0 for the sound server register and 1 after a row is changed on the server', async () => {
    const sound = captureIo();
    await expect(runCli(['verify', '--database', database.appUrl], sound.io)).resolves.toBe(0);
    expect(sound.out.join('\n')).toContain(t('cli.verify.allOk'));
    await tamperOnServer(cluster(), database.name);
    const tampered = captureIo();
    await expect(runCli(['verify', '--database', database.appUrl], tampered.io)).resolves.toBe(1);
    expect(tampered.err.join('\n')).toContain('змінено після внесення');
  });
});

/** An attacker with the superuser's password: triggers switched off for the session. */
async function tamperOnServer(info: ClusterInfo, databaseName: string): Promise<void> {
  await asAdmin(
    info,
    async (admin) => {
      await admin.query('SET session_replication_role = replica');
      await admin.query(
        `UPDATE entries SET content = '{"sort":"certificate"}' WHERE id = (SELECT id FROM entries ORDER BY created_at LIMIT 1 OFFSET 5)`,
      );
    },
    databaseName,
  );
}
