import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../../shared/contract/errors.js';
import { migrations, SCHEMA_VERSION } from './migrations/index.js';
import type { RegisterDb } from './sql.js';
import { sqliteRegisterDb } from './sqlite-db.js';
import { walHoldsMissingPages } from './wal-pages.js';
import { createPrivateFile, ensurePrivateFolder, narrowRegisterFiles } from './private-files.js';

export type { RegisterDb } from './sql.js';

/** better-sqlite3's connection to the register file, for what only the embedded register has. */
export type SqliteConnection = Database.Database;

/** `PRAGMA application_id` of our register files: "CNAP" in ASCII. Anything else is not ours. */
export const REGISTER_APPLICATION_ID = 0x434e4150;

export const REGISTER_FILE_NAME = 'register.sqlite';

/**
 * Inside Electron, better-sqlite3 must load a copy built for Electron's ABI (prepared by
 * `npm start`); in Node (tests, bridge, CLI) the copy in node_modules is used.
 */
export function sqliteOptions(options: Database.Options): Database.Options {
  const nativeBinding = process.env.DESK_SQLITE_BINDING;
  return nativeBinding ? { ...options, nativeBinding } : options;
}

export function registerPath(dataDir: string): string {
  return path.join(dataDir, REGISTER_FILE_NAME);
}

export interface OpenRegisterOptions {
  /** Open without writing anything (backups being checked, inspection). Needs the current schema. */
  readonly readonly?: boolean;
}

/**
 * Opens (or creates) the register. An existing file is first checked without SQLite touching it
 * (header magic, application id, size against the pages it and its WAL hold) and then read-only (schema version), so a file that is
 * not our register, a truncated copy or a register from a newer app is refused and left byte for
 * byte as it was. Pending migrations run in one transaction.
 */
export function openRegister(file: string, opts: OpenRegisterOptions = {}): RegisterDb {
  return sqliteRegisterDb(openSqliteConnection(file, opts));
}

/** `openRegister` without the async interface: backups, restores and inspection work on the file itself. */
export function openSqliteConnection(file: string, opts: OpenRegisterOptions = {}): SqliteConnection {
  if (!fs.existsSync(file)) {
    if (opts.readonly) throw new DeskError('storage', 'errors.register.notFound');
    return createRegister(file);
  }
  const found = inspectRegisterFile(file);
  if (found > SCHEMA_VERSION) {
    throw new DeskError('storage', 'errors.register.newerSchema', { found, supported: SCHEMA_VERSION });
  }
  if (opts.readonly) {
    if (found < SCHEMA_VERSION) {
      throw new DeskError('storage', 'errors.register.olderSchema', { found, supported: SCHEMA_VERSION });
    }
    const db = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
    db.pragma('busy_timeout = 5000');
    return db;
  }
  narrowRegisterFiles(file);
  const db = new Database(file, sqliteOptions({ fileMustExist: true }));
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Checks that `file` is one of our registers and returns its schema version. Never writes: the
 * header is read with plain file I/O, the version through a read-only connection.
 */
export function inspectRegisterFile(file: string): number {
  checkHeader(file);
  let probe: SqliteConnection | undefined;
  try {
    probe = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
    if (probe.pragma('application_id', { simple: true }) !== REGISTER_APPLICATION_ID) throw notARegister();
    return Number(probe.pragma('user_version', { simple: true }));
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw notARegister();
  } finally {
    probe?.close();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

function checkHeader(file: string): void {
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = fs.openSync(file, 'r');
  let size: number;
  let read: number;
  try {
    size = fs.fstatSync(fd).size;
    read = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < HEADER_SIZE || !header.subarray(0, 16).equals(SQLITE_MAGIC)) throw notARegister();
  if (header.readUInt32BE(68) !== REGISTER_APPLICATION_ID) throw notARegister();
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The header promises more pages than the file holds: a copy cut short, unless the missing
  // pages wait in the WAL (a checkpoint on a full disk updated the header but could not extend
  // the file). Then SQLite reads them from the WAL and finishes the checkpoint once there is room.
  const pagesInFile = Math.floor(size / pageSize);
  if (pageCount > pagesInFile && !walHoldsMissingPages(`${file}-wal`, pageSize, pagesInFile)) {
    throw new DeskError('storage', 'errors.register.truncated');
  }
}

function notARegister(): DeskError {
  return new DeskError('storage', 'errors.register.notARegister');
}

function createRegister(file: string): SqliteConnection {
  ensurePrivateFolder(path.dirname(file));
  createPrivateFile(file);
  const db = new Database(file, sqliteOptions({}));
  try {
    configure(db);
    db.transaction(() => {
      db.pragma(`application_id = ${REGISTER_APPLICATION_ID}`);
      applyPending(db, 0);
    }).immediate();
    // Move the new header into the main file at once, so the file is recognisable as ours even
    // if the app stops before the next checkpoint.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return db;
  } catch (error) {
    db.close();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

function configure(db: SqliteConnection): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Statement journals (one per statement that may need undoing) stay in memory instead of a
  // temporary file for every issued entry (the issuing benchmark's profile).
  db.pragma('temp_store = MEMORY');
}

/** Applies every migration newer than the file's `user_version`, all in one transaction. */
export function migrate(db: SqliteConnection): void {
  db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    if (current > SCHEMA_VERSION) {
      throw new DeskError('storage', 'errors.register.newerSchema', { found: current, supported: SCHEMA_VERSION });
    }
    applyPending(db, current);
  }).immediate();
}

function applyPending(db: SqliteConnection, current: number): void {
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  }
}

/** The integrity check, the same on this thread and in the integrity worker: at most 20 problems. */
export const QUICK_CHECK_PRAGMA = 'quick_check(20)';

export type QuickCheckRow = { quick_check: string };

export interface QuickCheckResult {
  ok: boolean;
  messages: string[];
}

/** Reads quick_check's rows: a single 'ok', or the first problems SQLite reports. */
export function quickCheckVerdict(rows: readonly QuickCheckRow[]): QuickCheckResult {
  const messages = rows.map((row) => row.quick_check);
  return { ok: messages.length === 1 && messages[0] === 'ok', messages };
}

/**
 * `PRAGMA quick_check` on this thread: seconds on a large register, during which nothing else
 * runs. The start-up check and checks of whole files use `quickCheckFile` (integrity-check.ts).
 */
export function quickCheck(db: SqliteConnection): QuickCheckResult {
  return quickCheckVerdict(db.pragma(QUICK_CHECK_PRAGMA) as QuickCheckRow[]);
}
