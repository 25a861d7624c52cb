import { vi } from 'vitest';

// The Electron binary is not installed on build machines (`npm ci` never downloads it), so
// `require('electron')` would throw. Main-process modules under test never need the real thing:
// the shell is kept thin and everything behind it is plain Node.
vi.mock('electron', () => ({
  app: { getPath: () => '/tmp', requestSingleInstanceLock: () => true, on: vi.fn(), quit: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  BrowserWindow: vi.fn(),
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  shell: {},
  dialog: {},
}));
