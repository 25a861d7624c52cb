import type { Sql } from '../sql.js';

/**
 * Numbers a journal steps over because the PC that gave them on paper died before its entries
 * reached the centre (migration 0010, section E: never reused, never given twice).
 */
export interface LostNumbers {
  journalId: string;
  year: number;
  fromNumber: number;
  toNumber: number;
  /** The head's statement: the dead PC's last number on paper, and on what authority. */
  statement: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

/** The table's columns (the move to PostgreSQL copies it beside the entries, as the counters reach it). */
export const LOST_NUMBERS_COLUMNS = ['journal_id', 'year', 'from_number', 'to_number', 'statement', 'recorded_at', 'recorded_by', 'recorded_by_name'] as const;

const COLUMNS = `journal_id AS "journalId", year, from_number AS "fromNumber", to_number AS "toNumber", statement,
  recorded_at AS "recordedAt", recorded_by AS "recordedBy", recorded_by_name AS "recordedByName"`;

function normalised(row: LostNumbers): LostNumbers {
  return { ...row, year: Number(row.year), fromNumber: Number(row.fromNumber), toNumber: Number(row.toNumber) };
}

export async function insertLostNumbers(db: Sql, row: LostNumbers): Promise<void> {
  await db.run(
    `INSERT INTO journal_lost_numbers (journal_id, year, from_number, to_number, statement, recorded_at, recorded_by, recorded_by_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.journalId, row.year, row.fromNumber, row.toNumber, row.statement, row.recordedAt, row.recordedBy, row.recordedByName],
  );
}

/** Every lost range of a journal, in chain order. */
export async function journalLostNumbers(db: Sql, journalId: string): Promise<LostNumbers[]> {
  const rows = await db.all<LostNumbers>(`SELECT ${COLUMNS} FROM journal_lost_numbers WHERE journal_id = ? ORDER BY year, from_number`, [journalId]);
  return rows.map(normalised);
}

/** The lost range that starts at `number` in the journal's year, if any. */
export async function lostRangeAt(db: Sql, journalId: string, year: number, number: number): Promise<LostNumbers | undefined> {
  const row = await db.get<LostNumbers>(`SELECT ${COLUMNS} FROM journal_lost_numbers WHERE journal_id = ? AND year = ? AND from_number = ?`, [
    journalId,
    year,
    number,
  ]);
  return row ? normalised(row) : undefined;
}

/** Lost ranges by where they start, per year: `number` of a year → the number given instead. */
export function stepsOver(ranges: readonly LostNumbers[]): (year: number, number: number) => number {
  const byStart = new Map(ranges.map((range) => [`${range.year}:${range.fromNumber}`, range.toNumber + 1]));
  return (year, number) => byStart.get(`${year}:${number}`) ?? number;
}
