import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { SessionUser } from '../ipc/handler-types.js';
import { createDecliner } from '../declension/decliner.js';
import { createRegisterServices, openRegister, registerPath, type RegisterDb } from '../register/index.js';
import { kyivLocalDate } from '../register/kyiv-time.js';
import { chainPage, getEntryRecord } from '../register/repositories/entries.js';
import type { BatchEntryInput } from '../register/services/entries.js';
import { plannedCertificate, plannedCertification, plannedRefusal, type ContentContext, type PlannedEntry } from './contents.js';
import { prepareDeclension } from './declension.js';
import { deskServices, readCast, setUpDesk, type CastOffice, type DeskCast, type DeskServices } from './desk-cast.js';
import { householdOf } from './people.js';
import { Random } from './random.js';

/**
 * The synthetic register (issue 8): N entries across the central office's and two remote offices'
 * journals and several years, written through the register's own entries service — the same
 * checks, numbering, hash chain, search text and audit rows as a certificate issued at the desk —
 * in batches of one transaction each, so a million entries take minutes, not a day of fsyncs.
 */

export const DEFAULT_SEED = 1;
/** Generated registers end here unless told otherwise: a fixed instant keeps them reproducible. */
export const DEFAULT_UNTIL = new Date('2025-06-30T14:00:00.000Z');
const BATCH_SIZE = 5000;
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

/** Monday to Friday between two instants (UTC midnight of each day). */
function workingDays(from: Date, until: Date): number[] {
  const days: number[] = [];
  for (let day = Math.floor(from.getTime() / DAY_MS) * DAY_MS; day <= until.getTime(); day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/**
 * When entry `i` of `n` is written: spread evenly over the working days, within the working day
 * (08:00–17:00 in Kyiv, roughly 06:00–15:00 UTC), always later than entry `i − 1`.
 */
function instantsOver(days: readonly number[], n: number, random: Random, until: Date): (i: number) => Date {
  const firstOfDay = (d: number) => Math.ceil((d * n) / days.length);
  return (i) => {
    const d = Math.floor((i * days.length) / n);
    const start = firstOfDay(d);
    const perDay = Math.max(1, firstOfDay(d + 1) - start);
    const slot = (9 * 3_600_000) / perDay;
    const at = (days[d] ?? 0) + 6 * 3_600_000 + (i - start) * slot + random.float() * slot * 0.9;
    return new Date(Math.min(Math.floor(at), until.getTime() - (n - i)));
  };
}

const ANNULMENT_REASONS = [
  'Помилка в даті народження особи',
  'Невірно зазначено адресу (номер будинку)',
  'Помилка у прізвищі члена сімʼї',
  'Помилково зазначено мету видачі довідки',
  'Заявник відмовився від отримання довідки',
];

/** One office's households: about two and a half entries per household over the register's life. */
function householdCount(office: CastOffice, entries: number): number {
  return Math.max(30, Math.round((entries * office.share) / 2.5));
}

interface Planner {
  next(i: number): BatchEntryInput;
}

/**
 * `kyivLocalDate` remembered for the last UTC hour asked: Kyiv's offset from UTC is whole hours,
 * so no UTC hour spans two Kyiv dates, and entries come in time order (a tenth of the planning).
 */
function kyivDateByHour(): (at: Date) => string {
  let hour = Number.NaN;
  let date = '';
  return (at) => {
    const atHour = Math.floor(at.getTime() / 3_600_000);
    if (atHour !== hour) {
      hour = atHour;
      date = kyivLocalDate(at);
    }
    return date;
  };
}

function planner(cast: DeskCast, content: ContentContext, seed: number, entries: number, instantOf: (i: number) => Date, until: Date): Planner {
  const random = new Random(seed);
  const officeChoices = cast.offices.map((office) => [office, office.share] as const);
  const localDateOf = kyivDateByHour();
  return {
    next(i) {
      const at = instantOf(i);
      const date = localDateOf(at);
      const office = random.weighted(officeChoices);
      const householdIndex = random.int(0, householdCount(office, entries) - 1);
      const territoryIndex = cast.offices.indexOf(office);
      const household = householdOf(seed * 31 + territoryIndex, householdIndex, office.territory);
      const sort = random.weighted([['certificate', 72], ['certification', 18], ['refusal', 10]] as const);
      const make = sort === 'certificate' ? plannedCertificate : sort === 'certification' ? plannedCertification : plannedRefusal;
      const planned: PlannedEntry = make(content, random, household, date, office.signatory);
      const user: SessionUser = office.users.length > 1 ? random.weighted(office.users.map((u) => [u, u.role === 'head' ? 1 : 4] as const)) : (office.users[0] ?? cast.head);
      const later = (minMinutes: number, maxMinutes: number) => new Date(at.getTime() + random.int(minMinutes, maxMinutes) * 60_000);
      const annulledAt = sort !== 'refusal' && random.chance(0.012) ? later(10, 2 * 24 * 60) : undefined;
      const handedAt = sort !== 'refusal' && !annulledAt && random.chance(0.9) ? later(5, 3 * 24 * 60) : undefined;
      return {
        journalId: office.journalId,
        content: planned.content,
        user,
        gate: planned.gate,
        at,
        id: uuidv7({ msecs: at.getTime(), random: random.bytes(16) }),
        // What has not happened by `until` has not happened: recent documents still wait for their owners.
        ...(handedAt && handedAt < until ? { handover: { at: handedAt, receivedBy: planned.recipient.receivedBy, recipientName: planned.recipient.name } } : {}),
        ...(annulledAt && annulledAt < until ? { annulment: { at: annulledAt, reason: random.pick(ANNULMENT_REASONS) } } : {}),
      };
    },
  };
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

async function fill(opened: OpenedRegister, options: Required<Omit<GenerateOptions, 'onProgress' | 'register'>> & Pick<GenerateOptions, 'onProgress'>): Promise<GenerateResult> {
  const started = process.hrtime.bigint();
  const from = new Date(options.until.getTime() - options.days * DAY_MS);
  const days = workingDays(from, options.until);
  opened.setClock(new Date(from.getTime() - DAY_MS));
  const since = kyivLocalDate(new Date(from.getTime() - 400 * DAY_MS));
  const midway = kyivLocalDate(new Date((from.getTime() + options.until.getTime()) / 2));
  const cast = await setUpDesk(opened.services, since, midway);
  const declension = await prepareDeclension(createDecliner());
  const content: ContentContext = { declension, registerDepartment: cast.registerDepartment, bodies: cast.bodies };
  const timeline = instantsOver(days, options.entries, new Random(options.seed ^ 0x5eed), options.until);
  const plan = planner(cast, content, options.seed, options.entries, timeline, options.until);
  let handovers = 0;
  let annulments = 0;
  for (let start = 0; start < options.entries; start += BATCH_SIZE) {
    const batch: BatchEntryInput[] = [];
    for (let i = start; i < Math.min(options.entries, start + BATCH_SIZE); i += 1) batch.push(plan.next(i));
    handovers += batch.filter((item) => item.handover).length;
    annulments += batch.filter((item) => item.annulment).length;
    await opened.services.register.entries.appendBatch(batch);
    options.onProgress?.(start + batch.length, options.entries);
  }
  opened.setClock(options.until);
  return {
    entries: options.entries,
    handovers,
    annulments,
    firstDate: kyivLocalDate(timeline(0)),
    lastDate: kyivLocalDate(timeline(Math.max(0, options.entries - 1))),
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
    });
  } finally {
    if (!options.register) await opened.db.close();
  }
}

export const TRAINING_ENTRIES = 600;
const TRAINING_SEED = 2025;

/**
 * Training mode (`--demo`, issue 7 §7): a realistic month of work — about 600 entries over the
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * SHA-256 over every journal's entries (numbers, instants, content, creator, handover and
 * annulment) with the setup's ids replaced by stable names (office code, login, directory row
 * names), so two registers generated with the same seed have the same digest.
 */
export async function registerDigest(db: RegisterDb, services: DeskServices, cast: DeskCast): Promise<string> {
  const names = new Map<string, string>();
  for (const office of cast.offices) {
    names.set(office.officeId, `office:${office.code}`);
    names.set(office.journalId, `journal:${office.code}`);
    names.set(office.signatory.signatoryId, `signatory:${office.code}`);
  }
  for (const user of await services.register.users.list(cast.head)) names.set(user.id, `user:${user.login}`);
  for (const body of cast.bodies) names.set(body.id, `body:${body.history.name}`);
  const stable = (text: string) => text.replace(UUID, (id) => names.get(id) ?? id);
  const hash = createHash('sha256');
  for (const office of cast.offices) {
    let after = { year: 0, number: 0 };
    for (;;) {
      const rows = await chainPage(db, office.journalId, after, 1_000);
      for (const row of rows) {
        // Read through the repository: the service's getEntry would log a view per entry.
        const { handover, annulment } = (await getEntryRecord(db, row.id)) ?? {};
        hash.update(stable(JSON.stringify([row.id, row.printedNumber, row.createdAt, row.localDate, row.sort, row.kindsJson, row.createdBy, row.contentJson, handover, annulment])));
        after = { year: row.year, number: row.number };
      }
      if (rows.length < 1_000) break;
    }
  }
  return hash.digest('hex');
}
