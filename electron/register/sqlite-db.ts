import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { activeTransaction, currentTransaction, type RegisterDb, type Sql, type SqlValue } from './sql.js';

/** Statements compiled once per connection: issuing runs the same few on every entry, a million times in a large register. */
const STATEMENT_CACHE_LIMIT = 500;
/** How long a write waits for another process's transaction, as `busy_timeout` did. */
const BUSY_WAIT_MS = 5000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** Transaction control, compiled once per connection: issuing runs each on every entry, so compiling them is paid once. */
interface TransactionControl {
  readonly beginImmediate: Statement;
  readonly begin: Statement;
  readonly commit: Statement;
  readonly rollback: Statement;
}

function transactionControl(raw: Database.Database): TransactionControl {
  return {
    beginImmediate: raw.prepare('BEGIN IMMEDIATE'),
    begin: raw.prepare('BEGIN'),
    commit: raw.prepare('COMMIT'),
    rollback: raw.prepare('ROLLBACK'),
  };
}

/** One try at `begin` without SQLite's busy handler; the busy error when another writer holds the file. */
function tryBegin(raw: Database.Database, begin: Statement): unknown {
  // `exec`, not `pragma()`: the same setting without a result set built for JavaScript, twice per
  // transaction (a PRAGMA applies when compiled, so it cannot be kept prepared).
  raw.exec('PRAGMA busy_timeout = 0');
  try {
    begin.run();
    return undefined;
  } catch (error) {
    if (!isBusy(error)) throw error;
    return error;
  } finally {
    raw.exec(`PRAGMA busy_timeout = ${BUSY_WAIT_MS}`);
  }
}

/**
 * `BEGIN IMMEDIATE` while another connection writes: SQLite's busy handler would sleep inside
 * the call and freeze the event loop, and with it the window. Waits between tries instead, so the
 * other writer (another process, or another connection of this one) can finish meanwhile.
 */
async function beginWithoutBlocking(raw: Database.Database, begin: Statement): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const busy = tryBegin(raw, begin);
    if (busy === undefined) return;
    if (Date.now() >= deadline) throw busy;
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
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
  let control: TransactionControl | undefined;

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

  const transaction = <T>(kind: 'beginImmediate' | 'begin', work: (tx: Sql) => Promise<T>): Promise<T> => {
    const outer = currentTransaction<Sql>(owner);
    if (outer) return work(outer.handle);
    return inTurn(async () => {
      // Statements outside the transaction queue from here on, also while BEGIN waits.
      transactionOpen = true;
      const active = { owner, handle: direct, open: true };
      try {
        // Compiled at the first transaction, not at opening: a read-only connection may never have one.
        control ??= transactionControl(raw);
        await beginWithoutBlocking(raw, control[kind]);
        const result = await activeTransaction.run(active, () => work(direct));
        control.commit.run();
        return result;
      } catch (error) {
        if (raw.inTransaction) control?.rollback.run();
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
    write: (work) => transaction('beginImmediate', work),
    read: (work) => transaction('begin', work),
    close: async () => {
      await queue;
      if (raw.open) raw.close();
    },
  };
}
