import type { Sql } from '../sql.js';

/** Binds the short code printed on a document to its journal entry (once; codes are unique). */
export async function putDocumentCode(db: Sql, entryId: string, code: string): Promise<void> {
  await db.run('INSERT INTO document_codes (entry_id, short_code) VALUES (?, ?)', [entryId, code]);
}

export async function entryIdByShortCode(db: Sql, code: string): Promise<string | undefined> {
  return (await db.get<{ entry_id: string }>('SELECT entry_id FROM document_codes WHERE short_code = ?', [code]))?.entry_id;
}

export async function shortCodeOfEntry(db: Sql, entryId: string): Promise<string | undefined> {
  return (await db.get<{ short_code: string }>('SELECT short_code FROM document_codes WHERE entry_id = ?', [entryId]))?.short_code;
}
