import type { KindDecision } from '../../../shared/domain/kind-decisions.js';
import type { Sql } from '../sql.js';

/** A decision as stored (append-only, migration 0007). */
export type KindDecisionRow = KindDecision;

interface Row {
  id: string;
  kind_id: string;
  action: KindDecision['action'];
  successor_kind_id: string | null;
  revokes_decision_id: string | null;
  decision_number: string;
  decision_date: string;
  effective_date: string;
  point: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}

function toDecision(row: Row): KindDecision {
  return {
    id: row.id,
    kindId: row.kind_id,
    action: row.action,
    successorKindId: row.successor_kind_id,
    revokesDecisionId: row.revokes_decision_id,
    number: row.decision_number,
    date: row.decision_date,
    effectiveDate: row.effective_date,
    point: row.point,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
  };
}

/** Every decision, in the order recorded (a register holds a handful). */
export async function selectKindDecisions(db: Sql): Promise<KindDecision[]> {
  const rows = await db.all<Row>(
    `SELECT id, kind_id, action, successor_kind_id, revokes_decision_id, decision_number, decision_date, effective_date, point,
       recorded_at, recorded_by, recorded_by_name
     FROM kind_decisions ORDER BY recorded_at, id`,
  );
  return rows.map(toDecision);
}

export async function kindDecisionExists(db: Sql, id: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS present FROM kind_decisions WHERE id = ?', [id])) !== undefined;
}

export async function insertKindDecision(db: Sql, decision: KindDecisionRow): Promise<void> {
  await db.run(
    `INSERT INTO kind_decisions (id, kind_id, action, successor_kind_id, revokes_decision_id, decision_number, decision_date,
       effective_date, point, recorded_at, recorded_by, recorded_by_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      decision.id,
      decision.kindId,
      decision.action,
      decision.successorKindId,
      decision.revokesDecisionId,
      decision.number,
      decision.date,
      decision.effectiveDate,
      decision.point,
      decision.recordedAt,
      decision.recordedBy,
      decision.recordedByName,
    ],
  );
}

/** Serialises decisions on kinds across workstations (PostgreSQL); SQLite's write lock already does. */
export async function lockKindDecisions(db: Sql): Promise<void> {
  if (db.dialect === 'postgres') await db.get("SELECT pg_advisory_xact_lock(hashtext('cnap-desk:kind-decisions')) AS locked");
}
