import { DeskError } from '../../../shared/contract/errors.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/directories-core.js';
import type { SessionResolver, SessionUser } from './session.js';
import { UNMATCHABLE_HASH, verifyPassword } from '../password.js';
import { getUser, getUserByLogin, setLoginFailures, type UserRow } from '../repositories/users.js';
import { writeAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { readDeskSettings } from './settings.js';

/** Five failed logins lock the account for five minutes, so a password cannot be guessed by trying. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 5;

interface Session {
  user: SessionUser;
  lastSeen: number;
}

export function toSessionUser(user: UserRow): SessionUser {
  return { userId: user.id, login: user.login, fullName: user.fullName, role: user.role, officeId: user.officeId };
}

export interface AuthService extends SessionResolver {
  login(sessionKey: string, login: string, password: string): Promise<{ user: SessionUser; idleLockMinutes: number }>;
  logout(sessionKey: string): Promise<void>;
  /** The session's user without counting as activity (null after the idle lock). */
  me(sessionKey: string): Promise<SessionUser | null>;
  /** Counts as activity: the idle lock starts again. */
  touch(sessionKey: string): void;
  /** Ends every session of a user (deactivated, role changed, password reset). */
  endSessionsOf(userId: string): void;
  /** Ends every session (after a restore the users may differ). */
  endAllSessions(): void;
  /** The idle lock as the settings now say (read at login and when the settings change). */
  setIdleLimit(minutes: number): void;
}

export function createAuthService(ctx: ServiceContext): AuthService {
  const sessions = new Map<string, Session>();
  // Sessions are checked on every call without a query; the value follows the settings.
  let idleLockMinutes = DEFAULT_SETTINGS.idleLockMinutes;

  function idleLimitMs(): number {
    return idleLockMinutes * 60_000;
  }

  function live(sessionKey: string): Session | undefined {
    const session = sessions.get(sessionKey);
    if (!session) return undefined;
    if (ctx.now().getTime() - session.lastSeen > idleLimitMs()) {
      sessions.delete(sessionKey);
      return undefined;
    }
    return session;
  }

  function lockedUntil(user: UserRow): Date | undefined {
    if (!user.lockedUntil) return undefined;
    const until = new Date(user.lockedUntil);
    return until.getTime() > ctx.now().getTime() ? until : undefined;
  }

  function lockedError(until: Date): DeskError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - ctx.now().getTime()) / 60_000));
    return new DeskError('account_locked', 'errors.auth.locked', { minutes });
  }

  async function recordFailure(user: UserRow | undefined): Promise<DeskError> {
    if (!user) {
      // The typed login is not logged: people type passwords into the login field.
      await writeAudit(ctx, { userId: null, action: 'auth.login_failed', entity: 'user', summary: 'unknown login' });
      return new DeskError('unauthenticated', 'errors.auth.badCredentials');
    }
    // The count restarts after a lock (it is reset to 0 when the lock is set).
    const failures = user.failedCount + 1;
    if (failures >= MAX_FAILED_LOGINS) {
      const until = new Date(ctx.now().getTime() + LOCK_MINUTES * 60_000);
      await ctx.db.write(async () => {
        await setLoginFailures(ctx.db, user.id, 0, until.toISOString());
        await writeAudit(ctx, { userId: user.id, action: 'auth.locked', entity: 'user', entityId: user.id, summary: `${MAX_FAILED_LOGINS} failed logins` });
      });
      return lockedError(until);
    }
    await ctx.db.write(async () => {
      await setLoginFailures(ctx.db, user.id, failures, user.lockedUntil);
      await writeAudit(ctx, { userId: user.id, action: 'auth.login_failed', entity: 'user', entityId: user.id, summary: `failure ${failures}` });
    });
    return new DeskError('unauthenticated', 'errors.auth.badCredentials');
  }

  return {
    userFor(sessionKey) {
      const session = live(sessionKey);
      if (!session) return null;
      session.lastSeen = ctx.now().getTime();
      return session.user;
    },

    touch(sessionKey) {
      const session = live(sessionKey);
      if (session) session.lastSeen = ctx.now().getTime();
    },

    async me(sessionKey) {
      return live(sessionKey)?.user ?? null;
    },

    async login(sessionKey, login, password) {
      const user = await getUserByLogin(ctx.db, login.trim());
      const usable = user && user.active ? user : undefined;
      const until = usable ? lockedUntil(usable) : undefined;
      if (until) throw lockedError(until);
      const matches = await verifyPassword(password, usable?.passwordHash ?? UNMATCHABLE_HASH);
      if (!usable || !matches) throw await recordFailure(usable);
      await ctx.db.write(async () => {
        await setLoginFailures(ctx.db, usable.id, 0, null);
        await writeAudit(ctx, { userId: usable.id, action: 'auth.login', entity: 'user', entityId: usable.id, summary: 'login' });
      });
      const sessionUser = toSessionUser(usable);
      idleLockMinutes = (await readDeskSettings(ctx)).idleLockMinutes;
      sessions.set(sessionKey, { user: sessionUser, lastSeen: ctx.now().getTime() });
      return { user: sessionUser, idleLockMinutes };
    },

    async logout(sessionKey) {
      const session = sessions.get(sessionKey);
      sessions.delete(sessionKey);
      if (session && (await getUser(ctx.db, session.user.userId))) {
        await writeAudit(ctx, { userId: session.user.userId, action: 'auth.logout', entity: 'user', entityId: session.user.userId, summary: 'logout' });
      }
    },

    endSessionsOf(userId) {
      for (const [key, session] of sessions) if (session.user.userId === userId) sessions.delete(key);
    },

    endAllSessions() {
      sessions.clear();
    },

    setIdleLimit(minutes) {
      idleLockMinutes = minutes;
    },
  };
}
