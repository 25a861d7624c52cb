import { parseArgs } from 'node:util';
import { certificateDraftSchema } from '../../shared/contract/channels/entries.js';
import type { CertificateContent, EntryContent } from '../../shared/domain/entry.js';
import { assertIssuable } from '../../shared/rules/checklist.js';
import { defaultTemplates } from '../../shared/rules/default-templates.js';
import { createIssuingService } from '../app/issuing.js';
import { createDecliner } from '../declension/decliner.js';
import { createRegisterServices, openRegister, registerPath, type RegisterDb } from '../register/index.js';
import { kyivLocalDate } from '../register/kyiv-time.js';
import { likeSearchEntryRecords, searchEntryRecords } from '../register/repositories/entries.js';
import { searchWords } from '../register/search-text.js';
import { openBareInsert } from './baseline.js';
import { deskServices, type CastOffice, type DeskCast } from '../app/synthetic/desk-cast.js';
import { openSeeded } from '../app/synthetic/generator.js';
import { interleaved, isEntryPoint, measure, peakResidentMb, percentile, type Sample } from './harness.js';
import { Random } from '../app/synthetic/random.js';
import { drawSurname, SURNAMES } from '../app/synthetic/surnames.js';

/**
 * The register's figures at a million entries: issuing, search, opening. Run in a process of their own, so
 * the peak resident memory reported is what searching and issuing cost, not the generator's.
 */

export interface RegisterFigures {
  readonly bareInsert: Sample;
  /** appendEntry with the rules' gate: checklist, number, insert, chain link, search text, audit. */
  readonly issuing: Sample;
  /** The same, the first runs after opening: the issuing code not yet compiled by the JIT. */
  readonly issuingCold: Sample;
  /** The bare insert interleaved with those first runs. */
  readonly bareInsertCold: Sample;
  /**
   * The signed checkpoint after one issue: the journal's Merkle root moved on, an Ed25519
   * signature, the line appended to the checkpoint log and fsynced. It runs after the commit, off
   * the issuing path, so it is not in `issuing`.
   */
  readonly checkpoint: Sample;
  /** Issues run between the two measurements. */
  readonly issuingWarmup: number;
  /** The issuing service end to end: also declension, signatory, template versions. */
  readonly issuingService: Sample;
  /** A lowercase surname through the entries service, the surnames drawn as the generator draws them. */
  readonly search: Sample;
  /** Entries each of those searches matched (its total): the median, the largest and its surname. */
  readonly searchHits: { readonly median: number; readonly max: number; readonly maxWord: string };
  /** The same search for the commonest prefix: of the commonest surnames, the one matching most entries. */
  readonly searchCommonest: Sample;
  readonly commonestWord: string;
  readonly commonestHits: number;
  /** Writing the searches' queued audit rows in one transaction, as the desk does once a second. */
  readonly readAuditFlush: { readonly ms: number; readonly rows: number };
  readonly searchQuery: Sample;
  readonly naiveSearch: Sample;
  readonly prefixFresh: Sample;
  readonly prefixHits: number;
  readonly open: Sample;
  readonly quickCheckMs: number;
  /** Peak resident memory through issuing, search and opening. */
  readonly peakRssMb: number;
  /** The same once the issuing service has loaded the decliner (shevchenko and its model). */
  readonly peakRssWithDeclinerMb: number;
}

export interface FigureOptions {
  readonly dataDir: string;
  readonly runs: number;
  readonly warmup: number;
  readonly seed: number;
}

/** The searched surnames' own stream: the same for a seed, apart from the generator's. */
const SEARCH_STREAM = 0x5ea2c4;

/** A searched surname as it is typed into the search box (lower case) and as it is written. */
interface Searched {
  readonly typed: string;
  readonly written: string;
}

/**
 * The people a desk's queue brings, one surname at a time: drawn with the generator's own
 * weights (a Мельник comes as often as Мельники live in the town), a man's or a woman's form.
 */
function searchQueue(seed: number): () => Searched {
  const random = Random.derived(seed, SEARCH_STREAM);
  return () => {
    const [male, female] = drawSurname(random);
    const written = random.chance(0.5) ? male : female;
    return { typed: written.toLocaleLowerCase('uk'), written };
  };
}

/** Searches for the weighted figure: enough for its 95th percentile to be more than the slowest few. */
const SEARCHES = 100;
/** The worst case is looked for among this many of the commonest surnames. */
const COMMONEST_LOOKED_AT = 20;

/** The contents of the newest certificates in the central journal, to be issued again. */
async function recentCertificates(db: RegisterDb, journalId: string, count: number): Promise<CertificateContent[]> {
  const records = (await searchEntryRecords(db, { journalId, sort: 'certificate', limit: count, offset: 0 })).records;
  const contents = records.flatMap((record) => (record.content.sort === 'certificate' ? [record.content] : []));
  if (contents.length === 0) throw new Error('The register has no certificates');
  return contents;
}

/**
 * A desk issues all day in one process: after its first few dozen certificates the JIT has compiled
 * the issuing path. The figure is that steady state, after this many issues; the first runs after
 * opening are reported beside it (the benchmark reports figures "after a warm-up").
 */
export const ISSUING_WARMUP = 200;

/**
 * Issuing against the bare durable insert, interleaved run by run: both pay the same fsync under
 * the same disk load, so their ratio is what the register's own work costs. The certificates are
 * ones already in the register, issued again through `appendEntry` with the rules' gate. Measured
 * twice: the first runs after opening, then again after the warm-up.
 */
async function issuingFigures(
  dataDir: string,
  options: FigureOptions,
): Promise<Pick<RegisterFigures, 'bareInsert' | 'issuing' | 'checkpoint' | 'issuingCold' | 'bareInsertCold' | 'issuingWarmup'>> {
  const bare = openBareInsert(dataDir);
  const seeded = await openSeeded(dataDir);
  try {
    // Each issue's checkpoint is written by its own step, as the desk writes it on the event loop's next turn.
    const steps = { bareInsert: () => bare.insertOne(), issuing: await issuingStep(seeded, options), checkpoint: () => seeded.services.register.checkpoints.flush() };
    const cold = await interleaved(steps, { warmup: 0, runs: options.runs });
    const issuingWarmup = Math.max(options.warmup, ISSUING_WARMUP);
    const warm = await interleaved(steps, { warmup: issuingWarmup, runs: options.runs });
    return { bareInsert: warm.bareInsert, issuing: warm.issuing, checkpoint: warm.checkpoint, issuingCold: cold.issuing, bareInsertCold: cold.bareInsert, issuingWarmup };
  } finally {
    await seeded.db.close();
    bare.close();
  }
}

/** One certificate issued again through `appendEntry` with the rules' gate, per call. */
export async function issuingStep(seeded: SeededRegister, options: Pick<FigureOptions, 'runs' | 'warmup'>): Promise<() => Promise<void>> {
  const { db, services, cast } = seeded;
  const office = firstOffice(cast);
  const contents = await recentCertificates(db, office.journalId, options.warmup + options.runs);
  let turn = 0;
  return async () => {
    const content = contents[turn++ % contents.length] as CertificateContent;
    const rules = { today: kyivLocalDate(new Date()) };
    // R7.4: the gate the issuing service passes to appendEntry.
    const gate = (written: EntryContent) => void assertIssuable(written as CertificateContent, rules);
    await services.register.entries.appendEntry({ journalId: office.journalId, content, user: cast.head, gate });
  };
}

/** The issuing service end to end (declension, signatory, templates): it loads the decliner, so it runs last. */
async function issuingServiceFigure(dataDir: string, options: FigureOptions): Promise<Sample> {
  const { db, services, cast } = await openSeeded(dataDir);
  try {
    const office = firstOffice(cast);
    const contents = await recentCertificates(db, office.journalId, options.warmup + options.runs);
    const issuer = createIssuingService({ ...services, decliner: createDecliner(), now: () => new Date(), verificationCodeBinder: async () => undefined, journalWritableHere: async () => true });
    let turn = 0;
    return await measure(async () => {
      const { sort: _sort, signatory: _signatory, templateVersions: _versions, ...draft } = contents[turn++ % contents.length] as CertificateContent;
      // The dispatcher parses the draft before the handler runs; so does this figure.
      const certificate = certificateDraftSchema.parse({ ...draft, subject: { ...draft.subject, declined: { ...draft.subject.declined, corrected: false } } });
      await issuer.issueCertificate(cast.head, { journalId: office.journalId, signatoryId: office.signatory.signatoryId, certificate });
    }, options);
  } finally {
    await db.close();
  }
}

type SeededRegister = Awaited<ReturnType<typeof openSeeded>>;

function firstOffice(cast: DeskCast): CastOffice {
  const office = cast.offices[0];
  if (!office) throw new Error('The register has no offices');
  return office;
}

async function searchFigures(
  dataDir: string,
  options: FigureOptions,
): Promise<Pick<RegisterFigures, 'search' | 'searchHits' | 'searchQuery' | 'naiveSearch' | 'readAuditFlush' | 'searchCommonest' | 'commonestWord' | 'commonestHits'>> {
  const seeded = await openSeeded(dataDir);
  try {
    const figures = await nameSearchFigures(seeded, options);
    const commonest = await commonestSearchFigure(seeded, options);
    // LIKE does not fold Cyrillic case: the naive search takes the surname as it is written.
    const next = searchQueue(options.seed);
    const naive = { warmup: 1, runs: Math.max(3, Math.min(options.runs, 7)) };
    const naiveSearch = await measure(() => likeSearchEntryRecords(seeded.db, next().written, 25), naive);
    return { ...figures, ...commonest, naiveSearch };
  } finally {
    await seeded.db.close();
  }
}

/**
 * A lowercase surname through the entries service, and the same full-text query alone, for the
 * same surnames in the same order. The service queues the search's audit row (see
 * services/audit.ts); the queue is then written in one transaction, timed here too, as the desk
 * does once a second.
 */
export async function nameSearchFigures(
  seeded: SeededRegister,
  options: Pick<FigureOptions, 'runs' | 'warmup' | 'seed'>,
): Promise<Pick<RegisterFigures, 'search' | 'searchHits' | 'searchQuery' | 'readAuditFlush'>> {
  const { db, services, cast } = seeded;
  const runs = { warmup: options.warmup, runs: Math.max(options.runs, SEARCHES) };
  await services.register.audit.flush();
  const hits: { word: string; total: number }[] = [];
  let next = searchQueue(options.seed);
  const search = await measure(async () => {
    const word = next().typed;
    hits.push({ word, total: (await services.register.entries.searchEntries(cast.head, { text: word, page: 1, pageSize: 25 })).total });
  }, runs);
  const started = process.hrtime.bigint();
  await services.register.audit.flush();
  const readAuditFlush = { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: runs.warmup + runs.runs };
  next = searchQueue(options.seed);
  const searchQuery = await measure(() => searchEntryRecords(db, { words: searchWords(next().typed), limit: 25, offset: 0 }), runs);
  const measured = hits.slice(runs.warmup);
  const most = measured.reduce((best, hit) => (hit.total > best.total ? hit : best), { word: '', total: 0 });
  const searchHits = { median: percentile(measured.map((hit) => hit.total), 50), max: most.total, maxWord: most.word };
  return { search, searchHits, searchQuery, readAuditFlush };
}

/**
 * The worst case a desk meets: of the commonest surnames, the one whose prefix search matches
 * the most entries («коваль» also finds Ковальчук, Ковальський, Ковальова…), through the service.
 */
async function commonestSearchFigure(
  seeded: SeededRegister,
  options: Pick<FigureOptions, 'runs' | 'warmup'>,
): Promise<Pick<RegisterFigures, 'searchCommonest' | 'commonestWord' | 'commonestHits'>> {
  const { db, services, cast } = seeded;
  let commonestWord = '';
  let commonestHits = -1;
  for (const [male] of SURNAMES.slice(0, COMMONEST_LOOKED_AT)) {
    const word = male.toLocaleLowerCase('uk');
    const { total } = await searchEntryRecords(db, { words: searchWords(word), limit: 1, offset: 0 });
    if (total > commonestHits) [commonestWord, commonestHits] = [word, total];
  }
  const searchCommonest = await measure(() => services.register.entries.searchEntries(cast.head, { text: commonestWord, page: 1, pageSize: 25 }), options);
  await services.register.audit.flush();
  return { searchCommonest, commonestWord, commonestHits };
}

/** Opening and becoming ready as the desk does, less the integrity checks (those run after start). */
async function openOnce(dataDir: string): Promise<RegisterDb> {
  const db = openRegister(registerPath(dataDir));
  const register = createRegisterServices({ db, dataDir });
  const services = deskServices(register, db, () => new Date());
  await services.templates.ensureDefaultTemplates(defaultTemplates);
  await register.setup.status();
  return db;
}

async function startFigures(dataDir: string, options: FigureOptions): Promise<Pick<RegisterFigures, 'open' | 'prefixFresh' | 'prefixHits' | 'quickCheckMs'>> {
  const open = await measure(async () => (await openOnce(dataDir)).close(), options);
  // A new connection each run: nothing of the index is in SQLite's cache yet.
  const { db: first, cast } = await openSeeded(dataDir);
  await first.close();
  let prefixHits = 0;
  const times: number[] = [];
  const runs = Math.max(3, Math.min(options.runs, 10));
  for (let run = 0; run < runs + 1; run += 1) {
    const db = openRegister(registerPath(dataDir));
    try {
      const register = createRegisterServices({ db, dataDir });
      const started = process.hrtime.bigint();
      prefixHits = (await register.entries.searchEntries(cast.head, { text: 'ко', page: 1, pageSize: 25 })).total;
      if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
      await register.audit.flush();
    } finally {
      await db.close();
    }
  }
  const prefixTimes: Sample = { median: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
  const db = await openOnce(dataDir);
  const started = process.hrtime.bigint();
  const services = createRegisterServices({ db, dataDir });
  await services.verification.quickCheck();
  const quickCheckMs = Number(process.hrtime.bigint() - started) / 1e6;
  await db.close();
  return { open, prefixFresh: prefixTimes, prefixHits, quickCheckMs };
}

export async function runRegisterFigures(options: FigureOptions): Promise<RegisterFigures> {
  const issuing = await issuingFigures(options.dataDir, options);
  const search = await searchFigures(options.dataDir, options);
  const start = await startFigures(options.dataDir, options);
  const peakRssMb = peakResidentMb();
  const issuingService = await issuingServiceFigure(options.dataDir, options);
  return { ...issuing, issuingService, ...search, ...start, peakRssMb, peakRssWithDeclinerMb: peakResidentMb() };
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' }, seed: { type: 'string' } },
  });
  const figures = await runRegisterFigures({
    dataDir: values['data-dir'] ?? '',
    runs: Number(values.runs ?? 30),
    warmup: Number(values.warmup ?? 5),
    seed: Number(values.seed ?? 1),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
