import type { Sql, SqlValue } from '../sql.js';

export interface AuditRow {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

export interface NewAuditRow {
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

interface RawAuditRow {
  id: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
}

function toAudit(row: RawAuditRow): AuditRow {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.summary,
  };
}

export async function insertAudit(db: Sql, row: NewAuditRow): Promise<void> {
  await db.run('INSERT INTO audit_log (at, user_id, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?)', [
    row.at,
    row.userId,
    row.action,
    row.entity,
    row.entityId,
    row.summary,
  ]);
}

function auditWhere(filter: AuditFilter): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.from !== undefined) add('a.at >= ?', filter.from);
  if (filter.to !== undefined) add('a.at < ?', filter.to);
  if (filter.userId !== undefined) add('a.user_id = ?', filter.userId);
  if (filter.action !== undefined) add('a.action = ?', filter.action);
  if (filter.entity !== undefined) add('a.entity = ?', filter.entity);
  if (filter.entityId !== undefined) add('a.entity_id = ?', filter.entityId);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function listAudit(db: Sql, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(filter);
  const rows = await db.all<RawAuditRow>(
    `SELECT a.*, u.full_name AS user_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     ${where.sql} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?`,
    [...where.params, filter.limit, filter.offset],
  );
  const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log a ${where.sql}`, where.params))?.n ?? 0;
  return { rows: rows.map(toAudit), total };
}
