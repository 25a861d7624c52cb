import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isGapFree } from '../../reliability/support/register-check.js';
import { runTwoWriters } from '../../reliability/support/two-writers.js';
import { onPostgres } from '../../support/register-backend.js';

/** The Electron shell's start, observed through a fake `electron` module (the binary is not installed). */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    lockGranted: true,
    app: {
      setPath: vi.fn(),
      getPath: vi.fn(() => '/tmp'),
      getVersion: vi.fn(() => 'test'),
      requestSingleInstanceLock: vi.fn(() => electron.lockGranted),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((event: string, handler: (...args: unknown[]) => unknown) => handlers.set(event, handler)),
      // Never resolves: these tests look at what happens before the window is created.
      whenReady: vi.fn(() => new Promise<void>(() => undefined)),
    },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: vi.fn(),
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  shell: {},
  dialog: {},
}));

async function startShell(lockGranted: boolean): Promise<void> {
  vi.resetModules();
  electron.handlers.clear();
  vi.clearAllMocks();
  electron.lockGranted = lockGranted;
  await import('../../../electron/main/index.js');
}

// Two processes on one file; the server's counterpart is the four-workstation test in test/unit/postgres.
describe.skipIf(onPostgres)('a second instance of the app', () => {
  beforeEach(() => {
    electron.app.whenReady.mockClear();
  });

  it('quits at once when another instance holds the lock: no register opened, no window', async () => {
    await startShell(false);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.handlers.has('second-instance')).toBe(false);
  });

  it('the first instance keeps the lock, listens for the second one and starts', async () => {
    await startShell(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(electron.handlers.has('second-instance')).toBe(true);
    expect(electron.app.whenReady).toHaveBeenCalledTimes(1);
  });
});

describe.skipIf(onPostgres)('two writers on one register file, short (R7.12; the long run issues 300 each)', () => {
  it('two processes issuing 15 certificates each at once never share or skip a number', async () => {
    const outcome = await runTwoWriters(15);
    expect(outcome.exits).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    const numbers = outcome.reported.flat().map((issued) => issued.number).sort((a, b) => a - b);
    expect(numbers).toHaveLength(30);
    expect(isGapFree(numbers)).toBe(true);
    expect(outcome.state.numbers).toEqual(numbers);
    expect(outcome.state.verify).toEqual({ ok: true, entries: 30 });
  }, 60_000);
});
