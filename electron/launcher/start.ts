import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseDeskArgs } from './args.js';
import { buildApp, projectRoot } from './project.js';
import { runBridge } from './serve.js';

const require = createRequire(import.meta.url);

/** The Electron binary, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline). */
export function findElectronBinary(): string | null {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, bridge, CLI). Electron needs the same
 * module built for its own ABI; keep that copy apart, so neither side breaks the other.
 */
function prepareElectronSqlite(version: string): string {
  const target = path.join(projectRoot, '.cache', 'electron-sqlite', version, 'better-sqlite3');
  const binding = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), target, { recursive: true });
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version], {
    cwd: target,
    stdio: 'inherit',
  });
  if (prebuilt.status !== 0) {
    const gyp = spawnSync('npx', ['node-gyp', 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: target,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (gyp.status !== 0) throw new Error('Не вдалося зібрати better-sqlite3 для Electron / Could not build better-sqlite3 for Electron');
  }
  return binding;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseDeskArgs(argv);
  const electron = findElectronBinary();
  if (!electron) {
    console.log(
      [
        'Electron не встановлено (ELECTRON_SKIP_BINARY_DOWNLOAD=1 або немає інтернету).',
        'Запускаю робоче місце у браузері: відкрийте адресу нижче.',
        'Electron is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no internet).',
        'Starting the desk in the browser instead: open the address below.',
      ].join('\n'),
    );
    await runBridge(args, { build: true });
    return;
  }
  buildApp();
  const binding = prepareElectronSqlite(electronVersion());
  const child = spawn(electron, [projectRoot, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, DESK_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
