import fs from 'node:fs';

/**
 * The register, its WAL and shared-memory files, backups and keys hold citizens' personal data
 * and the office's secrets: only the account that runs the desk may read them (0600, folders
 * 0700). SQLite gives `-wal` and `-shm` the mode of the database file, so creating that file
 * private is enough for all three. Windows has no such bits (the user-profile folder is private
 * there); the calls are harmless.
 */
const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;
const OTHERS = 0o077;

/** Creates the folder (and any missing parents) so only its owner can enter; a folder the person chose and made stays as it is. */
export function ensurePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
}

/** An empty file only its owner can read, for SQLite (or a copy) to fill; an existing one is narrowed. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  narrow(file, PRIVATE_FILE);
}

/** A register made by an older version (0644): narrowed with its `-wal` and `-shm`, as they are found. */
export function narrowRegisterFiles(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(candidate)) narrow(candidate, PRIVATE_FILE);
  }
}

function narrow(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  if ((fs.statSync(target).mode & OTHERS) !== 0) fs.chmodSync(target, mode);
}
