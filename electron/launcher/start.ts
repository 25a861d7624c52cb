import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseDeskArgs } from './args.js';
import { downloadElectronBinary, electronPackageDir, findElectronBinary, installedElectronVersion } from './electron-binary.js';
import { buildIfChanged, projectRoot } from './project.js';
import { runBridge } from './serve.js';
import { describeFailure } from '../console/messages.js';

const require = createRequire(import.meta.url);

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

/** Where Electron's binary cannot be had, the same desk in a browser, and the person is told why. */
const BRIDGE_INSTEAD = [
  'Electron не встановлено: його не вдалося завантажити (немає доступу до сервера Electron) або завантаження вимкнене (ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  'Запускаю робоче місце у браузері: відкрийте адресу нижче. Спробувати завантажити Electron ще раз: node node_modules/electron/install.js',
  'Electron is not installed: it could not be downloaded (no access to Electron\'s download host) or the download is turned off (ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  'Starting the desk in the browser instead: open the address below. To try the download again: node node_modules/electron/install.js',
].join('\n');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseDeskArgs(argv);
  const electron = findElectronBinary() ?? (downloadElectronBinary((line) => console.log(line)) ? findElectronBinary() : null);
  const packageDir = electronPackageDir();
  if (!electron || !packageDir) {
    console.log(BRIDGE_INSTEAD);
    await runBridge(args, { build: true });
    return;
  }
  buildIfChanged();
  const binding = prepareElectronSqlite(installedElectronVersion(packageDir));
  const child = spawn(electron, [projectRoot, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, DESK_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
