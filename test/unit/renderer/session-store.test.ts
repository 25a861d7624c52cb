import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { createDeskClient, type DeskTransport } from '../../../renderer/src/desk/client.js';
import { deskContract } from '../../../renderer/src/desk/contract.js';
import { createSessionStore, isIdle } from '../../../renderer/src/stores/session-store.js';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; messageKey: string } };

/** A fake main process: answers per channel, records calls. */
function fakeMain(answers: Record<string, Answer | (() => Answer)>) {
  const calls: string[] = [];
  const transport: DeskTransport = {
    invoke: vi.fn(async (channel: string) => {
      calls.push(channel);
      const answer = answers[channel];
      if (!answer) return { ok: false, error: { code: 'unknown_channel', messageKey: 'errors.unknown_channel' } };
      return typeof answer === 'function' ? answer() : answer;
    }),
  };
  return { client: createDeskClient(deskContract, transport), calls };
}

const info: Answer = { ok: true, value: { name: 'desk', version: '0.1.0', schemaVersion: 3, languages: ['uk', 'en'], trainingMode: false } };
const user = { userId: 'u1', login: 'head', fullName: 'Петренко Олена Іванівна', role: 'head', officeId: 'o1' };

describe('session store', () => {
  it('opens the first-run wizard on an empty register', async () => {
    const { client } = fakeMain({ 'app.info': info, 'setup.status': { ok: true, value: { needsSetup: true, trainingMode: false } } });
    const store = createSessionStore(client);
    await store.getState().start();
    expect(store.getState().phase).toBe('setup');
  });

  it('goes to login when nobody is logged in, and to the desk after a login', async () => {
    const { client } = fakeMain({
      'app.info': info,
      'setup.status': { ok: true, value: { needsSetup: false, trainingMode: false } },
      'auth.me': { ok: true, value: { user: null } },
      'auth.login': { ok: true, value: { user, idleLockMinutes: 7 } },
    });
    const store = createSessionStore(client);
    await store.getState().start();
    expect(store.getState().phase).toBe('login');
    await store.getState().login('head', 'password123');
    expect(store.getState()).toMatchObject({ phase: 'ready', idleLockMinutes: 7, user: { login: 'head' } });
  });

  it('returns to login when any call is answered unauthenticated', async () => {
    const { client } = fakeMain({
      'app.info': info,
      'setup.status': { ok: true, value: { needsSetup: false, trainingMode: false } },
      'auth.me': { ok: true, value: { user } },
      'auth.logout': { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.auth.required' } },
    });
    const store = createSessionStore(client);
    await store.getState().start();
    expect(store.getState().phase).toBe('ready');
    await client.call('auth.logout', {}).catch(() => undefined);
    expect(store.getState().phase).toBe('login');
  });

  it('keeps the lock screen when the password typed there is wrong', async () => {
    const { client, calls } = fakeMain({
      'app.info': info,
      'setup.status': { ok: true, value: { needsSetup: false, trainingMode: false } },
      'auth.me': { ok: true, value: { user } },
      'auth.logout': { ok: true, value: { ok: true } },
      'auth.login': { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.auth.invalidCredentials' } },
    });
    const store = createSessionStore(client);
    await store.getState().start();
    await store.getState().lock();
    expect(calls).toContain('auth.logout');
    expect(store.getState()).toMatchObject({ phase: 'locked', lockedLogin: 'head' });
    await expect(store.getState().login('head', 'wrong-password')).rejects.toBeInstanceOf(DeskError);
    expect(store.getState().phase).toBe('locked');
  });

  it('reports an unreachable register instead of hanging', async () => {
    const { client } = fakeMain({ 'app.info': () => ({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }) });
    const store = createSessionStore(client);
    await store.getState().start();
    expect(store.getState().phase).toBe('unreachable');
    expect(store.getState().startError?.code).toBe('internal');
  });
});

describe('idle lock', () => {
  it('is idle only after the full number of minutes', () => {
    const start = Date.UTC(2026, 0, 5, 9, 0);
    expect(isIdle(start, start + 4 * 60_000 + 59_000, 5)).toBe(false);
    expect(isIdle(start, start + 5 * 60_000, 5)).toBe(true);
  });
});
