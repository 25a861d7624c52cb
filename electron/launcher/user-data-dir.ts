import os from 'node:os';
import path from 'node:path';

/** App name of the user-data folder; Electron's `app.getPath('userData')` uses the same one. */
export const USER_DATA_NAME = 'cnap-desk';

/**
 * Electron's user-data folder, computed the way Electron does, so the browser bridge (which runs
 * without Electron) opens the very same register by default.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), USER_DATA_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', USER_DATA_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), USER_DATA_NAME);
}
