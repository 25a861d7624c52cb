import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export interface Figure {
  readonly name: string;
  /** What the measured value is: a latency distribution, a total duration, a ratio or memory. */
  readonly unit: 'ms' | 'x' | 'MB';
  readonly median?: number;
  readonly p95?: number;
  readonly total?: number;
  readonly target: string;
  /** Null for a reference figure measured to compare with (no target of its own). */
  readonly pass: boolean | null;
  readonly note?: string;
}

export interface Sample {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the median and p95 in ms. */
export async function measure(fn: () => unknown, options: { warmup: number; runs: number }): Promise<Sample> {
  for (let i = 0; i < options.warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

/**
 * Several steps run in turn, run by run, so that each is measured under the same load as the
 * others (a ratio between them then does not drift with the machine's load).
 */
export async function interleaved<K extends string>(steps: Record<K, () => unknown>, options: { warmup: number; runs: number }): Promise<Record<K, Sample>> {
  const names = Object.keys(steps) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < options.warmup + options.runs; run += 1) {
    for (const name of names) {
      const started = process.hrtime.bigint();
      await steps[name]();
      if (run >= options.warmup) times.get(name)?.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const values = times.get(name) ?? [];
      return [name, { median: percentile(values, 50), p95: percentile(values, 95), runs: values.length }];
    }),
  ) as Record<K, Sample>;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${os.release()}`,
  };
}

function show(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = (unit === 'ms' || unit === 'x') && value < 10 ? 2 : value >= 1000 ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

/** One plain-text table: figure, median, p95 or total, target, pass/fail. */
export function renderTable(figures: readonly Figure[], about: Machine, entries: number): string {
  const header = ['figure', 'median', 'p95 / total', 'target', 'result'];
  const rows = figures.map((f) => [
    f.name,
    show(f.median, f.unit),
    show(f.p95 ?? f.total, f.unit),
    f.target,
    f.pass === null ? 'ref' : f.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const notes = figures.filter((f) => f.note).map((f) => `  * ${f.name}: ${f.note}`);
  return [
    `Machine: ${about.cpu}, ${about.cores} cores, ${about.memoryGb} GB, Node ${about.node}, ${about.platform}`,
    `Register size: ${entries.toLocaleString('en-US')} entries`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

/**
 * This process's peak resident memory in MB. On Linux it is the address space's high-water mark
 * (`VmHWM`): `getrusage`'s `maxrss` carries over the parent's resident size from the fork before
 * `exec`, so a child started by a bench that has just generated a register reported the parent's
 * memory, not its own (300–350 MB instead of ≈ 160 MB, measured).
 */
export function peakResidentMb(): number {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kilobytes !== undefined) return Number(kilobytes) / 1024;
  } catch {
    // Not Linux: no /proc; getrusage is the best available.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Whether the module at `moduleUrl` is the script node was started with (a figure run in a child). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && fs.realpathSync(script) === fs.realpathSync(fileURLToPath(moduleUrl));
}
