import type { RegisterDb } from '../database.js';
import type { Office, OfficeKind } from '../../../shared/domain/directories-core.js';

interface OfficeRow {
  id: string;
  code: string;
  name: string;
  kind: OfficeKind;
  starosta_district: string | null;
  active: number;
}

function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    ...(row.starosta_district !== null ? { starostaDistrict: row.starosta_district } : {}),
    active: row.active === 1,
  };
}

export function listOffices(db: RegisterDb): Office[] {
  return (db.prepare('SELECT * FROM offices ORDER BY kind, code').all() as OfficeRow[]).map(toOffice);
}

export function getOffice(db: RegisterDb, id: string): Office | undefined {
  const row = db.prepare('SELECT * FROM offices WHERE id = ?').get(id) as OfficeRow | undefined;
  return row ? toOffice(row) : undefined;
}

export function officeCodeTaken(db: RegisterDb, code: string, exceptId?: string): boolean {
  return db.prepare('SELECT 1 FROM offices WHERE code = ? AND id IS NOT ?').get(code, exceptId ?? null) !== undefined;
}

export function insertOffice(db: RegisterDb, office: Office): void {
  db.prepare(
    'INSERT INTO offices (id, code, name, kind, starosta_district, active) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(office.id, office.code, office.name, office.kind, office.starostaDistrict ?? null, office.active ? 1 : 0);
}

export function updateOffice(db: RegisterDb, office: Office): void {
  db.prepare(
    'UPDATE offices SET code = ?, name = ?, kind = ?, starosta_district = ?, active = ? WHERE id = ?',
  ).run(office.code, office.name, office.kind, office.starostaDistrict ?? null, office.active ? 1 : 0, office.id);
}
