import fs from 'node:fs';
import { createRegisterServices, openRegister, registerPath, type RegisterDb } from '../../register/index.js';
import { kyivLocalDate } from '../../register/kyiv-time.js';
import { deskServices, readCast, setUpDesk, type DeskCast, type DeskServices } from './desk-cast.js';
import { batchInputOf, planBatches, planStart, type PlanSpec } from './plan.js';
import { canPlanOnThread, planOnThread } from './plan-thread.js';

/**
 * The synthetic register (the training register, `cli seed` and the benchmark): N entries across the central office's and two remote offices'
 * journals and several years, written through the register's own entries service — the same
 * checks, numbering, hash chain, search text and audit rows as a certificate issued at the desk —
 * in batches of one transaction each, so a million entries take minutes, not a day of fsyncs.
 */

export const DEFAULT_SEED = 1;
/** Generated registers end here unless told otherwise: a fixed instant keeps them reproducible. */
export const DEFAULT_UNTIL = new Date('2025-06-30T14:00:00.000Z');
const BATCH_SIZE = 5000;
/**
 * Entries per transaction on PostgreSQL. Every entry's trigger moves its journal's counter row on,
 * and the versions of a row one transaction updated again and again are all still there for the
 * next lookup to walk (none is dead before the commit): a transaction of n entries costs about
 * n² of them. Short transactions keep that walk short; their commits do not wait for the disk.
 */
const POSTGRES_TRANSACTION_SIZE = 100;
/** From this many entries the plan is made on a second thread: starting one costs about a second. */
const THREAD_FROM = 20_000;
const DAY_MS = 86_400_000;

export interface GenerateOptions {
  readonly dataDir: string;
  readonly entries: number;
  readonly seed?: number;
  /** The last entry's instant at the latest (default `DEFAULT_UNTIL`). */
  readonly until?: Date;
  /** How many days back from `until` the register reaches; by default 3 to 20 years, about 50,000 entries a year. */
  readonly days?: number;
  readonly onProgress?: (written: number, total: number) => void;
  /**
   * The register to fill: an empty one, e.g. on a PostgreSQL server. It stays open (its owner
   * closes it). By default the SQLite register file in `dataDir`, opened and closed here.
   */
  readonly register?: RegisterDb;
  /**
   * Plan the entries on a second thread while this one writes them (the same plan). By default
   * from `THREAD_FROM` entries, when the TypeScript sources run under tsx (`canPlanOnThread`).
   */
  readonly planningThread?: boolean;
}

export interface GenerateResult {
  readonly entries: number;
  readonly handovers: number;
  readonly annulments: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly seconds: number;
}

function defaultDays(entries: number): number {
  const years = Math.min(20, Math.max(3, Math.ceil(entries / 50_000)));
  return years * 365;
}

function isEmptyDataDir(dataDir: string): boolean {
  return !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
}

interface OpenedRegister {
  readonly db: RegisterDb;
  readonly services: DeskServices;
  setClock(at: Date): void;
}

function openSynthetic(db: RegisterDb, dataDir: string, at: Date): OpenedRegister {
  let clock = at;
  const now = () => clock;
  // A bulk load touches the indexes all over; a larger page cache for this connection only.
  db.sqlite?.pragma('cache_size = -262144');
  // Statement journals (each trigger-checked insert may roll back alone) in memory, not in a temp
  // file: they are not part of the register's durability (WAL) and the file writes were a sixth of
  // the load's time.
  db.sqlite?.pragma('temp_store = MEMORY');
  // Each batch is committed to the WAL without waiting for the disk (checkpoints still sync): a
  // power cut may lose the last batches but never breaks the file. The register is synthetic
  // and the bench cache marks a folder complete only after the last batch (see cache.ts).
  db.sqlite?.pragma('synchronous = NORMAL');
  const register = createRegisterServices({ db, dataDir, now });
  return { db, services: deskServices(register, db, now), setClock: (next) => (clock = next) };
}

type FillOptions = Required<Omit<GenerateOptions, 'onProgress' | 'register' | 'planningThread'>> & Pick<GenerateOptions, 'onProgress'> & { planningThread: boolean };

async function fill(opened: OpenedRegister, options: FillOptions): Promise<GenerateResult> {
  const started = process.hrtime.bigint();
  const from = planStart(options);
  opened.setClock(new Date(from.getTime() - DAY_MS));
  const since = kyivLocalDate(new Date(from.getTime() - 400 * DAY_MS));
  const midway = kyivLocalDate(new Date((from.getTime() + options.until.getTime()) / 2));
  const cast = await setUpDesk(opened.services, since, midway);
  const spec: PlanSpec = { cast, seed: options.seed, entries: options.entries, until: options.until, days: options.days, batchSize: BATCH_SIZE };
  let written = 0;
  let handovers = 0;
  let annulments = 0;
  let first: Date | undefined;
  let last: Date | undefined;
  for await (const planned of options.planningThread ? planOnThread(spec) : planBatches(spec)) {
    const batch = planned.map((item) => batchInputOf(item, cast));
    handovers += batch.filter((item) => item.handover).length;
    annulments += batch.filter((item) => item.annulment).length;
    first ??= batch[0]?.at;
    last = batch.at(-1)?.at ?? last;
    const size = opened.db.dialect === 'postgres' ? POSTGRES_TRANSACTION_SIZE : batch.length;
    for (let start = 0; start < batch.length; start += size) await opened.services.register.entries.appendBatch(batch.slice(start, start + size));
    written += batch.length;
    options.onProgress?.(written, options.entries);
  }
  // The journals' signed checkpoints, so a synthetic register verifies as an issued one does.
  await opened.services.register.checkpoints.flush();
  opened.setClock(options.until);
  return {
    entries: written,
    handovers,
    annulments,
    firstDate: kyivLocalDate(first ?? from),
    lastDate: kyivLocalDate(last ?? options.until),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/**
 * Creates a synthetic register in an empty data folder: setup (requisites, offices, journals,
 * users, signatories, bodies) and `entries` entries. Deterministic for a seed, up to the ids the
 * setup services draw (offices, journals, users, directory rows): see `registerDigest`.
 */
export async function generateRegister(options: GenerateOptions): Promise<GenerateResult> {
  if (!options.register && !isEmptyDataDir(options.dataDir)) throw new Error(`${options.dataDir} is not empty: a synthetic register is made in an empty folder`);
  if (!Number.isInteger(options.entries) || options.entries < 1) throw new Error('entries must be a positive whole number');
  const until = options.until ?? DEFAULT_UNTIL;
  const opened = openSynthetic(options.register ?? openRegister(registerPath(options.dataDir)), options.dataDir, until);
  try {
    return await fill(opened, {
      dataDir: options.dataDir,
      entries: options.entries,
      seed: options.seed ?? DEFAULT_SEED,
      until,
      days: options.days ?? defaultDays(options.entries),
      onProgress: options.onProgress,
      planningThread: options.planningThread ?? (options.entries >= THREAD_FROM && canPlanOnThread()),
    });
  } finally {
    if (!options.register) await opened.db.close();
  }
}

export const TRAINING_ENTRIES = 600;
const TRAINING_SEED = 2025;

/**
 * Training mode (`--demo`, a throwaway register to learn on): a realistic month of work — about 600 entries over the
 * last 30 days in three offices, with handovers, annulments, refusals and certifications of
 * committee certificates — in an empty data folder. A folder that already holds a register is
 * left as it is (the trainee's own practice stays). Sign in as `head`, `admin1`, `admin2`,
 * `poloshky` or `bereza` with `SEED_PASSWORD`.
 */
export async function seedTrainingRegister(dataDir: string, options: { now: Date }): Promise<GenerateResult | null> {
  if (!isEmptyDataDir(dataDir)) return null;
  return generateRegister({
    dataDir,
    entries: TRAINING_ENTRIES,
    seed: TRAINING_SEED,
    until: new Date(options.now.getTime() - 60 * 60_000),
    days: 30,
  });
}

/**
 * A register's services for reading a seeded register back (the bench, tests): the SQLite file in
 * `dataDir`, or `register` when given (a server's).
 */
export async function openSeeded(
  dataDir: string,
  now: () => Date = () => new Date(),
  register?: RegisterDb,
): Promise<{ db: RegisterDb; services: DeskServices; cast: DeskCast }> {
  const db = register ?? openRegister(registerPath(dataDir));
  const services = deskServices(createRegisterServices({ db, dataDir, now }), db, now);
  return { db, services, cast: await readCast(services) };
}
