import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegisterServices } from '../register/index.js';
import { connectPostgresRegister } from '../register/postgres/register-db.js';
import { insertAudit } from '../register/repositories/audit.js';
import { searchEntryRecords } from '../register/repositories/entries.js';
import type { Sql } from '../register/sql.js';
import { generateRegister, openSeeded } from '../app/synthetic/generator.js';
import { interleaved, type Sample } from './harness.js';
import { ISSUING_WARMUP, issuingStep, nameSearchFigures } from './register-figures.js';

/**
 * Issuing and name search on a PostgreSQL register, beside the embedded one:
 * the same generator fills an empty, migrated database through the same services (first run
 * only), and the same steps are measured. Issuing is compared with the server's own floor, a
 * bare durable one-row insert on the same server, run by run; search with SQLite's figure from
 * the same run. What only a file has (opening, quick_check) stays with SQLite.
 */

export interface PostgresFigures {
  /** Entries in the server's register when measured. */
  readonly entries: number;
  /** Seconds the generator took, or null when the database was filled by an earlier run. */
  readonly generatedSeconds: number | null;
  readonly issuing: Sample;
  /** One row inserted and committed on its own (a round trip and the server's WAL flush), beside each issue. */
  readonly bareInsert: Sample;
  readonly issuingWarmup: number;
  readonly search: Sample;
  readonly searchQuery: Sample;
  readonly readAuditFlush: { readonly ms: number; readonly rows: number };
}

export interface PostgresFigureOptions {
  /** An empty, migrated database (or one an earlier run filled), as the application role. */
  readonly url: string;
  readonly entries: number;
  readonly seed: number;
  readonly runs: number;
  readonly warmup: number;
  readonly log: (line: string) => void;
}

export async function runPostgresFigures(options: PostgresFigureOptions): Promise<PostgresFigures> {
  const db = await connectPostgresRegister({ url: options.url, applicationName: 'cnap-bench' });
  // The services want a data folder (backups); nothing of the register is kept in it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnap-bench-pg-'));
  try {
    let generatedSeconds: number | null = null;
    if ((await createRegisterServices({ db, dataDir }).setup.status()).needsSetup) {
      const started = Date.now();
      const generated = await generateRegister({
        dataDir,
        entries: options.entries,
        seed: options.seed,
        register: db,
        onProgress: (written, total) => {
          if (written % 50_000 === 0 || written === total) options.log(`  PostgreSQL: generated ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.round((Date.now() - started) / 1000)} s)`);
        },
      });
      generatedSeconds = generated.seconds;
    }
    const entries = (await searchEntryRecords(db, { limit: 1, offset: 0 })).total;
    const seeded = await openSeeded(dataDir, () => new Date(), db);
    const issuingWarmup = Math.max(options.warmup, ISSUING_WARMUP);
    const steps = { bareInsert: () => bareInsert(db), issuing: await issuingStep(seeded, { runs: options.runs, warmup: issuingWarmup }) };
    const { issuing, bareInsert: bare } = await interleaved(steps, { warmup: issuingWarmup, runs: options.runs });
    const search = await nameSearchFigures(seeded, options);
    return { entries, generatedSeconds, issuing, bareInsert: bare, issuingWarmup, ...search };
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server's floor: one audit row, the smallest append-only row the application role may
 * write, in a transaction of its own (autocommit: one round trip, the commit waits for the WAL to
 * reach the disk, as an issue's does). Its action says it was the bench's, in a synthetic register.
 */
async function bareInsert(db: Sql): Promise<void> {
  await insertAudit(db, { at: new Date().toISOString(), userId: null, action: 'bench.bare_insert', entity: 'bench', entityId: null, summary: 'floor' });
}
