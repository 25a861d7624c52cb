import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { QUICK_CHECK_PRAGMA, quickCheck, quickCheckVerdict, sqliteOptions, type QuickCheckResult, type QuickCheckRow } from './database.js';

/**
 * `PRAGMA quick_check` of a register file without freezing the desk: at 1,000,000 entries the
 * check reads gigabytes for 16–23 s, and on the main thread no IPC call would be answered
 * meanwhile. It runs in a worker thread on its own read-only connection instead.
 *
 * Why an eval'd CommonJS worker and not a worker entry file: this code runs from TypeScript
 * sources (tsx: serve, cli, bench), through vitest's transform, and from the single electron-vite
 * main bundle (out/main/index.js). A separate entry would need its own bundle input and a path
 * that differs between sources and bundle; the eval'd source is the same string everywhere. It
 * needs only better-sqlite3, which every mode leaves in node_modules (electron-vite externalises
 * dependencies), so the parent resolves the package's absolute path and the worker requires it.
 *
 * The worker answers with quick_check's rows; `quickCheckVerdict` (database.ts) reads them, so
 * the verdict is the one the main-thread check gives.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');

function loadDriver() {
  try {
    return require(workerData.driver);
  } catch (error) {
    parentPort.postMessage({ kind: 'unavailable', message: String(error && error.message) });
    return undefined;
  }
}

function check(Database) {
  let db;
  try {
    db = new Database(workerData.file, workerData.options);
    parentPort.postMessage({ kind: 'checked', rows: db.pragma(workerData.pragma) });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', name: error.name, message: error.message, code: error.code });
  } finally {
    if (db) db.close();
  }
}

const Database = loadDriver();
if (Database) check(Database);
`;

const READ_ONLY: Database.Options = { readonly: true, fileMustExist: true };

type WorkerOutcome =
  | { kind: 'checked'; rows: QuickCheckRow[] }
  /** SQLite refused the file or the check: the same error the main-thread check would throw. */
  | { kind: 'failed'; name: string; message: string; code?: string }
  /** No worker could run the check (see `quickCheckFile`). */
  | { kind: 'unavailable'; message: string };

/**
 * quick_check of `file` in a worker thread; the main thread stays free. A live WAL register is
 * fine: the worker's read-only connection checks the last committed state while the main
 * connection keeps writing (WAL readers and the writer do not wait for each other).
 *
 * On abort the worker is terminated and the promise rejects with `signal.reason`. SQLite cannot
 * be interrupted inside the statement (better-sqlite3 has no `sqlite3_interrupt`), so the
 * thread ends when the statement returns; the promise settles only then, so once it has settled
 * no connection of the check holds the file (a copy can be deleted, a restore can replace it).
 *
 * If no worker can run the check — `new Worker` throws, or better-sqlite3 cannot be resolved or
 * loaded in a worker (e.g. a packaged app laid out differently) — the check runs on the main
 * thread instead: a frozen desk for the check's duration is better than a register left
 * unchecked.
 */
export async function quickCheckFile(file: string, options?: { signal?: AbortSignal }): Promise<QuickCheckResult> {
  const signal = options?.signal;
  signal?.throwIfAborted();
  const outcome = await checkInWorker(file, signal);
  switch (outcome.kind) {
    case 'checked':
      return quickCheckVerdict(outcome.rows);
    case 'failed':
      throw sqliteFailure(outcome);
    case 'unavailable':
      return quickCheckOnThisThread(file);
  }
}

function checkInWorker(file: string, signal: AbortSignal | undefined): Promise<WorkerOutcome> {
  let worker: Worker;
  try {
    const workerData = { driver: driverPath(), file, options: sqliteOptions(READ_ONLY), pragma: QUICK_CHECK_PRAGMA };
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  } catch (error) {
    return Promise.resolve({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  return new Promise((resolve, reject) => {
    let outcome: WorkerOutcome | undefined;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (message: WorkerOutcome) => {
      outcome = message;
    });
    // Our worker catches its own errors: an 'error' event means the thread itself failed.
    worker.once('error', (error: Error) => {
      outcome ??= { kind: 'unavailable', message: error.message };
    });
    // Settles on exit, not on the message: only then has the worker closed its connection.
    worker.once('exit', () => {
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) reject(abortReason(signal));
      else resolve(outcome ?? { kind: 'unavailable', message: 'the integrity worker stopped without an answer' });
    });
  });
}

/** better-sqlite3's entry file, absolute, since an eval'd worker has no module of its own to resolve from. */
function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The integrity check was aborted', 'AbortError');
}

function sqliteFailure(outcome: Extract<WorkerOutcome, { kind: 'failed' }>): Error {
  if (outcome.name === 'SqliteError' && outcome.code) return new Database.SqliteError(outcome.message, outcome.code);
  return new Error(outcome.message);
}

function quickCheckOnThisThread(file: string): QuickCheckResult {
  const db = new Database(file, sqliteOptions(READ_ONLY));
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}
