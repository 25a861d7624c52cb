import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { migrations as sqliteMigrations } from '../../../electron/register/migrations/index.js';
import {
  POSTGRES_SCHEMA_VERSION,
  checkPostgresSchema,
  migratePostgres,
  preparePostgresSchema,
  readPostgresSchemaVersion,
} from '../../../electron/register/postgres/migrate.js';
import { connectPostgresRegister } from '../../../electron/register/postgres/register-db.js';
import { postgresMigrations } from '../../../electron/register/postgres/migrations/index.js';
import { APPEND_ONLY_TABLES, READ_ONLY_TABLES, UPDATABLE_TABLES } from '../../../electron/register/postgres/roles.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';
import { appendEntry, seedJournal, ZERO_HASH } from './rows.js';

describePostgres('PostgreSQL migrations', () => {
  useTestCluster();
  const opened: { end(): Promise<void> }[] = [];
  const databases: TestDatabase[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.end()));
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });

  async function emptyDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    return database;
  }

  async function client(url: string): Promise<pg.Client> {
    const connected = new pg.Client({ connectionString: url });
    await connected.connect();
    opened.push(connected);
    return connected;
  }

  async function schemaOf(connection: pg.Client): Promise<string[]> {
    const { rows } = await connection.query<{ line: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type AS line FROM information_schema.columns
       WHERE table_schema = 'public' UNION ALL
       SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
    );
    return rows.map((row) => row.line);
  }

  it('applies every migration once and records it; running again changes nothing', async () => {
    const database = await emptyDatabase();
    const owner = await client(database.url);
    expect(await migratePostgres(owner)).toEqual({ from: 0, to: POSTGRES_SCHEMA_VERSION });
    const first = await schemaOf(owner);
    expect(await migratePostgres(owner)).toEqual({ from: POSTGRES_SCHEMA_VERSION, to: POSTGRES_SCHEMA_VERSION });
    expect(await schemaOf(owner)).toEqual(first);
    const { rows } = await owner.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((row: { version: number }) => row.version)).toEqual(postgresMigrations.map((migration) => migration.version));
  });

  it('two workstations migrating at once end with one schema and one record per version', async () => {
    const database = await emptyDatabase();
    const [first, second] = await Promise.all([client(database.url), client(database.url)]);
    const results = await Promise.all([migratePostgres(first), migratePostgres(second)]);
    expect(results.map((result) => result.from).sort()).toEqual([0, POSTGRES_SCHEMA_VERSION]);
    const { rows } = await first.query<{ n: string }>('SELECT COUNT(*)::int AS n FROM schema_migrations');
    expect(Number(rows[0]?.n)).toBe(postgresMigrations.length);
  });

  it('a database newer than the app is refused, as on SQLite, and left as it was', async () => {
    const database = await emptyDatabase();
    const owner = await client(database.url);
    await migratePostgres(owner, { grantTo: 'desk_app' });
    await owner.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')`, [POSTGRES_SCHEMA_VERSION + 1]);
    const before = await schemaOf(owner);
    const refusal = await migratePostgres(owner).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DeskError);
    expect((refusal as DeskError).messageKey).toBe('errors.register.newerSchema');
    expect((refusal as DeskError).params).toEqual({ found: POSTGRES_SCHEMA_VERSION + 1, supported: POSTGRES_SCHEMA_VERSION });
    expect(await schemaOf(owner)).toEqual(before);
    const db = await connectPostgresRegister({ url: database.appUrl });
    opened.push({ end: () => db.close() });
    await expect(checkPostgresSchema(db)).rejects.toMatchObject({ messageKey: 'errors.register.newerSchema' });
  });

  it('the application role with pending migrations is refused with a message for IT, and changes nothing', async () => {
    const database = await emptyDatabase();
    const db = await connectPostgresRegister({ url: database.appUrl });
    opened.push({ end: () => db.close() });
    await expect(preparePostgresSchema(db)).rejects.toMatchObject({
      code: 'storage',
      messageKey: 'errors.register.migrationsPending',
      params: { found: 0, supported: POSTGRES_SCHEMA_VERSION },
    });
    await expect(migratePostgres(db.pool)).rejects.toThrow();
    expect(await readPostgresSchemaVersion(db)).toBe(0);
  });

  it('the application role without its grants is told so, not shown a permission error', async () => {
    const database = await emptyDatabase();
    await migratePostgres(await client(database.url));
    const db = await connectPostgresRegister({ url: database.appUrl });
    opened.push({ end: () => db.close() });
    await expect(checkPostgresSchema(db)).rejects.toMatchObject({ messageKey: 'errors.register.missingGrants' });
  });

  it('the owner starting the app migrates; the app role then finds the schema current', async () => {
    const database = await emptyDatabase();
    const owner = await connectPostgresRegister({ url: database.url });
    opened.push({ end: () => owner.close() });
    await preparePostgresSchema(owner, { grantTo: 'desk_app' });
    const app = await connectPostgresRegister({ url: database.appUrl });
    opened.push({ end: () => app.close() });
    await expect(preparePostgresSchema(app)).resolves.toBeUndefined();
    expect(await app.get('SELECT COUNT(*) AS n FROM entries')).toEqual({ n: 0 });
  });

  it('carries a version-2 server forward: its counters go on, and afterwards only issuing moves them (R7.7)', async () => {
    const database = await emptyDatabase();
    const owner = await client(database.url);
    await owner.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    for (const migration of postgresMigrations.filter((candidate) => candidate.version <= 2)) {
      await owner.query(migration.sql);
      await owner.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await seedJournal(owner);
    // As version 2 issued: the counter first, then the entry with the number it reached.
    await owner.query(`INSERT INTO journal_counters (journal_id, year, last_number) VALUES ('j1', 2025, 1)`);
    await appendEntry(owner, { id: 'e1', year: 2025, number: 1, prevHash: ZERO_HASH, hash: 'h1' });

    expect(await migratePostgres(owner, { grantTo: 'desk_app' })).toEqual({ from: 2, to: POSTGRES_SCHEMA_VERSION });
    const app = await client(database.appUrl);
    await appendEntry(app, { id: 'e2', year: 2025, number: 2, prevHash: 'h1', hash: 'h2' });
    const { rows } = await app.query<{ n: number }>(`SELECT last_number AS n FROM journal_counters WHERE journal_id = 'j1'`);
    expect(rows).toEqual([{ n: 2 }]);
    await expect(app.query(`UPDATE journal_counters SET last_number = 3 WHERE journal_id = 'j1'`)).rejects.toMatchObject({ code: '42501' });
    expect((await app.query('SELECT COUNT(*)::int AS n FROM entries')).rows).toEqual([{ n: 2 }]);
  });

  it('has the same tables, columns and triggers as the SQLite register', async () => {
    const sqlite = new Database(':memory:');
    for (const migration of sqliteMigrations) sqlite.exec(migration.sql);
    const sqliteTables = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entries_fts_%'").all() as { name: string }[]).map((row) => row.name);
    const sqliteColumns = sqliteTables.flatMap((table) =>
      (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((column) => `${table}.${column.name}`),
    );
    const sqliteTriggers = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string }[]).map((row) => row.name);
    sqlite.close();

    const database = await emptyDatabase();
    const owner = await client(database.url);
    await migratePostgres(owner);
    const { rows: columns } = await owner.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const postgresColumns = columns.map((row) => row.name);
    const { rows: triggers } = await owner.query<{ name: string }>('SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal');

    // PostgreSQL adds: the migrations record, rowid where SQLite has it implicitly, the lexemes,
    // and the word table that is its prefix index (FTS5's own index tables are left out above).
    const extras = new Set(['handovers.rowid', 'annulments.rowid', 'reissues.rowid', 'document_codes.rowid', 'entries_fts.rowid', 'entries_fts.lexemes']);
    const comparable = postgresColumns.filter((name) => !extras.has(name) && !name.startsWith('schema_migrations.') && !name.startsWith('entry_words.'));
    expect(comparable.sort()).toEqual(sqliteColumns.sort());
    const postgresTriggers = new Set(triggers.map((row) => row.name));
    expect(sqliteTriggers.filter((name) => !postgresTriggers.has(name))).toEqual([]);

    // Every table has its place in the application role's grants.
    const tables = new Set(postgresColumns.map((name) => name.split('.')[0]));
    expect([...tables].sort()).toEqual([...APPEND_ONLY_TABLES, ...UPDATABLE_TABLES, ...READ_ONLY_TABLES].sort());
  });
});
