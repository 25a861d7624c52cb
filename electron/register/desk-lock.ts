import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteOptions } from './database.js';
import { createPrivateFile } from './private-files.js';

/**
 * A running desk holds its data folder: an exclusive SQLite lock on `desk.lock` there, kept for
 * as long as the desk runs. The operating system drops the lock with the process, however it
 * ends (a crash, a power cut), so a stale file never blocks anything, and no process id is
 * trusted. Commands that must not run beside a desk (moving the register to a server) ask
 * `isDataFolderHeld` first.
 */
export const DESK_LOCK_FILE = 'desk.lock';

export interface DataFolderHold {
  release(): void;
}

/**
 * Takes the hold, or returns null when another process already has it (a second desk on the same
 * folder is not refused here: that is the register's own concern; it just does not hold twice).
 */
export function holdDataFolder(dataDir: string): DataFolderHold | null {
  const file = path.join(dataDir, DESK_LOCK_FILE);
  if (!fs.existsSync(file)) createPrivateFile(file);
  // Electron's own build of the driver when the shell runs (DESK_SQLITE_BINDING), as for the register.
  const db = new Database(file, sqliteOptions({ timeout: 0 }));
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this locking mode it is kept until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
  return { release: () => db.close() };
}

/** True while a desk (or anything that took the hold) runs on `dataDir`. */
export function isDataFolderHeld(dataDir: string): boolean {
  const file = path.join(dataDir, DESK_LOCK_FILE);
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true, timeout: 0 }));
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    db.close();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
