import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What electron-vite's three bundles are made from: the sources of main, preload and renderer,
 * the code they share, and the files that decide how they are built. Anything else (tests, docs)
 * never reaches `out/`.
 */
export const BUILD_INPUTS = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Files the desk cannot start without: a build missing any of them is built again. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Written into `out/` after a build, so removing `out/` also forgets the stamp. */
export const STAMP_FILE = 'out/.sources-sha256';

/** SHA-256 of every input file's path and bytes, in a fixed order, so any edit, addition or removal changes it. */
export function hashBuildInputs(root: string): string {
  const hash = createHash('sha256');
  for (const file of listInputFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when `out/` holds every bundle and was built from exactly the sources on disk now. */
export function isBuildCurrent(root: string, sourcesHash: string = hashBuildInputs(root)): boolean {
  if (BUILD_OUTPUTS.some((output) => !existsSync(path.join(root, output)))) return false;
  const stamp = path.join(root, STAMP_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourcesHash;
}

export function writeBuildStamp(root: string, sourcesHash: string): void {
  writeFileSync(path.join(root, STAMP_FILE), `${sourcesHash}\n`);
}

function listInputFiles(root: string): string[] {
  const files: string[] = [];
  const add = (relative: string): void => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (!statSync(absolute).isDirectory()) {
      files.push(relative);
      return;
    }
    for (const entry of readdirSync(absolute)) add(path.posix.join(relative, entry));
  };
  for (const input of BUILD_INPUTS) add(input);
  return files.sort();
}
