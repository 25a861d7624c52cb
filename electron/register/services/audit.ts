import { DeskError } from '../../../shared/contract/errors.js';
import type { SessionUser } from './session.js';
import type { RegisterDb } from '../database.js';
import { insertAudit, listAudit, type AuditRow, type NewAuditRow } from '../repositories/audit.js';
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

/** How long an audit row of reading may wait in memory before it is written (see `ReadAuditQueue`). */
export const READ_AUDIT_FLUSH_MS = 1000;

/** The audit row of an event, stamped with the context's clock (a bulk load writes it itself). */
export function auditRowOf(ctx: ServiceContext, event: AuditEvent): NewAuditRow {
  if (!ACTION_PATTERN.test(event.action)) throw new DeskError('internal', 'errors.audit.badAction');
  return {
    at: ctx.now().toISOString(),
    userId: event.userId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    summary: event.summary.slice(0, 300),
  };
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await insertAudit(ctx.db, auditRowOf(ctx, event));
}

/**
 * Audit rows of reading — searches, and documents shown on screen — that change nothing in the
 * register (an opened entry is written before it is shown: `entries.getEntry`).
 * Written like every audit row (append-only, in a durable transaction), but together: a row
 * waits in memory at most `READ_AUDIT_FLUSH_MS`, then everything queued is written in one
 * transaction, so a search does not pay a disk flush of its own (searching a million-entry register must stay fast).
 * Reading the audit log, and closing the desk (`flush`), write the queue first.
 *
 * The price, accepted on purpose: if the process dies (crash, power cut) the read rows of the
 * last second or so are lost. Changes to the register are never queued: their audit rows are
 * written by `writeAudit` in the change's own transaction, and are lost only with the change.
 */
class ReadAuditQueue {
  private rows: NewAuditRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: RegisterDb) {}

  add(row: NewAuditRow): void {
    this.rows.push(row);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A failed write keeps the rows queued for the next flush; nobody awaits a timer.
      this.flush().catch(() => undefined);
    }, READ_AUDIT_FLUSH_MS);
    // A queued read never keeps a process alive: closing the desk flushes.
    this.timer.unref();
  }

  /** Writes every row queued so far, after any write already under way. */
  flush(): Promise<void> {
    const written = this.writing.then(() => this.writeQueued());
    this.writing = written.catch(() => undefined);
    return written;
  }

  private async writeQueued(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.rows.splice(0);
    if (rows.length === 0) return;
    try {
      await this.db.write(async () => {
        for (const row of rows) await insertAudit(this.db, row);
      });
    } catch (error) {
      this.rows.unshift(...rows);
      throw error;
    }
  }
}

const readQueues = new WeakMap<RegisterDb, ReadAuditQueue>();

function readQueueOf(db: RegisterDb): ReadAuditQueue {
  let queue = readQueues.get(db);
  if (!queue) {
    queue = new ReadAuditQueue(db);
    readQueues.set(db, queue);
  }
  return queue;
}

/** Records a reading (a search) without a transaction of its own: see `ReadAuditQueue`. */
export function queueReadAudit(ctx: ServiceContext, event: AuditEvent): void {
  readQueueOf(ctx.db).add(auditRowOf(ctx, event));
}

/** Writes the queued audit rows of reading now (before the audit log is read, before closing). */
export function flushReadAudit(ctx: ServiceContext): Promise<void> {
  return readQueueOf(ctx.db).flush();
}

export function createAuditService(ctx: ServiceContext) {
  return {
    /** For actions outside the register's own services: prints, exports (R7.7 attributable). */
    async record(event: AuditEvent): Promise<void> {
      await writeAudit(ctx, event);
    },

    /** A reading outside the register's own services (a document shown on screen): queued, see `ReadAuditQueue`. */
    recordRead(event: AuditEvent): void {
      queueReadAudit(ctx, event);
    },

    /** Writes the queued audit rows of reading; the desk calls it before closing the register. */
    flush(): Promise<void> {
      return flushReadAudit(ctx);
    },

    async list(actor: SessionUser, filter: AuditListFilter): Promise<{ items: AuditRow[]; total: number }> {
      requireRole(actor, ['head']);
      await flushReadAudit(ctx);
      const { page, pageSize, ...rest } = filter;
      const { rows, total } = await listAudit(ctx.db, { ...rest, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows, total };
    },

    /** Who opened an entry and when: views are logged by `entries.getEntry`. */
    async viewersOfEntry(actor: SessionUser, entryId: string): Promise<EntryViewer[]> {
      requireRole(actor, ['head']);
      await flushReadAudit(ctx);
      const { rows } = await listAudit(ctx.db, { entity: 'entry', entityId: entryId, action: 'entry.view', limit: 1000, offset: 0 });
      return rows.map((row) => ({ userId: row.userId, fullName: row.userName, at: row.at }));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
