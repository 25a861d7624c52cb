import type { Sql } from '../sql.js';

/**
 * SQL of the offices' document keys and short-code seals their bundles carry to the centre
 * (migration 0009, R3.5). Both tables only grow: a key once received is kept for good.
 */

export interface OfficeDocumentKeyRow {
  officeId: string;
  officeCode: string;
  fingerprint: string;
  publicKeyPem: string;
  bundleSequence: number;
  receivedAt: string;
}

const KEY_COLUMNS = `office_id AS "officeId", office_code AS "officeCode", fingerprint, public_key AS "publicKeyPem",
  bundle_sequence AS "bundleSequence", received_at AS "receivedAt"`;

export async function officeDocumentKeys(db: Sql, officeId: string): Promise<OfficeDocumentKeyRow[]> {
  return db.all<OfficeDocumentKeyRow>(`SELECT ${KEY_COLUMNS} FROM office_document_keys WHERE office_id = ? ORDER BY received_at, fingerprint`, [officeId]);
}

/** Every office's keys, oldest first: what the centre verifies remote papers with and publishes. */
export async function allOfficeDocumentKeys(db: Sql): Promise<OfficeDocumentKeyRow[]> {
  return db.all<OfficeDocumentKeyRow>(`SELECT ${KEY_COLUMNS} FROM office_document_keys ORDER BY office_code, received_at, fingerprint`);
}

export async function insertOfficeDocumentKey(db: Sql, row: OfficeDocumentKeyRow): Promise<void> {
  await db.run(
    `INSERT INTO office_document_keys (office_id, office_code, fingerprint, public_key, bundle_sequence, received_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [row.officeId, row.officeCode, row.fingerprint, row.publicKeyPem, row.bundleSequence, row.receivedAt],
  );
}

export async function codeSealOf(db: Sql, entryId: string): Promise<string | undefined> {
  return (await db.get<{ seal: string }>('SELECT seal FROM office_code_seals WHERE entry_id = ?', [entryId]))?.seal;
}

/** The document keys (PEM) of the office whose journal holds the entry. */
export async function documentKeysOfEntryOffice(db: Sql, entryId: string): Promise<string[]> {
  const rows = await db.all<{ key: string }>(
    `SELECT k.public_key AS key FROM entries e JOIN journals j ON j.id = e.journal_id
       JOIN office_document_keys k ON k.office_id = j.office_id WHERE e.id = ? ORDER BY k.received_at`,
    [entryId],
  );
  return rows.map((row) => row.key);
}

/** Idempotent, like the code it seals: a later bundle may carry the same seal again. */
export async function putCodeSeal(db: Sql, entryId: string, seal: string): Promise<void> {
  await db.run('INSERT INTO office_code_seals (entry_id, seal) VALUES (?, ?) ON CONFLICT (entry_id) DO NOTHING', [entryId, seal]);
}
