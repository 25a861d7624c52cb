import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Electron's binary is not downloaded by `npm ci`: package.json denies electron's install script
 * (`allowScripts`), so an install never fails or waits on Electron's download host, and the
 * package itself (types, version) is always there for typecheck, electron-vite and
 * electron-builder. The first `npm start` runs that same script (electron's own `install.js`,
 * which honours ELECTRON_SKIP_BINARY_DOWNLOAD, ELECTRON_MIRROR and its cache) instead.
 */

/** A download on a slow line may take minutes; a network that hangs must not hold the desk longer. */
export const DOWNLOAD_TIME_LIMIT_MS = 5 * 60_000;

/** Left in the package's folder after a failed download, so later starts go straight to the bridge; `npm ci` clears it. */
export const FAILED_DOWNLOAD_MARKER = '.download-failed';

/** The Electron binary, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline). */
export function findElectronBinary(): string | null {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function electronPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed package's version (the lock's, after `npm ci`). */
export function installedElectronVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Downloads the binary with electron's own installer, once per install: a failure is remembered
 * so the next start does not wait again. True when the installer succeeded. `runInstaller` is the
 * seam tests use instead of the network.
 */
export function downloadElectronBinary(
  say: (line: string) => void,
  runInstaller: (installer: string) => InstallerOutcome = runElectronInstaller,
  packageDir: string | null = electronPackageDir(),
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  // The person asked for no download (the README's offline install of old): respect it.
  if (packageDir === null || env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const marker = path.join(packageDir, FAILED_DOWNLOAD_MARKER);
  if (existsSync(marker)) return false;
  say(`Завантажую Electron ${installedElectronVersion(packageDir)} (лише під час першого запуску)… / Downloading Electron (first start only)…`);
  const outcome = runInstaller(path.join(packageDir, 'install.js'));
  if (outcome.ok) return true;
  say(`Не вдалося / Failed: ${outcome.reason}`);
  writeFileSync(marker, `${new Date().toISOString()} ${outcome.reason}\n`);
  return false;
}

/** The installer's result; on failure the first line of what it said (the cause without its stack). */
export type InstallerOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function runElectronInstaller(installer: string): InstallerOutcome {
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: DOWNLOAD_TIME_LIMIT_MS,
    encoding: 'utf8',
  });
  if (result.status === 0) return { ok: true };
  const said = result.stderr.split('\n').find((line) => line.trim() !== '');
  const reason = result.error?.message ?? said ?? `exit code ${String(result.status)}`;
  return { ok: false, reason: reason.trim() };
}
