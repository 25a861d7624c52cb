import Database from 'better-sqlite3';
import type { VerifyResult } from '../../../electron/register/chain-verifier.js';
import { createRegisterServices, openRegister, registerPath } from '../../../electron/register/index.js';
import { sqliteOf } from '../../unit/register/fixtures.js';

export interface RegisterState {
  integrity: string[];
  /** Entry numbers of the journal's current year, in order. */
  numbers: number[];
  counter: number;
  ids: Map<string, number>;
  verify: VerifyResult;
}

/**
 * Reopens the register the way the app does (WAL recovery, migrations) and reads what a crash
 * could have broken: `PRAGMA integrity_check`, the numbers and the counter, and the chain.
 */
export async function inspectRegister(dataDir: string, journalId: string): Promise<RegisterState> {
  const db = openRegister(registerPath(dataDir));
  try {
    const integrity = (sqliteOf(db).pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const rows = sqliteOf(db).prepare('SELECT id, number FROM entries WHERE journal_id = ? ORDER BY year, number').all(journalId) as { id: string; number: number }[];
    const counter = sqliteOf(db).prepare('SELECT MAX(last_number) AS n FROM journal_counters WHERE journal_id = ?').get(journalId) as { n: number | null };
    const services = createRegisterServices({ db, dataDir });
    const verify = await services.verification.verifyJournal(null, journalId);
    return {
      integrity,
      numbers: rows.map((row) => row.number),
      counter: counter.n ?? 0,
      ids: new Map(rows.map((row) => [row.id, row.number])),
      verify,
    };
  } finally {
    db.close();
  }
}

/** 1..n with nothing missing and nothing twice. */
export function isGapFree(numbers: readonly number[]): boolean {
  return numbers.every((number, index) => number === index + 1);
}

/**
 * A raw connection with the protecting triggers dropped, the change made, and the triggers put
 * back: what someone with a SQLite editor and some patience can do to the file.
 */
export function tamperWith(dataDir: string, work: (raw: Database.Database) => void): void {
  const raw = new Database(registerPath(dataDir));
  try {
    raw.pragma('foreign_keys = OFF');
    const triggers = raw.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
    work(raw);
    for (const { sql } of triggers) raw.exec(sql);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}
