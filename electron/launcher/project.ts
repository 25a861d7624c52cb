import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashBuildInputs, isBuildCurrent, writeBuildStamp } from './build-stamp.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererOutDir = path.join(projectRoot, 'out', 'renderer');

export function appVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Builds main, preload and renderer with electron-vite; the output is what both Electron and the bridge serve. */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Збірка не вдалася / Build failed');
}

export function isBuilt(): boolean {
  return existsSync(path.join(rendererOutDir, 'index.html'));
}

/**
 * Builds only when `out/` is missing or was built from other sources than those on disk (a
 * cold build takes about a minute on a small machine; checking the stamp, well under a second).
 */
export function buildIfChanged(): void {
  const sourcesHash = hashBuildInputs(projectRoot);
  if (isBuildCurrent(projectRoot, sourcesHash)) return;
  buildApp();
  writeBuildStamp(projectRoot, sourcesHash);
}
