import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegister, REGISTER_APPLICATION_ID } from '../../../electron/register/database.js';
import { migrations, SCHEMA_VERSION } from '../../../electron/register/migrations/index.js';
import { tempDir, sqliteOf } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshFile(name = 'register.sqlite'): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, name);
}

function expectRefusedAndUntouched(file: string, messageKey: string): void {
  const before = fs.readFileSync(file);
  expect(() => openRegister(file)).toThrow(expect.objectContaining({ code: 'storage', messageKey }));
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
}

describe('openRegister', () => {
  it('creates a register at the current schema with our application id and the safety pragmas', () => {
    const file = freshFile();
    const db = openRegister(file);
    try {
      expect(sqliteOf(db).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(sqliteOf(db).pragma('application_id', { simple: true })).toBe(REGISTER_APPLICATION_ID);
      expect(sqliteOf(db).pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqliteOf(db).pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqliteOf(db).pragma('synchronous', { simple: true })).toBe(2);
      const tables = sqliteOf(db).prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
      const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
      // FTS5 tables and their shadow tables cannot be STRICT; every other table must be.
      const plain = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
      expect(plain.map((t) => t.name)).toContain('entries');
      for (const table of plain) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    } finally {
      db.close();
    }
    // Reopening applies nothing new and keeps the version.
    const again = openRegister(file);
    expect(sqliteOf(again).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('keeps migration versions strictly increasing from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('refuses a register from a newer app and leaves it as it was', () => {
    const file = freshFile();
    const db = openRegister(file);
    sqliteOf(db).pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openRegister(file)).toThrow(
      expect.objectContaining({ code: 'storage', messageKey: 'errors.register.newerSchema', params: { found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a garbage file and leaves it byte-identical', () => {
    const file = freshFile();
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) % 256)));
    expectRefusedAndUntouched(file, 'errors.register.notARegister');
  });

  it('refuses an empty file', () => {
    const file = freshFile();
    fs.writeFileSync(file, '');
    expectRefusedAndUntouched(file, 'errors.register.notARegister');
  });

  it("refuses another program's SQLite database and leaves it byte-identical", () => {
    const file = freshFile('other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');");
    other.close();
    expectRefusedAndUntouched(file, 'errors.register.notARegister');
  });

  it('refuses a truncated copy of a register and leaves it byte-identical', () => {
    const source = freshFile();
    const db = openRegister(source);
    db.close();
    const file = freshFile('cut.sqlite');
    const bytes = fs.readFileSync(source);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefusedAndUntouched(file, 'errors.register.truncated');
  });

  it('opens read-only without running migrations', () => {
    const file = freshFile();
    openRegister(file).close();
    const before = fs.readFileSync(file);
    const db = openRegister(file, { readonly: true });
    expect(() => sqliteOf(db).exec('CREATE TABLE x (a)')).toThrow();
    db.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
