import type { Sql } from '../sql.js';

/** What a checkpoint needs of an entry: where it stands in the journal and its chain link. */
export interface EntryHashRow {
  year: number;
  number: number;
  prevHash: string;
  hash: string;
}

/** The journal's entries after a position, in chain order, only their hashes (the checkpoint's tree leaves). */
export async function entryHashesAfter(db: Sql, journalId: string, after: { year: number; number: number }, limit: number): Promise<EntryHashRow[]> {
  return db.all<EntryHashRow>(
    `SELECT year, number, prev_hash AS "prevHash", hash FROM entries
     WHERE journal_id = ? AND (year, number) > (?, ?) ORDER BY year, number LIMIT ?`,
    [journalId, after.year, after.number, limit],
  );
}

/** The entry at a 1-based position of the journal's chain, for finding where a rewrite starts. */
export async function entryAtPosition(db: Sql, journalId: string, position: number): Promise<(EntryHashRow & { printedNumber: string; id: string }) | undefined> {
  return db.get(
    `SELECT id, year, number, printed_number AS "printedNumber", prev_hash AS "prevHash", hash FROM entries
     WHERE journal_id = ? ORDER BY year, number LIMIT 1 OFFSET ?`,
    [journalId, position - 1],
  );
}

/**
 * The audit trail's high-water mark. A checkpoint records it: a register whose trail ends before
 * the mark lost rows it had (an older copy put back), not only journal entries.
 */
export async function auditHighWater(db: Sql): Promise<number> {
  const row = await db.get<{ id: number | string | null }>('SELECT max(id) AS id FROM audit_log');
  return Number(row?.id ?? 0);
}
