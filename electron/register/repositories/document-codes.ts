import type { Sql } from '../sql.js';

/**
 * Binds the short code printed on a document to its journal entry (codes are unique). Idempotent:
 * the code is derived from the entry id, so binding it again — when printing repairs a code that a
 * crash kept from being written after the entry committed — finds it already there.
 */
export async function putDocumentCode(db: Sql, entryId: string, code: string): Promise<void> {
  await db.run('INSERT INTO document_codes (entry_id, short_code) VALUES (?, ?) ON CONFLICT (entry_id) DO NOTHING', [entryId, code]);
}

export async function entryIdByShortCode(db: Sql, code: string): Promise<string | undefined> {
  return (await db.get<{ entry_id: string }>('SELECT entry_id FROM document_codes WHERE short_code = ?', [code]))?.entry_id;
}

export async function shortCodeOfEntry(db: Sql, entryId: string): Promise<string | undefined> {
  return (await db.get<{ short_code: string }>('SELECT short_code FROM document_codes WHERE entry_id = ?', [entryId]))?.short_code;
}
