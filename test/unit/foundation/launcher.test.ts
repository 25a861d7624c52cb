import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, hashBuildInputs, isBuildCurrent, writeBuildStamp } from '../../../electron/launcher/build-stamp.js';
import { downloadElectronBinary, FAILED_DOWNLOAD_MARKER } from '../../../electron/launcher/electron-binary.js';

const root = path.resolve(import.meta.dirname, '../../..');
const folders: string[] = [];

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
  folders.push(dir);
  return dir;
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('start without a rebuild', () => {
  function builtProject(): string {
    const dir = scratch();
    write(dir, 'renderer/src/app.tsx', 'export const a = 1;');
    write(dir, 'shared/rules/x.ts', 'export const b = 2;');
    write(dir, 'electron/main/index.ts', 'export const c = 3;');
    write(dir, 'test/unit/x.test.ts', 'tests never reach out/');
    for (const output of BUILD_OUTPUTS) write(dir, output, 'built');
    writeBuildStamp(dir, hashBuildInputs(dir));
    return dir;
  }

  it('takes a build from the same sources as current', () => {
    expect(isBuildCurrent(builtProject())).toBe(true);
  });

  it('builds again after a source is edited, added or removed, but not after a test changes', () => {
    const edited = builtProject();
    write(edited, 'renderer/src/app.tsx', 'export const a = 2;');
    expect(isBuildCurrent(edited)).toBe(false);

    const added = builtProject();
    write(added, 'shared/rules/y.ts', 'export const d = 4;');
    expect(isBuildCurrent(added)).toBe(false);

    const removed = builtProject();
    rmSync(path.join(removed, 'electron/main/index.ts'));
    expect(isBuildCurrent(removed)).toBe(false);

    const testOnly = builtProject();
    write(testOnly, 'test/unit/x.test.ts', 'another test');
    expect(isBuildCurrent(testOnly)).toBe(true);
  });

  it('builds again when out/ or one of its bundles is missing, or was never stamped', () => {
    const noOut = builtProject();
    rmSync(path.join(noOut, 'out'), { recursive: true });
    expect(isBuildCurrent(noOut)).toBe(false);

    const noRenderer = builtProject();
    rmSync(path.join(noRenderer, 'out/renderer/index.html'));
    expect(isBuildCurrent(noRenderer)).toBe(false);

    const unstamped = scratch();
    write(unstamped, 'renderer/src/app.tsx', 'export const a = 1;');
    for (const output of BUILD_OUTPUTS) write(unstamped, output, 'built');
    expect(isBuildCurrent(unstamped)).toBe(false);
  });
});

describe("Electron's binary, fetched by the first start", () => {
  function electronPackage(): string {
    const dir = scratch();
    write(dir, 'package.json', JSON.stringify({ name: 'electron', version: '41.7.1' }));
    return dir;
  }

  it('runs electron\'s own installer and reports its success', () => {
    const packageDir = electronPackage();
    const ran: string[] = [];
    const said: string[] = [];
    const succeeding = (installer: string) => {
      ran.push(installer);
      return { ok: true } as const;
    };
    const ok = downloadElectronBinary((line) => said.push(line), succeeding, packageDir, {});
    expect(ok).toBe(true);
    expect(ran).toEqual([path.join(packageDir, 'install.js')]);
    expect(said.join('\n')).toContain('41.7.1');
  });

  it('remembers a failed download, so the next start goes to the bridge without waiting again', () => {
    const packageDir = electronPackage();
    let runs = 0;
    const said: string[] = [];
    const failing = () => {
      runs += 1;
      return { ok: false, reason: 'RequestError: getaddrinfo ENOTFOUND' } as const;
    };
    expect(downloadElectronBinary((line) => said.push(line), failing, packageDir, {})).toBe(false);
    expect(said.join('\n')).toContain('getaddrinfo ENOTFOUND');
    expect(existsSync(path.join(packageDir, FAILED_DOWNLOAD_MARKER))).toBe(true);
    expect(downloadElectronBinary(() => undefined, failing, packageDir, {})).toBe(false);
    expect(runs).toBe(1);
  });

  it('downloads nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set or the package is absent', () => {
    let runs = 0;
    const installer = () => {
      runs += 1;
      return { ok: true } as const;
    };
    expect(downloadElectronBinary(() => undefined, installer, electronPackage(), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(false);
    expect(downloadElectronBinary(() => undefined, installer, null, {})).toBe(false);
    expect(runs).toBe(0);
  });
});

describe('the first install', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    optionalDependencies?: Record<string, string>;
    devDependencies: Record<string, string>;
    allowScripts?: Record<string, boolean>;
  };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; optional?: boolean; dev?: boolean }>;
  };

  it('never downloads Electron during npm ci, and would not fail it if an older npm did', () => {
    expect(manifest.allowScripts?.electron).toBe(false);
    expect(manifest.optionalDependencies?.electron).toBeDefined();
    expect(manifest.devDependencies.electron).toBeUndefined();
    expect(lock.packages['node_modules/electron']?.optional).toBe(true);
  });

  it('builds with the Electron version the lock pins, installed or not', async () => {
    const saved = process.env.ELECTRON_MAJOR_VER;
    delete process.env.ELECTRON_MAJOR_VER;
    try {
      await import('../../../electron.vite.config.js');
      expect(process.env.ELECTRON_MAJOR_VER).toBe(lock.packages['node_modules/electron']?.version?.split('.')[0]);
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_MAJOR_VER;
      else process.env.ELECTRON_MAJOR_VER = saved;
    }
  });

  it("CI runs the README's two commands as written", () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm ci && npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
