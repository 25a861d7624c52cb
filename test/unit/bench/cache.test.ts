import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedRegister, cacheFolder, GENERATOR_VERSION } from '../../../electron/bench/cache.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-bench-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the bench’s cache of generated registers', () => {
  it('keeps a register per size, seed and generator version, and never reuses one an older generator wrote', async () => {
    const folder = cacheFolder(120, 4, root);
    expect(path.basename(folder)).toBe(`cnap-bench-120-seed4-g${GENERATOR_VERSION}`);
    expect((await cachedRegister(120, 4, { root })).reused).toBe(false);
    const again = await cachedRegister(120, 4, { root });
    expect(again.reused).toBe(true);
    expect(again.generated.entries).toBe(120);
    expect(again.generated).not.toHaveProperty('generatorVersion');

    // A marker from another generator (or from before markers named one) is generated again.
    const marker = path.join(folder, 'generated.json');
    const { generatorVersion: _version, ...older } = JSON.parse(fs.readFileSync(marker, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(marker, JSON.stringify(older));
    expect((await cachedRegister(120, 4, { root })).reused).toBe(false);
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toMatchObject({ generatorVersion: GENERATOR_VERSION, entries: 120 });
  }, 240_000);
});
