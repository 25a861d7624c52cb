import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { cachedRegister } from './cache.js';
import type { DocumentFigures } from './document-figures.js';
import { DEFAULT_SEED } from '../app/synthetic/generator.js';
import { machine, renderTable, type Figure, type Machine } from './harness.js';
import { runPostgresFigures, type PostgresFigures } from './postgres-figures.js';
import type { RegisterFigures } from './register-figures.js';

/**
 * `npm run bench`: what the desk costs at a million entries (`--quick`: 100,000).
 * Prints one table — figure, median, p95 or total, target, pass/fail — with the machine, and
 * writes the same as JSON to `--json <path>`. Timings are measured here, never asserted in tests.
 */

export interface BenchOptions {
  readonly entries: number;
  readonly seed: number;
  readonly runs: number;
  readonly warmup: number;
  /** Where generated registers are kept (default: the system's temporary folder). */
  readonly cacheRoot?: string;
  readonly journalRows: number;
  /** Also measure issuing and search on this PostgreSQL database (empty and migrated, or filled by an earlier run). */
  readonly postgresUrl?: string;
  readonly log: (line: string) => void;
}

export interface BenchReport {
  readonly machine: Machine;
  readonly entries: number;
  readonly seed: number;
  readonly generated: { readonly seconds: number; readonly reused: boolean };
  /** The PostgreSQL register: seconds to generate it (null when an earlier run did) and its size. */
  readonly postgresGenerated?: { readonly seconds: number | null; readonly entries: number };
  readonly figures: readonly Figure[];
  readonly table: string;
}

const execFileAsync = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The register's and the documents' figures each run in a child process of their own: its peak
 * memory is theirs alone, and neither is measured in a heap that has just generated a register.
 */
async function figuresInChild<T>(script: string, args: readonly string[]): Promise<T> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], {
    maxBuffer: 1 << 24,
    cwd: path.resolve(here, '../..'),
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
}

function registerFiguresInChild(dataDir: string, options: BenchOptions): Promise<RegisterFigures> {
  return figuresInChild('register-figures.ts', ['--data-dir', dataDir, '--runs', String(options.runs), '--warmup', String(options.warmup), '--seed', String(options.seed)]);
}

function documentFiguresInChild(dataDir: string, options: BenchOptions): Promise<DocumentFigures> {
  return figuresInChild('document-figures.ts', ['--data-dir', dataDir, '--runs', String(options.runs), '--warmup', String(options.warmup), '--journal-rows', String(options.journalRows)]);
}

function figuresOf(r: RegisterFigures, d: DocumentFigures): Figure[] {
  const issuingRatio = r.issuing.median / r.bareInsert.median;
  const searchRatio = r.naiveSearch.median / r.searchQuery.median;
  const pdfRatio = d.certificatePdf.median / d.barePage.median;
  return [
    { name: 'issue a certificate (rules, number, insert, chain, audit)', unit: 'ms', median: r.issuing.median, p95: r.issuing.p95, target: 'p50 ≤ 2 ms', pass: r.issuing.median <= 2, note: `after ${r.issuingWarmup} issues in the same process (a desk issues all day in one); the first ones are the «JIT cold» row` },
    { name: 'bare durable one-row insert (WAL, synchronous=FULL)', unit: 'ms', median: r.bareInsert.median, p95: r.bareInsert.p95, target: 'floor', pass: null },
    { name: 'issuing ÷ bare insert (medians)', unit: 'x', total: issuingRatio, target: '≤ 3×', pass: issuingRatio <= 3 },
    {
      name: 'signed checkpoint per issue (root, Ed25519, log fsync)',
      unit: 'ms',
      median: r.checkpoint.median,
      p95: r.checkpoint.p95,
      target: 'reported',
      pass: null,
      note: 'written after the commit on the next turn of the event loop, off the issuing path (not in the issuing row); issues faster than that share one',
    },
    { name: 'signed checkpoint ÷ bare insert (medians)', unit: 'x', total: r.checkpoint.median / r.bareInsert.median, target: 'reported', pass: null },
    {
      name: 'issuing, the first runs after opening (JIT cold)',
      unit: 'ms',
      median: r.issuingCold.median,
      p95: r.issuingCold.p95,
      target: 'reported',
      pass: null,
      note: `${r.issuingCold.runs} runs before the warm-up; the bare insert beside them: ${r.bareInsertCold.median.toFixed(2)} ms (${(r.issuingCold.median / r.bareInsertCold.median).toFixed(1)}×)`,
    },
    {
      name: 'issuing service end to end (+ declension, signatory, templates)',
      unit: 'ms',
      median: r.issuingService.median,
      p95: r.issuingService.p95,
      target: 'reported',
      pass: null,
    },
    {
      name: 'name search, lowercase surname (service, audit row queued)',
      unit: 'ms',
      median: r.search.median,
      p95: r.search.p95,
      target: 'p95 ≤ 5 ms',
      pass: r.search.p95 <= 5,
      note:
        `${r.search.runs} surnames drawn as often as the generator gives them, matching ${r.searchHits.median.toLocaleString('en-US')} entries at the median, ` +
        `${r.searchHits.max.toLocaleString('en-US')} at most («${r.searchHits.maxWord}»: a prefix, it also finds the longer words it begins, names, patronymics or streets); ` +
        `their ${r.readAuditFlush.rows} audit rows written afterwards in one transaction: ${r.readAuditFlush.ms.toFixed(1)} ms (the desk writes its queue once a second)`,
    },
    {
      name: 'name search, the commonest prefix (worst case)',
      unit: 'ms',
      median: r.searchCommonest.median,
      p95: r.searchCommonest.p95,
      target: 'reported',
      pass: null,
      note: `«${r.commonestWord}», ${r.commonestHits.toLocaleString('en-US')} entries match: of the 20 commonest surnames, the one whose prefix finds the most`,
    },
    { name: 'the same search, FTS query alone', unit: 'ms', median: r.searchQuery.median, p95: r.searchQuery.p95, target: 'reported', pass: null, note: 'the same surnames in the same order as the service search' },
    {
      name: 'the same search the naive way (LIKE over the table)',
      unit: 'ms',
      median: r.naiveSearch.median,
      p95: r.naiveSearch.p95,
      target: 'reported',
      pass: null,
      note: `${r.naiveSearch.runs} of the same surnames as written (LIKE does not fold Cyrillic case)`,
    },
    { name: 'naive ÷ FTS (medians)', unit: 'x', total: searchRatio, target: 'reported', pass: null },
    {
      name: 'prefix «ко» on a freshly opened register',
      unit: 'ms',
      median: r.prefixFresh.median,
      p95: r.prefixFresh.p95,
      target: 'p95 ≤ 20 ms',
      pass: r.prefixFresh.p95 <= 20,
      note: `${r.prefixHits.toLocaleString('en-US')} entries match`,
    },
    { name: 'open the register and become ready', unit: 'ms', median: r.open.median, p95: r.open.p95, target: 'p95 ≤ 50 ms', pass: r.open.p95 <= 50 },
    {
      name: 'integrity check (quick_check), off the start path',
      unit: 'ms',
      total: r.quickCheckMs,
      target: 'reported',
      pass: null,
      note: 'runs after createDesk returns, in a worker thread: the desk keeps answering while it runs',
    },
    { name: 'one certificate PDF (printing service)', unit: 'ms', median: d.certificatePdf.median, p95: d.certificatePdf.p95, target: 'p50 ≤ 25 ms', pass: d.certificatePdf.median <= 25 },
    {
      name: 'the same certificate drawn as a preview (no audit, no signature)',
      unit: 'ms',
      median: d.certificateDrawing.median,
      p95: d.certificateDrawing.p95,
      target: 'reported',
      pass: null,
    },
    { name: 'bare pdfkit page, same font and text', unit: 'ms', median: d.barePage.median, p95: d.barePage.p95, target: 'floor', pass: null },
    { name: 'certificate PDF ÷ bare page (medians)', unit: 'x', total: pdfRatio, target: '≤ 2×', pass: pdfRatio <= 2 },
    {
      name: `journal pages, ${d.journalRows.toLocaleString('en-US')} entries`,
      unit: 'ms',
      median: d.journalPages.median,
      total: d.journalPages.p95,
      target: '≤ 5 s',
      pass: d.journalPages.p95 <= 5000,
      note: `${(d.journalBytes / 1024 / 1024).toFixed(1)} MB PDF; the slowest run in the p95 column; reading the entries alone: ${d.journalRead.median.toFixed(0)} ms`,
    },
    {
      name: 'peak resident memory, search and issuing',
      unit: 'MB',
      total: r.peakRssMb,
      target: '≤ 200 MB',
      pass: r.peakRssMb <= 200,
      note: `${r.peakRssWithDeclinerMb.toFixed(0)} MB once the issuing service has loaded the decliner (shevchenko)`,
    },
  ];
}

/**
 * The PostgreSQL register's figures. Its targets are ratios taken in the same run: issuing against
 * a bare durable insert on the same server, search against SQLite's figure on the same machine.
 */
function postgresFiguresOf(p: PostgresFigures, r: RegisterFigures, entries: number): Figure[] {
  const size = p.entries === entries ? '' : ` (${p.entries.toLocaleString('en-US')} entries)`;
  const issuingRatio = p.issuing.median / p.bareInsert.median;
  const searchRatio = p.search.p95 / r.search.p95;
  return [
    { name: `PostgreSQL: issue a certificate${size}`, unit: 'ms', median: p.issuing.median, p95: p.issuing.p95, target: 'reported', pass: null, note: `after ${p.issuingWarmup} issues, interleaved run by run with the bare insert` },
    { name: 'PostgreSQL: bare durable one-row insert (same server)', unit: 'ms', median: p.bareInsert.median, p95: p.bareInsert.p95, target: 'floor', pass: null, note: 'one audit row in its own transaction: a round trip and the WAL flush' },
    { name: 'PostgreSQL: issuing ÷ bare insert (medians)', unit: 'x', total: issuingRatio, target: '≤ 3×', pass: issuingRatio <= 3 },
    { name: `PostgreSQL: name search (service, audit row queued)${size}`, unit: 'ms', median: p.search.median, p95: p.search.p95, target: 'reported', pass: null, note: `the same ${p.search.runs} surnames as SQLite's row; word table (PostgreSQL migration 9)` },
    { name: 'PostgreSQL: name search p95 ÷ SQLite name search p95', unit: 'x', total: searchRatio, target: '≤ 2×', pass: searchRatio <= 2 },
    { name: 'PostgreSQL: the same search, word-table query alone', unit: 'ms', median: p.searchQuery.median, p95: p.searchQuery.p95, target: 'reported', pass: null },
  ];
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = Date.now();
  const cached = await cachedRegister(options.entries, options.seed, {
    ...(options.cacheRoot ? { root: options.cacheRoot } : {}),
    onProgress: (written, total) => {
      if (written % 50_000 === 0 || written === total) options.log(`  generated ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.round((Date.now() - started) / 1000)} s)`);
    },
  });
  options.log(cached.reused ? `Register reused from ${cached.dataDir}` : `Register generated in ${cached.generated.seconds.toFixed(0)} s at ${cached.dataDir}`);
  options.log('Measuring the register (child process)…');
  const register = await registerFiguresInChild(cached.dataDir, options);
  options.log('Measuring documents (child process)…');
  const documents = await documentFiguresInChild(cached.dataDir, options);
  const postgres = options.postgresUrl ? await postgresFigures(options.postgresUrl, options) : undefined;
  const figures = [...figuresOf(register, documents), ...(postgres ? postgresFiguresOf(postgres, register, options.entries) : [])];
  const about = machine();
  return {
    machine: about,
    entries: options.entries,
    seed: options.seed,
    generated: { seconds: cached.generated.seconds, reused: cached.reused },
    ...(postgres ? { postgresGenerated: { seconds: postgres.generatedSeconds, entries: postgres.entries } } : {}),
    figures,
    table: renderTable(figures, about, options.entries),
  };
}

async function postgresFigures(url: string, options: BenchOptions): Promise<PostgresFigures> {
  options.log('Measuring the PostgreSQL register…');
  const figures = await runPostgresFigures({ url, entries: options.entries, seed: options.seed, runs: options.runs, warmup: options.warmup, log: options.log });
  options.log(figures.generatedSeconds === null ? 'PostgreSQL register reused' : `PostgreSQL register generated in ${figures.generatedSeconds.toFixed(0)} s`);
  return figures;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && fs.realpathSync(script) === fs.realpathSync(fileURLToPath(import.meta.url));
}

const HELP = `npm run bench -- [--quick] [--entries N] [--seed S] [--runs R] [--json PATH]

  --quick        100,000 entries instead of 1,000,000
  --entries N    any other size
  --seed S       generator seed (default ${DEFAULT_SEED}); the register is cached per size and seed
  --runs R       measured runs per figure after the warm-up (default 30)
  --json PATH    also write the figures as JSON
  --postgres URL also measure issuing and search on a PostgreSQL register: an empty, migrated
                 database (filled by the same generator at the same size on first use), as the
                 application role; issuing is compared with a bare insert on the same server,
                 search with SQLite's figure from the same run`;

if (isEntryPoint()) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      entries: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'string' },
      postgres: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
  } else {
    const report = await runBench({
      entries: Number(values.entries ?? (values.quick ? 100_000 : 1_000_000)),
      seed: Number(values.seed ?? DEFAULT_SEED),
      runs: Number(values.runs ?? 30),
      warmup: 5,
      journalRows: 10_000,
      ...(values.postgres ? { postgresUrl: values.postgres } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${report.table}\n`);
    if (values.json) {
      fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
      fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    }
  }
}
