import type { RegisterDb } from '../database.js';

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction: the write lock is taken at the start, so the
 * number read and the number written cannot interleave with another writer (section E, gap-free).
 */
export function runImmediate<T>(db: RegisterDb, work: () => T): T {
  return db.transaction(work).immediate();
}

/** A plain deferred transaction, for writes that do not depend on reads of other writers. */
export function runInTransaction<T>(db: RegisterDb, work: () => T): T {
  return db.transaction(work)();
}
