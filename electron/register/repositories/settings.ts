import type { Sql } from '../sql.js';

export async function getSetting(db: Sql, key: string): Promise<unknown> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** The stored JSON text of a setting, unparsed (see `readNumberFormat`). */
export async function getSettingText(db: Sql, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))?.value;
}

export async function putSetting(db: Sql, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}

/** Stores a setting unless one is stored under `key` already (two workstations may race). */
export async function addSettingIfAbsent(db: Sql, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(value)]);
}

/** One writer of the register's settings at a time, for checks made before writing (first-run setup). */
export async function lockSettings(db: Sql): Promise<void> {
  // SQLite's BEGIN IMMEDIATE already holds the file; a PostgreSQL transaction takes a lock of its own.
  if (db.dialect === 'postgres') await db.get("SELECT pg_advisory_xact_lock(hashtext('cnap-desk:settings')) AS locked");
}
