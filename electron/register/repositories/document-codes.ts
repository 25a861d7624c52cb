import type { RegisterDb } from '../database.js';

/** Binds the short code printed on a document to its journal entry (once; codes are unique). */
export function putDocumentCode(db: RegisterDb, entryId: string, code: string): void {
  db.prepare('INSERT INTO document_codes (entry_id, short_code) VALUES (?, ?)').run(entryId, code);
}

export function entryIdByShortCode(db: RegisterDb, code: string): string | undefined {
  const row = db.prepare('SELECT entry_id FROM document_codes WHERE short_code = ?').get(code) as
    | { entry_id: string }
    | undefined;
  return row?.entry_id;
}

export function shortCodeOfEntry(db: RegisterDb, entryId: string): string | undefined {
  const row = db.prepare('SELECT short_code FROM document_codes WHERE entry_id = ?').get(entryId) as
    | { short_code: string }
    | undefined;
  return row?.short_code;
}
