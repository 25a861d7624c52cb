import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { t } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { openRegister, registerPath, SCHEMA_VERSION } from '../../../electron/register/index.js';
import { POSTGRES_SCHEMA_VERSION } from '../../../electron/register/postgres/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function hasSchema(url: string): Promise<boolean> {
  const [row] = await query<{ present: boolean }>(url, "SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  return row?.present ?? false;
}

describePostgres('npm run cli -- migrate-postgres and verify --database', () => {
  useTestCluster();
  const databases: TestDatabase[] = [];
  const dirs: string[] = [];
  const fresh = async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    return database;
  };

  afterAll(async () => {
    for (const database of databases) await database.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates an empty database as the owner, grants the app role, and then finds nothing to do', async () => {
    const database = await fresh();
    const first = captureIo();
    await expect(runCli(['migrate-postgres', '--database', database.url, '--app-role', 'desk_app'], first.io)).resolves.toBe(0);
    expect(first.out).toEqual([
      t('cli.migratePostgres.done', { from: 0, to: POSTGRES_SCHEMA_VERSION }),
      t('cli.migratePostgres.granted', { role: 'desk_app' }),
    ]);
    // The app role can now read the (empty) register: verify through it is sound.
    const verify = captureIo();
    await expect(runCli(['verify', '--database', database.appUrl], verify.io)).resolves.toBe(0);
    const again = captureIo();
    await expect(runCli(['migrate-postgres', '--database', database.url], again.io)).resolves.toBe(0);
    expect(again.out).toEqual([t('cli.migratePostgres.upToDate', { to: POSTGRES_SCHEMA_VERSION })]);
  });

  it('refuses a schema newer than the app with the message the embedded register gives', async () => {
    const database = await fresh();
    await expect(runCli(['migrate-postgres', '--database', database.url], captureIo().io)).resolves.toBe(0);
    const newer = POSTGRES_SCHEMA_VERSION + 1;
    await query(database.url, `INSERT INTO schema_migrations (version, name) VALUES (${newer}, 'from-the-future')`);
    const run = captureIo();
    await expect(runCli(['migrate-postgres', '--database', database.url], run.io)).resolves.toBe(1);
    expect(run.err.join('\n')).toContain(t('errors.register.newerSchema', { found: newer, supported: POSTGRES_SCHEMA_VERSION }));

    // The embedded register says the same words for the same situation.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-newer-'));
    dirs.push(dataDir);
    await openRegister(registerPath(dataDir)).close();
    const raw = new Database(registerPath(dataDir));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const onFile = captureIo();
    await expect(runCli(['verify', '--data-dir', dataDir], onFile.io)).resolves.toBe(1);
    expect(onFile.err.join('\n')).toContain(t('errors.register.newerSchema', { found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION }));
  });

  it('verify --database never migrates, even as the owner: an unmigrated database is reported, not changed', async () => {
    const database = await fresh();
    const run = captureIo();
    await expect(runCli(['verify', '--database', database.url], run.io)).resolves.toBe(1);
    expect(run.err.join('\n')).toContain(t('errors.register.migrationsPending', { found: 0, supported: POSTGRES_SCHEMA_VERSION }));
    expect(await hasSchema(database.url)).toBe(false);
  });

  it('wrong usage exits 2: no --database for migrate-postgres, neither folder nor server for verify', async () => {
    await expect(runCli(['migrate-postgres'], captureIo().io)).resolves.toBe(2);
    const verify = captureIo();
    await expect(runCli(['verify'], verify.io)).resolves.toBe(2);
    expect(verify.err.join('\n')).toContain(t('cli.verify.whichRegister'));
  });
});
