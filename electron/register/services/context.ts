import { DeskError } from '../../../shared/contract/errors.js';
import type { Role } from '../../../shared/domain/roles.js';
import type { SessionUser } from './session.js';
import type { RegisterDb } from '../database.js';

/** What every service is built from. `now` is injectable so tests can move the clock. */
export interface ServiceContext {
  readonly db: RegisterDb;
  /** The data folder: `register.sqlite` and, by default, `backups/` live here. */
  readonly dataDir: string;
  readonly now: () => Date;
}

/** Role checks live in the services too, not only in the channel's `access`. */
export function requireRole(actor: SessionUser, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new DeskError('forbidden', 'errors.forbidden');
}

/** A remote administrator works only in their own office's journals (R3.5 remote workplaces). */
export function requireOfficeAccess(actor: SessionUser, officeId: string): void {
  if (actor.role === 'remote_admin' && actor.officeId !== officeId) {
    throw new DeskError('forbidden', 'errors.register.otherOffice');
  }
}

/** The office a search or listing is limited to for this actor, if any. */
export function officeScope(actor: SessionUser): string | undefined {
  return actor.role === 'remote_admin' ? actor.officeId : undefined;
}
