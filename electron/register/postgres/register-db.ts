import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { activeTransaction, currentTransaction, type RegisterDb, type Sql, type SqlValue } from '../sql.js';
import { postgresPoolConfig, type PostgresLocation, type PostgresRegisterOptions } from './connection-options.js';
import { numberPlaceholders } from './placeholders.js';
import { describeServerFailure, isConnectionLost, isRetryable } from './server-errors.js';

export type { PostgresRegisterOptions } from './connection-options.js';

/** The register on a PostgreSQL server; `pool` is for migrations and the schema check. */
export interface PostgresRegisterDb extends RegisterDb {
  readonly location: PostgresLocation;
  readonly pool: pg.Pool;
}

/** Enough for a burst of writers on one journal to get through; then the conflict is reported. */
const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 15;
const PLACEHOLDER_CACHE_LIMIT = 500;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Connects to the register on a PostgreSQL server (the register several workstations share) and checks the server answers.
 * Does not migrate: see `preparePostgresSchema`.
 */
export async function connectPostgresRegister(options: PostgresRegisterOptions): Promise<PostgresRegisterDb> {
  const { config, location } = postgresPoolConfig(options);
  const pool = new pg.Pool({ ...config, types: numberTypes() });
  // An idle connection the server closed (restart, network) is dropped by the pool; the next
  // statement opens a new one. Without a listener the process would stop.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw describeServerFailure(error, location.server);
  }
  return postgresRegisterDb(pool, location);
}

/** Counts and sums come back as numbers, as on SQLite; a value past 2^53 is an error, not a silent rounding. */
function numberTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new RangeError(`integer ${text} does not fit a JavaScript number`);
    return value;
  });
  types.setTypeParser(NUMERIC_OID, (text: string) => Number(text));
  return types;
}

function postgresRegisterDb(pool: pg.Pool, location: PostgresLocation): PostgresRegisterDb {
  const owner = {};
  const toText = placeholderCache();
  const fail = (error: unknown): never => {
    throw describeServerFailure(error, location.server);
  };

  const onPool: Sql = sqlOn(toText, (text, values) => pool.query(text, values).catch(fail));
  /** Inside a transaction of this register the statement joins it; outside, it runs on its own. */
  const routed = (): Sql => currentTransaction<Sql>(owner)?.handle ?? onPool;

  const transaction = async <T>(begin: string, work: (tx: Sql) => Promise<T>): Promise<T> => {
    const outer = currentTransaction<Sql>(owner);
    if (outer) return work(outer.handle);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await runTransaction(pool, owner, toText, begin, work);
      } catch (error) {
        if (isRetryable(error) && attempt < MAX_ATTEMPTS) {
          await sleep(RETRY_BASE_MS * 2 ** attempt * (0.5 + Math.random()));
          continue;
        }
        fail(error);
      }
    }
  };

  return {
    dialect: 'postgres',
    location,
    pool,
    all: (sql, params) => routed().all(sql, params),
    get: (sql, params) => routed().get(sql, params),
    run: (sql, params) => routed().run(sql, params),
    write: (work) => transaction('BEGIN ISOLATION LEVEL READ COMMITTED', work),
    read: (work) => transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work),
    close: () => pool.end(),
  };
}

type Execute = (text: string, values: SqlValue[] | undefined) => Promise<pg.QueryResult>;

function sqlOn(toText: (sql: string, params: readonly SqlValue[]) => string, execute: Execute): Sql {
  const query = (sql: string, params: readonly SqlValue[] = []) =>
    execute(toText(sql, params), params.length > 0 ? [...params] : undefined);
  return {
    dialect: 'postgres',
    all: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as Row[],
    get: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as Row | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

/** `?` → `$n`, remembered per SQL text; a count that does not match the parameters is a bug. */
function placeholderCache(): (sql: string, params: readonly SqlValue[]) => string {
  const cache = new Map<string, { text: string; count: number }>();
  return (sql, params) => {
    let numbered = cache.get(sql);
    if (!numbered) {
      if (cache.size >= PLACEHOLDER_CACHE_LIMIT) cache.clear();
      numbered = numberPlaceholders(sql);
      cache.set(sql, numbered);
    }
    if (numbered.count !== params.length) {
      throw new Error(`SQL has ${numbered.count} placeholders but ${params.length} parameters were given`);
    }
    return numbered.text;
  };
}

/**
 * One attempt: BEGIN … COMMIT on one pooled connection, with statements issued on the register
 * in this async chain routed into it. Any failure rolls back; a connection that failed is
 * destroyed rather than returned to the pool. COMMIT reporting ROLLBACK (a statement failed and
 * its error was swallowed) is a failure too: nothing of the work was kept.
 */
async function runTransaction<T>(
  pool: pg.Pool,
  owner: object,
  toText: (sql: string, params: readonly SqlValue[]) => string,
  begin: string,
  work: (tx: Sql) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let lost: unknown;
  // While we hold it, a connection that dies between statements reports here, not as a crash.
  const onError = (error: unknown) => {
    lost = error;
  };
  client.on('error', onError);
  const serial = serialQueries(client);
  const active = { owner, handle: sqlOn(toText, serial), open: true };
  let broken = false;
  try {
    await client.query(begin);
    const result = await activeTransaction.run(active, () => work(active.handle));
    active.open = false;
    const committed = await client.query('COMMIT');
    if (committed.command !== 'COMMIT') throw new Error('the transaction was rolled back by the server');
    return result;
  } catch (error) {
    active.open = false;
    broken = lost !== undefined || isConnectionLost(error) || !(await rolledBack(client));
    throw lost !== undefined && !isRetryable(error) ? lost : error;
  } finally {
    // A broken connection may still report its end; keep listening so that is not a crash.
    if (!broken) client.removeListener('error', onError);
    client.release(broken);
  }
}

async function rolledBack(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

/** Statements of one transaction go to the server one after another, even when `work` starts several at once. */
function serialQueries(client: pg.PoolClient): Execute {
  let queue: Promise<unknown> = Promise.resolve();
  return (text, values) => {
    const next = queue.then(() => client.query(text, values));
    queue = next.catch(() => undefined);
    return next;
  };
}
