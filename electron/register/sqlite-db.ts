import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { activeTransaction, currentTransaction, type RegisterDb, type Sql, type SqlValue } from './sql.js';

/** Statements compiled once per connection: issuing runs the same few on every entry (issue 8). */
const STATEMENT_CACHE_LIMIT = 500;
/** How long a write waits for another process's transaction, as `busy_timeout` did. */
const BUSY_WAIT_MS = 5000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/**
 * `BEGIN IMMEDIATE` while another connection writes: SQLite's busy handler would sleep inside
 * the call and freeze the event loop, and with it the window. Waits between tries instead, so the
 * other writer (another process, or another connection of this one) can finish meanwhile.
 */
async function beginWithoutBlocking(raw: Database.Database, begin: string): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  raw.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        raw.exec(begin);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
      }
    }
  } finally {
    raw.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  }
}

/**
 * The embedded register behind the async repository interface. better-sqlite3 is synchronous and
 * the connection is one: while a transaction awaits between its statements, everything else on
 * this connection waits its turn, or it would land inside that transaction.
 */
export function sqliteRegisterDb(raw: Database.Database): RegisterDb {
  const owner = {};
  const statements = new Map<string, Statement>();
  let queue: Promise<unknown> = Promise.resolve();
  let transactionOpen = false;

  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = raw.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  // async: a failing statement rejects like a server's would, it does not throw at the call.
  const direct: Sql = {
    dialect: 'sqlite',
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => prepared(sql).all(...params) as Row[],
    get: async <Row>(sql: string, params: readonly SqlValue[] = []) => prepared(sql).get(...params) as Row | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: prepared(sql).run(...params).changes }),
  };

  /** Runs `work` once every transaction queued before it has finished. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  /** A statement outside any transaction of this async chain. */
  const statement = <T>(run: (sql: Sql) => Promise<T>): Promise<T> => {
    if (currentTransaction(owner) || !transactionOpen) return run(direct);
    return inTurn(() => run(direct));
  };

  const transaction = <T>(begin: string, work: (tx: Sql) => Promise<T>): Promise<T> => {
    const outer = currentTransaction<Sql>(owner);
    if (outer) return work(outer.handle);
    return inTurn(async () => {
      // Statements outside the transaction queue from here on, also while BEGIN waits.
      transactionOpen = true;
      const active = { owner, handle: direct, open: true };
      try {
        await beginWithoutBlocking(raw, begin);
        const result = await activeTransaction.run(active, () => work(direct));
        raw.exec('COMMIT');
        return result;
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw error;
      } finally {
        active.open = false;
        transactionOpen = false;
      }
    });
  };

  return {
    dialect: 'sqlite',
    location: { backend: 'sqlite', file: raw.name },
    sqlite: raw,
    all: (sql, params) => statement((db) => db.all(sql, params)),
    get: (sql, params) => statement((db) => db.get(sql, params)),
    run: (sql, params) => statement((db) => db.run(sql, params)),
    write: (work) => transaction('BEGIN IMMEDIATE', work),
    read: (work) => transaction('BEGIN', work),
    close: async () => {
      await queue;
      if (raw.open) raw.close();
    },
  };
}
