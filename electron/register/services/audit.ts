import { DeskError } from '../../../shared/contract/errors.js';
import type { SessionUser } from '../../ipc/handler-types.js';
import { insertAudit, listAudit, type AuditRow } from '../repositories/audit.js';
import { requireRole, type ServiceContext } from './context.js';

export interface AuditEvent {
  /** Null for the system itself (automatic backup, command line) and for unknown logins. */
  readonly userId: string | null;
  /** `area.verb`, e.g. `entry.create`, `document.print`, `journal.export`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string | null;
  /** Ids, printed numbers, counts: never names, addresses, document numbers or passwords. */
  readonly summary: string;
}

export interface AuditListFilter {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export interface EntryViewer {
  userId: string | null;
  fullName: string | null;
  at: string;
}

const ACTION_PATTERN = /^[a-z_]+\.[a-z_]+$/;

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  if (!ACTION_PATTERN.test(event.action)) throw new DeskError('internal', 'errors.audit.badAction');
  await insertAudit(ctx.db, {
    at: ctx.now().toISOString(),
    userId: event.userId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    summary: event.summary.slice(0, 300),
  });
}

export function createAuditService(ctx: ServiceContext) {
  return {
    /** For actions outside the register's own services: prints, exports (R7.7 attributable). */
    async record(event: AuditEvent): Promise<void> {
      await writeAudit(ctx, event);
    },

    async list(actor: SessionUser, filter: AuditListFilter): Promise<{ items: AuditRow[]; total: number }> {
      requireRole(actor, ['head']);
      const { page, pageSize, ...rest } = filter;
      const { rows, total } = await listAudit(ctx.db, { ...rest, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows, total };
    },

    /** Who opened an entry and when: views are logged by `entries.getEntry`. */
    async viewersOfEntry(actor: SessionUser, entryId: string): Promise<EntryViewer[]> {
      requireRole(actor, ['head']);
      const { rows } = await listAudit(ctx.db, { entity: 'entry', entityId: entryId, action: 'entry.view', limit: 1000, offset: 0 });
      return rows.map((row) => ({ userId: row.userId, fullName: row.userName, at: row.at }));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
