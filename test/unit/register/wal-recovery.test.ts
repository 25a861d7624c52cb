import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister } from '../../../electron/register/database.js';
import { readCommittedWal } from '../../../electron/register/wal-pages.js';
import { headerAgainstFile } from '../../reliability/support/full-disk.js';
import { sqliteOf, tempDir } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

const ROWS = 60;
const PAGE_SIZE = 4096;

/**
 * A register whose last commits are only in its WAL (the file has not grown yet), copied with its
 * -wal and -shm while the connection is still open: what the disk holds when the desk stops.
 */
function registerWithPagesOnlyInWal(): string {
  const live = path.join(newDir(), 'register.sqlite');
  const db = openRegister(live);
  const sqlite = sqliteOf(db);
  sqlite.pragma('wal_autocheckpoint = 0');
  const insert = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let i = 0; i < ROWS; i += 1) insert.run(`wal-test-${i}`, JSON.stringify('x'.repeat(6000)));
  const copy = path.join(newDir(), 'register.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(live + suffix, copy + suffix);
  db.close();
  return copy;
}

/**
 * What a checkpoint on a full disk leaves: the WAL's newest page 1 (with the new page count) is
 * written over the file's header, and the file is not extended.
 */
function writeHeaderFromWal(file: string): void {
  const wal = fs.readFileSync(`${file}-wal`);
  let page1: Buffer | undefined;
  for (let offset = 32; offset + 24 + PAGE_SIZE <= wal.length; offset += 24 + PAGE_SIZE) {
    if (wal.readUInt32BE(offset) === 1) page1 = wal.subarray(offset + 24, offset + 24 + PAGE_SIZE);
  }
  if (!page1) throw new Error('page 1 is not in the WAL');
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, page1, 0, PAGE_SIZE, 0);
  fs.closeSync(fd);
}

async function settingsRows(file: string, options: { readonly?: boolean } = {}): Promise<number> {
  const db = openRegister(file, options);
  try {
    return (sqliteOf(db).prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'wal-test-%'").get() as { n: number }).n;
  } finally {
    await db.close();
  }
}

function expectTruncatedAndUntouched(file: string): void {
  const before = fs.readFileSync(file);
  expect(() => openRegister(file)).toThrow(expect.objectContaining({ code: 'storage', messageKey: 'errors.register.truncated' }));
  expect(fs.readFileSync(file).equals(before)).toBe(true);
}

describe('a register whose header counts pages that only its WAL holds (a checkpoint on a full disk)', () => {
  it('opens with every committed row, and the file is whole once SQLite has checkpointed it', async () => {
    const file = registerWithPagesOnlyInWal();
    writeHeaderFromWal(file);
    const cut = headerAgainstFile(file);
    expect(cut.headerPages).toBeGreaterThan(cut.filePages);
    expect(readCommittedWal(`${file}-wal`, PAGE_SIZE)?.pageCount).toBe(cut.headerPages);

    expect(await settingsRows(file)).toBe(ROWS);
    const healed = headerAgainstFile(file);
    expect(healed.filePages).toBeGreaterThanOrEqual(healed.headerPages);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('opens read-only too (cli verify), changing neither the file nor its WAL', async () => {
    const file = registerWithPagesOnlyInWal();
    writeHeaderFromWal(file);
    const before = [fs.readFileSync(file), fs.readFileSync(`${file}-wal`)];
    expect(await settingsRows(file, { readonly: true })).toBe(ROWS);
    expect(fs.readFileSync(file).equals(before[0]!)).toBe(true);
    expect(fs.readFileSync(`${file}-wal`).equals(before[1]!)).toBe(true);
  });

  it('is refused as truncated, and left as it was, when the WAL is gone', () => {
    const file = registerWithPagesOnlyInWal();
    writeHeaderFromWal(file);
    fs.rmSync(`${file}-wal`);
    fs.rmSync(`${file}-shm`);
    expectTruncatedAndUntouched(file);
  });

  it('is refused when the WAL lacks a missing page: its last frames torn off or one byte of a frame changed', () => {
    const torn = registerWithPagesOnlyInWal();
    writeHeaderFromWal(torn);
    const wal = fs.readFileSync(`${torn}-wal`);
    fs.writeFileSync(`${torn}-wal`, wal.subarray(0, 32 + 3 * (24 + PAGE_SIZE) + 100));
    expectTruncatedAndUntouched(torn);

    const flipped = registerWithPagesOnlyInWal();
    writeHeaderFromWal(flipped);
    const bytes = fs.readFileSync(`${flipped}-wal`);
    const offset = 32 + 24 + 10;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
    fs.writeFileSync(`${flipped}-wal`, bytes);
    expectTruncatedAndUntouched(flipped);
  });

  it('is refused when the file is cut further than the WAL can make up for', () => {
    const file = registerWithPagesOnlyInWal();
    writeHeaderFromWal(file);
    const walPages = readCommittedWal(`${file}-wal`, PAGE_SIZE)?.pages ?? new Set<number>();
    const { filePages } = headerAgainstFile(file);
    // Cut the file back to just after a page the WAL does not hold.
    let keep = filePages;
    while (keep > 1 && walPages.has(keep)) keep -= 1;
    expect(keep).toBeGreaterThan(1);
    fs.truncateSync(file, (keep - 1) * PAGE_SIZE);
    expectTruncatedAndUntouched(file);
  });
});
