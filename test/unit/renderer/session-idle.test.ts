import { describe, expect, it } from 'vitest';
import { createDeskClient, type DeskTransport } from '../../../renderer/src/desk/client.js';
import { deskContract } from '../../../renderer/src/desk/contract.js';
import { createSessionStore, DEFAULT_IDLE_LOCK_MINUTES } from '../../../renderer/src/stores/session-store.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/directories-core.js';

const user = { userId: 'u1', login: 'head', fullName: 'Петренко Олена Іванівна', role: 'head', officeId: 'o1' };
const settings = { ...DEFAULT_SETTINGS, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES - 12 };

/** A fake main process where this tab is already logged in (a reloaded page). */
function reloadedPage(settingsAnswer: unknown) {
  const answers: Record<string, unknown> = {
    'app.info': { ok: true, value: { name: 'desk', version: '0.1.0', schemaVersion: 3, languages: ['uk', 'en'], trainingMode: false } },
    'setup.status': { ok: true, value: { needsSetup: false, trainingMode: false } },
    'auth.me': { ok: true, value: { user } },
    'settings.get': settingsAnswer,
  };
  const transport: DeskTransport = { invoke: async (channel) => answers[channel] };
  return createSessionStore(createDeskClient(deskContract, transport));
}

describe('the idle lock of a window', () => {
  it('uses the configured minutes after a reload, not the default', async () => {
    const store = reloadedPage({ ok: true, value: settings });
    await store.getState().start();
    expect(store.getState()).toMatchObject({ phase: 'ready', idleLockMinutes: settings.idleLockMinutes });
  });

  it('keeps the default when the settings cannot be read, and still opens the desk', async () => {
    const store = reloadedPage({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    await store.getState().start();
    expect(store.getState()).toMatchObject({ phase: 'ready', idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES });
  });

  it('applies a changed setting at once', () => {
    const store = reloadedPage({ ok: true, value: settings });
    store.getState().idleLockChanged(1);
    expect(store.getState().idleLockMinutes).toBe(1);
  });
});
