import type { Sql } from '../sql.js';
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

export async function listOffices(db: Sql): Promise<Office[]> {
  return (await db.all<OfficeRow>('SELECT * FROM offices ORDER BY kind, code')).map(toOffice);
}

export async function getOffice(db: Sql, id: string): Promise<Office | undefined> {
  const row = await db.get<OfficeRow>('SELECT * FROM offices WHERE id = ?', [id]);
  return row ? toOffice(row) : undefined;
}

export async function officeCodeTaken(db: Sql, code: string, exceptId?: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS taken FROM offices WHERE code = ? AND id IS DISTINCT FROM ?', [code, exceptId ?? null])) !== undefined;
}

export async function insertOffice(db: Sql, office: Office): Promise<void> {
  await db.run('INSERT INTO offices (id, code, name, kind, starosta_district, active) VALUES (?, ?, ?, ?, ?, ?)', [
    office.id,
    office.code,
    office.name,
    office.kind,
    office.starostaDistrict ?? null,
    office.active ? 1 : 0,
  ]);
}

export async function updateOffice(db: Sql, office: Office): Promise<void> {
  await db.run('UPDATE offices SET code = ?, name = ?, kind = ?, starosta_district = ?, active = ? WHERE id = ?', [
    office.code,
    office.name,
    office.kind,
    office.starostaDistrict ?? null,
    office.active ? 1 : 0,
    office.id,
  ]);
}
