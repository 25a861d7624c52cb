import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRegister, type GenerateResult } from './generator.js';

/**
 * Generated registers kept between benchmark runs, keyed by size and seed, under the system's
 * temporary folder: a million entries take minutes to write, and the same seed writes the same
 * register. A folder without its marker (an interrupted run) is generated again.
 */

export interface CachedRegister {
  readonly dataDir: string;
  readonly generated: GenerateResult;
  readonly reused: boolean;
}

export function cacheFolder(entries: number, seed: number, root = os.tmpdir()): string {
  return path.join(root, `cnap-bench-${entries}-seed${seed}`);
}

export async function cachedRegister(
  entries: number,
  seed: number,
  options: { root?: string; onProgress?: (written: number, total: number) => void } = {},
): Promise<CachedRegister> {
  const folder = cacheFolder(entries, seed, options.root);
  const marker = path.join(folder, 'generated.json');
  const dataDir = path.join(folder, 'data');
  if (fs.existsSync(marker)) return { dataDir, generated: JSON.parse(fs.readFileSync(marker, 'utf8')) as GenerateResult, reused: true };
  fs.rmSync(folder, { recursive: true, force: true });
  const generated = await generateRegister({ dataDir, entries, seed, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  fs.writeFileSync(marker, JSON.stringify(generated, null, 2));
  return { dataDir, generated, reused: false };
}
