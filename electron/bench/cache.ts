import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRegister, type GenerateResult } from '../app/synthetic/generator.js';

/**
 * Generated registers kept between benchmark runs, keyed by size, seed and generator version,
 * under the system's temporary folder: a million entries take minutes to write, and the same
 * seed writes the same register. A folder without its marker (an interrupted run), or whose
 * marker names another generator version, is generated again.
 */

/**
 * The generator's version, in the cache folder's name: raise it whenever the same seed would
 * write another register (other names, contents, weights…), so that a register written by an
 * older generator is never measured as if it were the current one.
 * 1: surnames drawn uniformly from 71. 2: from ≈ 1,800, as often as they are met (surnames.ts).
 * 3: each remote office keeps a journal of its own index (02-01, 03-01), not the centre’s 01-21.
 * 4: a household member's kinship is proven by the document the checklist now asks for (a spouse
 *    by the marriage certificate): a register of version 3 no longer passes the issuing gate.
 */
export const GENERATOR_VERSION = 4;

export interface CachedRegister {
  readonly dataDir: string;
  readonly generated: GenerateResult;
  readonly reused: boolean;
}

export function cacheFolder(entries: number, seed: number, root = os.tmpdir()): string {
  return path.join(root, `cnap-bench-${entries}-seed${seed}-g${GENERATOR_VERSION}`);
}

export async function cachedRegister(
  entries: number,
  seed: number,
  options: { root?: string; onProgress?: (written: number, total: number) => void } = {},
): Promise<CachedRegister> {
  const folder = cacheFolder(entries, seed, options.root);
  const marker = path.join(folder, 'generated.json');
  const dataDir = path.join(folder, 'data');
  if (fs.existsSync(marker)) {
    const kept = JSON.parse(fs.readFileSync(marker, 'utf8')) as GenerateResult & { generatorVersion?: number };
    if (kept.generatorVersion === GENERATOR_VERSION) {
      const { generatorVersion: _version, ...generated } = kept;
      return { dataDir, generated, reused: true };
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const generated = await generateRegister({ dataDir, entries, seed, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  fs.writeFileSync(marker, JSON.stringify({ ...generated, generatorVersion: GENERATOR_VERSION }, null, 2));
  return { dataDir, generated, reused: false };
}
