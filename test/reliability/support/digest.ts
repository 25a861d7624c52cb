import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Tables a read legitimately writes to, left out of the digest:
 * - `audit_log`: opening an entry, searching, printing and failed logins are recorded there by
 *   design (who saw whose data), so a rejected or read-only call may still add a row.
 * Everything else (entries, counters, users, settings, directories, the full-text index and its
 * shadow tables) must be byte for byte the same after any number of refused calls.
 */
export const TABLES_CHANGED_BY_READS = ['audit_log'] as const;

/** sha256 over every other table's rows, in rowid order (primary-key order for WITHOUT ROWID tables). */
export function registerDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const [name, digest] of Object.entries(tableDigests(db))) hash.update(`${name} ${digest}\n`);
  return hash.digest('hex');
}

/** The same, table by table, so a failing test can name the table that changed. */
export function tableDigests(db: Database.Database): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    if ((TABLES_CHANGED_BY_READS as readonly string[]).includes(name)) continue;
    const hash = createHash('sha256');
    for (const row of rowsInOrder(db, name)) hash.update(`${JSON.stringify(row, bytesAsHex)}\n`);
    digests[name] = hash.digest('hex');
  }
  return digests;
}

/** Names of the tables whose digests differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

function rowsInOrder(db: Database.Database, table: string): unknown[] {
  try {
    return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all();
  } catch {
    // WITHOUT ROWID tables (some FTS5 shadow tables) have no rowid: order by every column.
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => `"${column.name}"`);
    return db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).raw().all();
  }
}

function bytesAsHex(_key: string, value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (typeof value === 'object' && value !== null && 'type' in value && (value as { type: unknown }).type === 'Buffer') {
    return Buffer.from((value as unknown as { data: number[] }).data).toString('hex');
  }
  return value;
}
