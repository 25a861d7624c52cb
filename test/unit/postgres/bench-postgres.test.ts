import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runBench } from '../../../electron/bench/main.js';
import { createTestDatabase } from '../../support/postgres/cluster.js';
import { describePostgres, useTestCluster } from '../../support/postgres/vitest.js';

/** The PostgreSQL figures `npm run bench -- --postgres URL` adds; timings are never asserted, only that each is measured. */
const POSTGRES_FIGURES = [
  /^PostgreSQL: issue a certificate/,
  /^PostgreSQL: bare durable one-row insert/,
  /^PostgreSQL: issuing ÷ bare insert/,
  /^PostgreSQL: name search \(service/,
  /^PostgreSQL: name search p95 ÷ SQLite/,
  /^PostgreSQL: the same search, word-table query alone/,
];

describePostgres('npm run bench -- --postgres (smoke, tiny register)', () => {
  useTestCluster();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-bench-pg-smoke-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fills the server with the bulk loader, then measures each ratio against its floor in the same run', async () => {
    const database = await createTestDatabase();
    try {
      const report = await runBench({ entries: 150, seed: 3, runs: 2, warmup: 1, cacheRoot: root, journalRows: 20, postgresUrl: database.appUrl, log: () => undefined });
      expect(report.postgresGenerated).toMatchObject({ entries: 150 });
      expect(report.postgresGenerated?.seconds).toBeGreaterThan(0);
      for (const pattern of POSTGRES_FIGURES) {
        const figure = report.figures.find((candidate) => pattern.test(candidate.name));
        expect(figure, String(pattern)).toBeDefined();
        expect(Number.isFinite(figure?.median ?? figure?.total), String(pattern)).toBe(true);
      }
      // A second run reuses the filled server (with the certificates the first one issued).
      const again = await runBench({ entries: 150, seed: 3, runs: 1, warmup: 0, cacheRoot: root, journalRows: 20, postgresUrl: database.appUrl, log: () => undefined });
      expect(again.postgresGenerated?.seconds).toBeNull();
      expect(again.postgresGenerated?.entries).toBeGreaterThan(150);
    } finally {
      await database.drop();
    }
  }, 600_000);
});
