import type { Sql } from '../sql.js';
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

/**
 * One template writer at a time, called first inside a write transaction: versions are numbered
 * max + 1 and the defaults are seeded only where a kind has none, so two writers must not read
 * the same max. SQLite's `BEGIN IMMEDIATE` already queues writers; on PostgreSQL two workstations
 * starting at once would otherwise both seed version 1. A transaction-scoped advisory lock: readers
 * never wait for it and it needs no rights on the tables.
 */
export async function lockTemplateWrites(db: Sql): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.get("SELECT pg_advisory_xact_lock(hashtext('cnap-desk:templates')) AS locked");
  }
}

export async function selectCurrentTemplate(db: Sql, kindId: string): Promise<TemplateVersionRow | undefined> {
  const row = await db.get<TemplateRow>('SELECT * FROM templates WHERE kind_id = ? ORDER BY version DESC LIMIT 1', [
    kindId,
  ]);
  return row ? toTemplate(row) : undefined;
}

export async function selectTemplateVersion(
  db: Sql,
  kindId: string,
  version: number,
): Promise<TemplateVersionRow | undefined> {
  const row = await db.get<TemplateRow>('SELECT * FROM templates WHERE kind_id = ? AND version = ?', [kindId, version]);
  return row ? toTemplate(row) : undefined;
}

/** The newest version of every kind's template, with how many versions it has. */
export async function selectLatestTemplates(db: Sql): Promise<(TemplateVersionRow & { versions: number })[]> {
  const rows = await db.all<TemplateRow & { versions: number }>(
    `SELECT t.*, latest.versions FROM templates t
       JOIN (SELECT kind_id, MAX(version) AS version, COUNT(*) AS versions FROM templates GROUP BY kind_id) latest
         ON latest.kind_id = t.kind_id AND latest.version = t.version
      ORDER BY t.kind_id`,
  );
  return rows.map((row) => ({ ...toTemplate(row), versions: row.versions }));
}

/**
 * Appends the next version of a kind's template and returns its number. The number is computed in
 * the INSERT itself, and a trigger refuses anything but max + 1, so two saves never share one.
 */
export async function insertNextTemplateVersion(db: Sql, row: Omit<TemplateVersionRow, 'version'>): Promise<number> {
  const inserted = await db.get<{ version: number }>(
    `INSERT INTO templates (kind_id, version, text, created_at, created_by, created_by_name)
     SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ? FROM templates WHERE kind_id = ?
     RETURNING version`,
    [row.kindId, row.text, row.createdAt, row.createdBy, row.createdByName, row.kindId],
  );
  if (!inserted) throw new Error('templates: INSERT … RETURNING returned no row');
  return inserted.version;
}

export async function selectKindsWithTemplates(db: Sql): Promise<Set<string>> {
  const rows = await db.all<{ kind_id: string }>('SELECT DISTINCT kind_id FROM templates');
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

export async function selectCustomKinds(db: Sql): Promise<CustomKindRecord[]> {
  const rows = await db.all<CustomKindRow>('SELECT * FROM custom_kinds ORDER BY created_at, id');
  return rows.map(toCustomKind);
}

export async function customKindExists(db: Sql, id: string): Promise<boolean> {
  return (await db.get<{ found: number }>('SELECT 1 AS found FROM custom_kinds WHERE id = ?', [id])) !== undefined;
}

export async function insertCustomKind(db: Sql, kind: CustomKindRecord): Promise<void> {
  await db.run(
    `INSERT INTO custom_kinds (id, sort, title, grounds, needs_household, decision_number, decision_date,
       created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      kind.id,
      kind.sort,
      kind.title,
      JSON.stringify(kind.grounds),
      kind.needsHousehold ? 1 : 0,
      kind.decision.number,
      kind.decision.date,
      kind.createdAt,
      kind.createdBy,
    ],
  );
}
