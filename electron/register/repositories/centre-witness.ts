import type { Sql } from '../sql.js';

/** SQL of the centre's witness of remote journals (migration 0008, R3.5, R7.7). Functions take the database first. */

export interface WitnessedCheckpointRow {
  officeId: string;
  journalId: string;
  size: number;
  /** The Merkle root, base64, as the checkpoint's third line. */
  root: string;
  /** The office's signed checkpoint, as it travelled. */
  note: string;
  /** The centre's cosignature line over it. */
  cosignature: string;
  bundleSequence: number;
  acceptedAt: string;
}

export type WitnessFlagReason = 'rewritten' | 'tail_cut';

export interface WitnessFlagRow {
  officeId: string;
  journalId: string;
  reason: WitnessFlagReason;
  /** The 1-based position in the journal of the first entry that differs (or is missing). */
  position: number;
  /** The centre's copy of that entry, when it holds one. */
  entryId: string | null;
  printedNumber: string;
  confirmedSize: number;
  bundleSequence: number;
  fileName: string;
  flaggedAt: string;
  flaggedBy: string | null;
}

const CHECKPOINT_COLUMNS = `office_id AS "officeId", journal_id AS "journalId", size, root, note, cosignature,
  bundle_sequence AS "bundleSequence", accepted_at AS "acceptedAt"`;

const FLAG_COLUMNS = `office_id AS "officeId", journal_id AS "journalId", reason, position, entry_id AS "entryId",
  printed_number AS "printedNumber", confirmed_size AS "confirmedSize", bundle_sequence AS "bundleSequence",
  file_name AS "fileName", flagged_at AS "flaggedAt", flagged_by AS "flaggedBy"`;

/** PostgreSQL hands BIGINT back as text. */
function numbered<T extends { size?: number; position?: number; confirmedSize?: number; bundleSequence: number }>(row: T): T {
  return {
    ...row,
    ...(row.size !== undefined ? { size: Number(row.size) } : {}),
    ...(row.position !== undefined ? { position: Number(row.position) } : {}),
    ...(row.confirmedSize !== undefined ? { confirmedSize: Number(row.confirmedSize) } : {}),
    bundleSequence: Number(row.bundleSequence),
  };
}

export async function insertWitnessedCheckpoint(db: Sql, row: WitnessedCheckpointRow): Promise<void> {
  await db.run(
    `INSERT INTO witnessed_checkpoints (office_id, journal_id, size, root, note, cosignature, bundle_sequence, accepted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.officeId, row.journalId, row.size, row.root, row.note, row.cosignature, row.bundleSequence, row.acceptedAt],
  );
}

/** The last checkpoint of a journal the centre accepted (the largest; sizes only grow). */
export async function latestWitnessedCheckpoint(db: Sql, journalId: string): Promise<WitnessedCheckpointRow | undefined> {
  const row = await db.get<WitnessedCheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM witnessed_checkpoints WHERE journal_id = ? ORDER BY size DESC, id DESC LIMIT 1`, [journalId]);
  return row ? numbered(row) : undefined;
}

/** The last accepted checkpoint of each journal of an office: what the next update package cosigns back. */
export async function latestWitnessedOfOffice(db: Sql, officeId: string): Promise<WitnessedCheckpointRow[]> {
  const journals = await db.all<{ journalId: string }>('SELECT DISTINCT journal_id AS "journalId" FROM witnessed_checkpoints WHERE office_id = ? ORDER BY journal_id', [officeId]);
  const rows: WitnessedCheckpointRow[] = [];
  for (const { journalId } of journals) {
    const row = await latestWitnessedCheckpoint(db, journalId);
    if (row) rows.push(row);
  }
  return rows;
}

export async function insertWitnessFlag(db: Sql, row: WitnessFlagRow): Promise<void> {
  await db.run(
    `INSERT INTO witness_flags (office_id, journal_id, reason, position, entry_id, printed_number, confirmed_size, bundle_sequence, file_name, flagged_at, flagged_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.officeId, row.journalId, row.reason, row.position, row.entryId, row.printedNumber, row.confirmedSize, row.bundleSequence, row.fileName, row.flaggedAt, row.flaggedBy],
  );
}

/** Every bundle an office had refused as a rewrite of what the centre confirmed, oldest first. */
export async function witnessFlagsOfOffice(db: Sql, officeId: string): Promise<WitnessFlagRow[]> {
  const rows = await db.all<WitnessFlagRow>(`SELECT ${FLAG_COLUMNS} FROM witness_flags WHERE office_id = ? ORDER BY id`, [officeId]);
  return rows.map(numbered);
}

/** Every entry hash of a journal in chain order (the centre's copy of a remote journal), paged by the caller's limit. */
export async function journalHashesAfter(db: Sql, journalId: string, after: { year: number; number: number }, limit: number): Promise<{ id: string; year: number; number: number; printedNumber: string; hash: string }[]> {
  return db.all(
    `SELECT id, year, number, printed_number AS "printedNumber", hash FROM entries
     WHERE journal_id = ? AND (year, number) > (?, ?) ORDER BY year, number LIMIT ?`,
    [journalId, after.year, after.number, limit],
  );
}
