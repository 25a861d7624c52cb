import type { RegisterDb } from '../database.js';
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

export function listJournals(db: RegisterDb, officeId?: string): Journal[] {
  const rows = officeId
    ? db.prepare(`${SELECT_JOURNAL} WHERE j.office_id = ? ORDER BY o.code, j.nomenclature_index`).all(officeId)
    : db.prepare(`${SELECT_JOURNAL} ORDER BY o.code, j.nomenclature_index`).all();
  return (rows as JournalRow[]).map(toJournal);
}

export function getJournal(db: RegisterDb, id: string): Journal | undefined {
  const row = db.prepare(`${SELECT_JOURNAL} WHERE j.id = ?`).get(id) as JournalRow | undefined;
  return row ? toJournal(row) : undefined;
}

export function journalIndexTaken(db: RegisterDb, officeId: string, index: string, exceptId?: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM journals WHERE office_id = ? AND nomenclature_index = ? AND id IS NOT ?')
      .get(officeId, index, exceptId ?? null) !== undefined
  );
}

export function journalHasEntries(db: RegisterDb, id: string): boolean {
  return db.prepare('SELECT 1 FROM entries WHERE journal_id = ? LIMIT 1').get(id) !== undefined;
}

export function insertJournal(db: RegisterDb, journal: Omit<Journal, 'officeCode'>): void {
  db.prepare(
    `INSERT INTO journals (id, office_id, nomenclature_index, title, sorts, number_format, active)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    journal.id,
    journal.officeId,
    journal.index,
    journal.title,
    JSON.stringify(journal.sorts),
    journal.numberFormat ?? null,
    journal.active ? 1 : 0,
  );
}

export function updateJournal(db: RegisterDb, journal: Omit<Journal, 'officeCode'>): void {
  db.prepare(
    `UPDATE journals SET office_id = ?, nomenclature_index = ?, title = ?, sorts = ?, number_format = ?, active = ?
     WHERE id = ?`,
  ).run(
    journal.officeId,
    journal.index,
    journal.title,
    JSON.stringify(journal.sorts),
    journal.numberFormat ?? null,
    journal.active ? 1 : 0,
    journal.id,
  );
}
