import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/** A value a statement can bind: what both better-sqlite3 and pg accept the same way. */
export type SqlValue = string | number | bigint | null | Buffer;

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * What a repository runs its SQL on: the register itself or one of its transactions. Statements
 * use `?` placeholders in both dialects; integers come back as numbers, text as strings.
 * Repositories are the only callers (SQL lives in migrations and repositories).
 */
export interface Sql {
  readonly dialect: SqlDialect;
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

/** Where a register lives, as it may be shown to a person: never a password. */
export type RegisterLocation =
  | { readonly backend: 'sqlite'; readonly file: string }
  | { readonly backend: 'postgres'; readonly server: string; readonly database: string };

/**
 * The register: a connection (SQLite) or a pool (PostgreSQL) with transactions.
 *
 * Inside `write`/`read`, statements issued on the register itself — `ctx.db` passed down to a
 * repository — run in that transaction too: the transaction follows the async call chain, so a
 * service cannot write half of a change outside it by passing the wrong handle.
 */
export interface RegisterDb extends Sql {
  readonly location: RegisterLocation;
  /**
   * A write transaction. SQLite: `BEGIN IMMEDIATE`, so writers queue before reading the counter.
   * PostgreSQL: repositories take row locks (journal, counter); a serialization failure or a
   * deadlock re-runs `work` from the start, so `work` must not have effects outside the register.
   */
  write<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** A consistent snapshot for several reads (verification, exports). */
  read<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** The embedded file's connection, for what only SQLite has (online backup, quick_check). */
  readonly sqlite?: Database.Database;
  close(): Promise<void>;
}

/** The transaction a piece of async work runs in, if any (see RegisterDb). */
export interface ActiveTransaction<Handle> {
  readonly owner: object;
  readonly handle: Handle;
  open: boolean;
}

export const activeTransaction = new AsyncLocalStorage<ActiveTransaction<unknown>>();

/** The open transaction of `owner` in this async call chain, if there is one. */
export function currentTransaction<Handle>(owner: object): ActiveTransaction<Handle> | undefined {
  const active = activeTransaction.getStore();
  return active && active.owner === owner && active.open ? (active as ActiveTransaction<Handle>) : undefined;
}
