import type { Role } from '../../../shared/domain/roles.js';

/**
 * The logged-in person behind a call, as the session store resolves it. It lives beside the
 * services, which check it on every write, so the register and the exchange do not depend on the
 * transport (IPC, bridge, CLI) that brought the call.
 */
export interface SessionUser {
  readonly userId: string;
  readonly login: string;
  readonly fullName: string;
  readonly role: Role;
  /** Remote administrators work only in their own office's journals. */
  readonly officeId: string;
}

/** Resolves and refreshes login sessions; implemented by the register's auth service, read by the dispatcher. */
export interface SessionResolver {
  /** The user bound to this key, or null (never logged in, logged out, or locked by idleness). */
  userFor(sessionKey: string): SessionUser | null;
}
