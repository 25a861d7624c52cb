import type pg from 'pg';
import { DeskError } from '../../../shared/contract/errors.js';
import type { Sql } from '../sql.js';
import { POSTGRES_SCHEMA_VERSION, postgresMigrations } from './migrations/index.js';
import { applicationRoleGrants } from './roles.js';
import { describeServerFailure } from './server-errors.js';

export { POSTGRES_SCHEMA_VERSION } from './migrations/index.js';

/**
 * Key of the transaction-scoped advisory lock every migration run takes first, so workstations
 * starting at once migrate one after another: "CNAP" in ASCII, as SQLite's application_id.
 */
export const MIGRATION_LOCK_KEY = 0x434e4150;

/** Two statements: a query naming a table that does not exist fails before it runs. */
const HAS_VERSIONS = `SELECT to_regclass('schema_migrations') IS NOT NULL AS present,
  to_regclass('schema_migrations') IS NOT NULL AND has_table_privilege('schema_migrations', 'SELECT') AS readable`;
const MAX_VERSION = 'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations';

export interface MigrateOptions {
  /** The application role to (re)grant its rights to, in the same transaction. */
  readonly grantTo?: string;
}

/**
 * Applies every pending migration in ONE transaction under `pg_advisory_xact_lock`, recording
 * each in `schema_migrations`. A database newer than the app is refused as on SQLite. Run as the
 * owner role; with nothing pending it changes nothing, so any role may call it.
 */
export async function migratePostgres(
  target: pg.Pool | pg.Client,
  options: MigrateOptions = {},
): Promise<{ from: number; to: number }> {
  const client = 'totalCount' in target ? await target.connect() : target;
  const server = `${client.host}:${client.port}`;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const from = await versionOf(client);
    if (from > POSTGRES_SCHEMA_VERSION) throw newerSchema(from);
    if (from < POSTGRES_SCHEMA_VERSION) await applyPending(client, from);
    if (options.grantTo !== undefined) await client.query(applicationRoleGrants(options.grantTo));
    await client.query('COMMIT');
    return { from, to: Math.max(from, POSTGRES_SCHEMA_VERSION) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw describeServerFailure(error, server);
  } finally {
    if (client !== target) (client as pg.PoolClient).release();
  }
}

async function applyPending(client: pg.Client, from: number): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  for (const migration of postgresMigrations) {
    if (migration.version <= from) continue;
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
  }
}

async function versionOf(client: pg.Client): Promise<number> {
  return readPostgresSchemaVersion({
    get: async <Row>(sql: string) => (await client.query(sql)).rows[0] as Row | undefined,
  });
}

/** The schema version of the register behind `db`: 0 for an empty database. */
export async function readPostgresSchemaVersion(db: Pick<Sql, 'get'>): Promise<number> {
  const present = await db.get<{ present: boolean; readable: boolean }>(HAS_VERSIONS);
  if (!present?.present) return 0;
  // The schema is there but this role was never given its rights: IT's step, not a bug.
  if (!present.readable) throw new DeskError('storage', 'errors.register.missingGrants');
  return (await db.get<{ version: number }>(MAX_VERSION))?.version ?? 0;
}

/**
 * At start, as any role: the schema must be exactly the app's. Newer → update the app; older →
 * IT must run the migration as the owner role (the application role cannot change the schema).
 */
export async function checkPostgresSchema(db: Sql): Promise<void> {
  const found = await readPostgresSchemaVersion(db);
  if (found > POSTGRES_SCHEMA_VERSION) throw newerSchema(found);
  if (found < POSTGRES_SCHEMA_VERSION) {
    throw new DeskError('storage', 'errors.register.migrationsPending', { found, supported: POSTGRES_SCHEMA_VERSION });
  }
}

/**
 * At start: migrates when the connected role may change the schema (the owner), otherwise only
 * checks, so the application role with pending migrations is refused with a message for IT.
 */
export async function preparePostgresSchema(db: Sql & { readonly pool: pg.Pool }, options: MigrateOptions = {}): Promise<void> {
  const may = await db.get<{ may: boolean }>("SELECT has_schema_privilege(current_schema(), 'CREATE') AS may");
  if (may?.may) await migratePostgres(db.pool, options);
  await checkPostgresSchema(db);
}

function newerSchema(found: number): DeskError {
  return new DeskError('storage', 'errors.register.newerSchema', { found, supported: POSTGRES_SCHEMA_VERSION });
}
