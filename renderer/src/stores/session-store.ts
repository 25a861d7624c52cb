import { create } from 'zustand';
import { DeskError } from '../../../shared/contract/errors.js';
import type { DeskOutput } from '../desk/contract.js';
import type { DeskClient } from '../desk/client.js';
import type { DeskContract } from '../desk/contract.js';

export type AppInfo = DeskOutput<'app.info'>;
export type SessionUser = DeskOutput<'auth.login'>['user'];

/** Where the whole window is: the first-run wizard, login, the idle lock, or the desk itself. */
export type SessionPhase = 'starting' | 'unreachable' | 'setup' | 'login' | 'locked' | 'ready';

export interface SessionState {
  phase: SessionPhase;
  appInfo: AppInfo | null;
  user: SessionUser | null;
  idleLockMinutes: number;
  /** The login kept for the lock screen, so only the password is asked again. */
  lockedLogin: string | null;
  startError: DeskError | null;
  start(): Promise<void>;
  setupDone(): void;
  login(login: string, password: string): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  /** Any call answered `unauthenticated`: the server no longer knows this tab's login. */
  sessionLost(): void;
  /** The head changed the idle lock in the settings: it applies to this window at once. */
  idleLockChanged(minutes: number): void;
}

/** Used until a login or the settings tell the real figure (auth.me does not carry it). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export function createSessionStore(client: DeskClient<DeskContract>) {
  const store = create<SessionState>()((set, get) => ({
    phase: 'starting',
    appInfo: null,
    user: null,
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    lockedLogin: null,
    startError: null,

    async start() {
      set({ phase: 'starting', startError: null });
      try {
        const appInfo = await client.call('app.info', {});
        const status = await client.call('setup.status', {});
        set({ appInfo });
        if (status.needsSetup) return set({ phase: 'setup' });
        const { user } = await client.call('auth.me', {});
        if (!user) return set({ phase: 'login', user: null });
        // A reloaded page keeps its login; the idle lock must still be the configured one, not the default.
        const idleLockMinutes = await client
          .call('settings.get', {})
          .then((settings) => settings.idleLockMinutes)
          .catch(() => DEFAULT_IDLE_LOCK_MINUTES);
        set({ phase: 'ready', user, idleLockMinutes });
      } catch (error) {
        set({ phase: 'unreachable', startError: asDeskError(error) });
      }
    },

    setupDone() {
      set({ phase: 'login' });
    },

    async login(login, password) {
      const { user, idleLockMinutes } = await client.call('auth.login', { login, password });
      set({ phase: 'ready', user, idleLockMinutes, lockedLogin: null });
    },

    async lock() {
      const user = get().user;
      set({ phase: 'locked', lockedLogin: user?.login ?? null, user: null });
      // The server forgets this tab's login too, so nothing can be called behind the lock screen.
      await client.call('auth.logout', {}).catch(() => undefined);
    },

    async logout() {
      await client.call('auth.logout', {}).catch(() => undefined);
      set({ phase: 'login', user: null, lockedLogin: null });
    },

    idleLockChanged(minutes) {
      set({ idleLockMinutes: minutes });
    },

    sessionLost() {
      const { phase } = get();
      if (phase === 'ready') set({ phase: 'login', user: null });
    },
  }));

  client.onError((error, channel) => {
    // A wrong password on the login or lock screen is answered there, not by a redirect.
    if (error.code === 'unauthenticated' && channel !== 'auth.login') store.getState().sessionLost();
  });
  return store;
}

export function asDeskError(error: unknown): DeskError {
  return error instanceof DeskError ? error : new DeskError('internal');
}

/** The idle lock (an unattended desk must not show personal data): no keyboard or pointer activity for the configured minutes. */
export function isIdle(lastActivityMs: number, nowMs: number, idleLockMinutes: number): boolean {
  return nowMs - lastActivityMs >= idleLockMinutes * 60_000;
}
