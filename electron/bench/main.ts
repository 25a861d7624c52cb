import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { cachedRegister } from './cache.js';
import { runDocumentFigures, type DocumentFigures } from './document-figures.js';
import { DEFAULT_SEED } from './generator.js';
import { machine, renderTable, type Figure, type Machine } from './harness.js';
import type { RegisterFigures } from './register-figures.js';

/**
 * `npm run bench` (issue 8): what the desk costs at a million entries (`--quick`: 100,000).
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
  readonly log: (line: string) => void;
}

export interface BenchReport {
  readonly machine: Machine;
  readonly entries: number;
  readonly seed: number;
  readonly generated: { readonly seconds: number; readonly reused: boolean };
  readonly figures: readonly Figure[];
  readonly table: string;
}

const execFileAsync = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The register figures run in a child process, so its peak memory is theirs alone. */
async function registerFiguresInChild(dataDir: string, options: BenchOptions): Promise<RegisterFigures> {
  const script = path.join(here, 'register-figures.ts');
  const args = ['--import', 'tsx', script, '--data-dir', dataDir, '--runs', String(options.runs), '--warmup', String(options.warmup), '--seed', String(options.seed)];
  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 1 << 24, cwd: path.resolve(here, '../..') });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as RegisterFigures;
}

function figuresOf(r: RegisterFigures, d: DocumentFigures): Figure[] {
  const issuingRatio = r.issuing.median / r.bareInsert.median;
  const searchRatio = r.naiveSearch.median / r.searchQuery.median;
  const pdfRatio = d.certificatePdf.median / d.barePage.median;
  return [
    { name: 'issue a certificate (rules, number, insert, chain, audit)', unit: 'ms', median: r.issuing.median, p95: r.issuing.p95, target: 'p50 ≤ 2 ms', pass: r.issuing.median <= 2 },
    { name: 'bare durable one-row insert (WAL, synchronous=FULL)', unit: 'ms', median: r.bareInsert.median, p95: r.bareInsert.p95, target: 'floor', pass: null },
    { name: 'issuing ÷ bare insert (medians)', unit: 'x', total: issuingRatio, target: '≤ 3×', pass: issuingRatio <= 3 },
    {
      name: 'issuing service end to end (+ declension, signatory, templates)',
      unit: 'ms',
      median: r.issuingService.median,
      p95: r.issuingService.p95,
      target: 'reported',
      pass: null,
    },
    { name: 'name search, lowercase surname (service, with its audit row)', unit: 'ms', median: r.search.median, p95: r.search.p95, target: 'p95 ≤ 5 ms', pass: r.search.p95 <= 5 },
    { name: 'the same search, FTS query alone', unit: 'ms', median: r.searchQuery.median, p95: r.searchQuery.p95, target: 'reported', pass: null },
    { name: 'the same search the naive way (LIKE over the table)', unit: 'ms', median: r.naiveSearch.median, p95: r.naiveSearch.p95, target: 'reported', pass: null },
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
      note: 'runs after createDesk returns; it blocks the process while it runs (a worker thread would not)',
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
  options.log('Measuring documents…');
  const documents = await runDocumentFigures({ dataDir: cached.dataDir, runs: options.runs, warmup: options.warmup, journalRows: options.journalRows });
  const figures = figuresOf(register, documents);
  const about = machine();
  return {
    machine: about,
    entries: options.entries,
    seed: options.seed,
    generated: { seconds: cached.generated.seconds, reused: cached.reused },
    figures,
    table: renderTable(figures, about, options.entries),
  };
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
  --json PATH    also write the figures as JSON`;

if (isEntryPoint()) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      entries: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'string' },
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
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${report.table}\n`);
    if (values.json) {
      fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
      fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    }
  }
}
