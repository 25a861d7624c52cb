import type { Sql } from '../sql.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import type { EntrySort } from '../../../shared/domain/entry.js';

interface JournalRow {
  id: string;
  office_id: string;
  office_code: string;
  nomenclature_index: string;
  title: string;
  sorts: string;
  number_format: string | null;
  active: number;
}

const SELECT_JOURNAL = `
  SELECT j.id, j.office_id, o.code AS office_code, j.nomenclature_index, j.title, j.sorts, j.number_format, j.active
  FROM journals j JOIN offices o ON o.id = j.office_id`;

function toJournal(row: JournalRow): Journal {
  return {
    id: row.id,
    officeId: row.office_id,
    officeCode: row.office_code,
    index: row.nomenclature_index,
    title: row.title,
    sorts: JSON.parse(row.sorts) as EntrySort[],
    ...(row.number_format !== null ? { numberFormat: row.number_format } : {}),
    active: row.active === 1,
  };
}

export async function listJournals(db: Sql, officeId?: string): Promise<Journal[]> {
  const rows = officeId
    ? await db.all<JournalRow>(`${SELECT_JOURNAL} WHERE j.office_id = ? ORDER BY o.code, j.nomenclature_index`, [officeId])
    : await db.all<JournalRow>(`${SELECT_JOURNAL} ORDER BY o.code, j.nomenclature_index`);
  return rows.map(toJournal);
}

export async function getJournal(db: Sql, id: string): Promise<Journal | undefined> {
  const row = await db.get<JournalRow>(`${SELECT_JOURNAL} WHERE j.id = ?`, [id]);
  return row ? toJournal(row) : undefined;
}

/** Whether another journal of the register, in any office, already has this index. */
export async function journalIndexTaken(db: Sql, index: string, exceptId?: string): Promise<boolean> {
  const row = await db.get('SELECT 1 AS taken FROM journals WHERE nomenclature_index = ? AND id IS DISTINCT FROM ?', [index, exceptId ?? null]);
  return row !== undefined;
}

export async function journalHasEntries(db: Sql, id: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM entries WHERE journal_id = ? LIMIT 1', [id])) !== undefined;
}

export async function insertJournal(db: Sql, journal: Omit<Journal, 'officeCode'>): Promise<void> {
  await db.run(
    `INSERT INTO journals (id, office_id, nomenclature_index, title, sorts, number_format, active)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
    journal.id,
    journal.officeId,
    journal.index,
    journal.title,
    JSON.stringify(journal.sorts),
    journal.numberFormat ?? null,
    journal.active ? 1 : 0,
    ],
  );
}

export async function updateJournal(db: Sql, journal: Omit<Journal, 'officeCode'>): Promise<void> {
  await db.run(
    `UPDATE journals SET office_id = ?, nomenclature_index = ?, title = ?, sorts = ?, number_format = ?, active = ?
     WHERE id = ?`,
    [
    journal.officeId,
    journal.index,
    journal.title,
    JSON.stringify(journal.sorts),
    journal.numberFormat ?? null,
    journal.active ? 1 : 0,
    journal.id,
    ],
  );
}

interface YearStartRow {
  journal_id: string;
  year: number;
  first_number: number;
  paper_last_number: number;
  paper_closed_by: string;
  set_at: string;
  set_by: string;
  set_by_name: string;
}

/** A journal continued from a paper one: the year's first number and why (migration 0007). */
export interface JournalYearStartRow {
  journalId: string;
  year: number;
  firstNumber: number;
  paperLastNumber: number;
  paperClosedBy: string;
  setAt: string;
  setBy: string;
  setByName: string;
}

function toYearStart(row: YearStartRow): JournalYearStartRow {
  return {
    journalId: row.journal_id,
    year: Number(row.year),
    firstNumber: Number(row.first_number),
    paperLastNumber: Number(row.paper_last_number),
    paperClosedBy: row.paper_closed_by,
    setAt: row.set_at,
    setBy: row.set_by,
    setByName: row.set_by_name,
  };
}

/** The journal's set first numbers, by year (one journal), or every journal's (`journalId` omitted). */
export async function selectJournalYearStarts(db: Sql, journalId?: string): Promise<JournalYearStartRow[]> {
  const select = 'SELECT journal_id, year, first_number, paper_last_number, paper_closed_by, set_at, set_by, set_by_name FROM journal_year_starts';
  const rows = journalId
    ? await db.all<YearStartRow>(`${select} WHERE journal_id = ? ORDER BY year`, [journalId])
    : await db.all<YearStartRow>(`${select} ORDER BY journal_id, year`);
  return rows.map(toYearStart);
}

export async function insertJournalYearStart(db: Sql, start: JournalYearStartRow): Promise<void> {
  await db.run(
    `INSERT INTO journal_year_starts (journal_id, year, first_number, paper_last_number, paper_closed_by, set_at, set_by, set_by_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [start.journalId, start.year, start.firstNumber, start.paperLastNumber, start.paperClosedBy, start.setAt, start.setBy, start.setByName],
  );
}

/** True once the year's counter exists: a number of that year has been taken. */
export async function journalYearCounted(db: Sql, journalId: string, year: number): Promise<boolean> {
  return (await db.get('SELECT 1 AS present FROM journal_counters WHERE journal_id = ? AND year = ?', [journalId, year])) !== undefined;
}
