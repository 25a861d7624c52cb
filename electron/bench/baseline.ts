import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteOptions } from '../register/database.js';

/**
 * The physical floor the issuing figure is compared with: a one-row transaction in a separate
 * file beside the register, with the register's own durability settings (WAL, synchronous=FULL),
 * so the fsync costs the same. This is not register data, hence its SQL lives here.
 */
export interface BareInsert {
  insertOne(): void;
  close(): void;
}

export function openBareInsert(folder: string): BareInsert {
  const file = path.join(folder, 'bench-bare-insert.sqlite');
  fs.rmSync(file, { force: true });
  const db = new Database(file, sqliteOptions({}));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bare (at, payload) VALUES (?, ?)');
  const once = db.transaction(() => insert.run(new Date().toISOString(), 'x'.repeat(200)));
  return {
    insertOne: () => void once.immediate(),
    close: () => {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
