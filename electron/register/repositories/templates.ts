import type { RegisterDb } from '../database.js';
import type { CustomKind } from '../../../shared/rules/catalogue.js';

/** SQL of template versions and custom kinds (migration 0002). Both tables are append-only. */

export interface TemplateVersionRow {
  kindId: string;
  version: number;
  text: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

interface TemplateRow {
  kind_id: string;
  version: number;
  text: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

function toTemplate(row: TemplateRow): TemplateVersionRow {
  return {
    kindId: row.kind_id,
    version: row.version,
    text: row.text,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}

export function selectCurrentTemplate(db: RegisterDb, kindId: string): TemplateVersionRow | undefined {
  const row = db
    .prepare('SELECT * FROM templates WHERE kind_id = ? ORDER BY version DESC LIMIT 1')
    .get(kindId) as TemplateRow | undefined;
  return row ? toTemplate(row) : undefined;
}

export function selectTemplateVersion(db: RegisterDb, kindId: string, version: number): TemplateVersionRow | undefined {
  const row = db.prepare('SELECT * FROM templates WHERE kind_id = ? AND version = ?').get(kindId, version) as
    | TemplateRow
    | undefined;
  return row ? toTemplate(row) : undefined;
}

/** The newest version of every kind's template, with how many versions it has. */
export function selectLatestTemplates(db: RegisterDb): (TemplateVersionRow & { versions: number })[] {
  const rows = db
    .prepare(
      `SELECT t.*, latest.versions FROM templates t
         JOIN (SELECT kind_id, MAX(version) AS version, COUNT(*) AS versions FROM templates GROUP BY kind_id) latest
           ON latest.kind_id = t.kind_id AND latest.version = t.version
        ORDER BY t.kind_id`,
    )
    .all() as (TemplateRow & { versions: number })[];
  return rows.map((row) => ({ ...toTemplate(row), versions: row.versions }));
}

/**
 * Appends the next version of a kind's template and returns its number. The number is computed in
 * the INSERT itself, and a trigger refuses anything but max + 1, so two saves never share one.
 */
export function insertNextTemplateVersion(
  db: RegisterDb,
  row: Omit<TemplateVersionRow, 'version'>,
): number {
  const inserted = db
    .prepare(
      `INSERT INTO templates (kind_id, version, text, created_at, created_by, created_by_name)
       SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ? FROM templates WHERE kind_id = ?
       RETURNING version`,
    )
    .get(row.kindId, row.text, row.createdAt, row.createdBy, row.createdByName, row.kindId) as { version: number };
  return inserted.version;
}

export function selectKindsWithTemplates(db: RegisterDb): Set<string> {
  const rows = db.prepare('SELECT DISTINCT kind_id FROM templates').all() as { kind_id: string }[];
  return new Set(rows.map((row) => row.kind_id));
}

// ── Custom kinds (R7.15) ──

export interface CustomKindRecord extends CustomKind {
  createdAt: string;
  createdBy: string;
}

interface CustomKindRow {
  id: string;
  sort: CustomKind['sort'];
  title: string;
  grounds: string;
  needs_household: number;
  decision_number: string;
  decision_date: string;
  created_at: string;
  created_by: string;
}

function toCustomKind(row: CustomKindRow): CustomKindRecord {
  return {
    id: row.id,
    sort: row.sort,
    title: row.title,
    grounds: JSON.parse(row.grounds) as CustomKind['grounds'],
    needsHousehold: row.needs_household === 1,
    decision: { number: row.decision_number, date: row.decision_date },
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function selectCustomKinds(db: RegisterDb): CustomKindRecord[] {
  const rows = db.prepare('SELECT * FROM custom_kinds ORDER BY created_at, id').all() as CustomKindRow[];
  return rows.map(toCustomKind);
}

export function customKindExists(db: RegisterDb, id: string): boolean {
  return db.prepare('SELECT 1 FROM custom_kinds WHERE id = ?').get(id) !== undefined;
}

export function insertCustomKind(db: RegisterDb, kind: CustomKindRecord): void {
  db.prepare(
    `INSERT INTO custom_kinds (id, sort, title, grounds, needs_household, decision_number, decision_date,
       created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    kind.id,
    kind.sort,
    kind.title,
    JSON.stringify(kind.grounds),
    kind.needsHousehold ? 1 : 0,
    kind.decision.number,
    kind.decision.date,
    kind.createdAt,
    kind.createdBy,
  );
}
