import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../../../electron/bench/main.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-bench-smoke-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The issue's figures; timings are never asserted here — only that each one is measured. */
const FIGURES = [
  /^issue a certificate/,
  /^bare durable one-row insert/,
  /^issuing ÷ bare insert/,
  /^issuing, the first runs after opening/,
  /^issuing service end to end/,
  /^signed checkpoint per issue/,
  /^signed checkpoint ÷ bare insert/,
  /^name search, lowercase surname/,
  /^name search, the commonest prefix/,
  /^the same search, FTS query alone/,
  /^the same search the naive way/,
  /^naive ÷ FTS/,
  /^prefix «ко» on a freshly opened register/,
  /^open the register and become ready/,
  /^integrity check/,
  /^one certificate PDF/,
  /^the same certificate drawn as a preview/,
  /^bare pdfkit page/,
  /^certificate PDF ÷ bare page/,
  /^journal pages, /,
  /^peak resident memory/,
];

describe('npm run bench (smoke, tiny register)', () => {
  it('measures every figure and reports them as JSON with the machine', async () => {
    const report = await runBench({ entries: 200, seed: 3, runs: 2, warmup: 1, cacheRoot: root, journalRows: 50, log: () => undefined });
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.entries).toBe(200);
    expect(json.figures.map((figure) => figure.name)).toHaveLength(FIGURES.length);
    for (const pattern of FIGURES) {
      const figure = json.figures.find((candidate) => pattern.test(candidate.name));
      expect(figure, String(pattern)).toBeDefined();
      const value = figure?.median ?? figure?.total ?? figure?.p95;
      expect(Number.isFinite(value), String(pattern)).toBe(true);
      expect(typeof figure?.target).toBe('string');
    }
    expect(report.table).toContain('Machine:');
    // The worst case names the commonest prefix and how many entries it matched.
    expect(json.figures.find((figure) => figure.name.startsWith('name search, the commonest prefix'))?.note).toMatch(/^«\p{Ll}+», [\d,]+ entries match/u);
    const again = await runBench({ entries: 200, seed: 3, runs: 1, warmup: 0, cacheRoot: root, journalRows: 50, log: () => undefined });
    expect(again.generated.reused).toBe(true);
  }, 300_000);
});
