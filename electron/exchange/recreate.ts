import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';
import { entryContentSchema } from '../../shared/domain/entry.js';
import type { Office } from '../../shared/domain/directories-core.js';
import type { SessionUser } from '../register/services/session.js';
import {
  currentGeneration,
  currentRowMarks,
  entriesBetween,
  firstNumberOfYear,
  insertAnnulment,
  insertForeignEntry,
  insertHandover,
  insertLostNumbers,
  insertRecreation,
  insertReissue,
  installationKeys,
  journalCounters,
  journalHead,
  journalLostNumbers,
  latestExchange,
  listJournals,
  listRecreations,
  lostRangeAt,
  officeRecords,
  putDocumentCode,
  type ForeignEntryRow,
  type JournalHeadMark,
  type LostNumbers,
} from '../register/services/replication.js';
import { kyivYear } from '../register/kyiv-time.js';
import { searchTextOf } from '../register/search-text.js';
import { writeAudit } from '../register/services/audit.js';
import type { ServiceContext } from '../register/services/context.js';
import { samePublicKey } from './keys.js';
import { bundlePayloadSchema, chainHeadSchema, signatureValid, type BundlePayload, type SignedPayload } from './payloads.js';
import type { BundleMarks } from './state.js';

/**
 * A dead office PC re-created without a backup (R3.5, section E). The centre issues a new
 * workplace package that carries the office's journals as the centre holds them, so the new PC
 * continues each chain from the centre's last confirmed entry with a new installation identity.
 * Numbers the dead PC gave on paper that never reached the centre are never given again: the
 * head states the last number on the dead PC's paper journal, and the range between the centre's
 * last and that number is recorded as lost, with the statement; numbering goes on after it.
 */

function refuse(what: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

export interface RecreateRequest {
  /** For each of the office's journals: the last number this year on the dead PC's paper journal (0: none). */
  lastNumbers: { journalId: string; lastNumber: number }[];
  /** The head's statement: on what the numbers rest (the act, who checked the paper journal). */
  statement: string;
}

export interface LostLine {
  journalId: string;
  journalIndex: string;
  year: number;
  fromNumber: number;
  toNumber: number;
}

const lostNumbersSchema = z
  .object({
    journalId: z.string(),
    year: z.number().int(),
    fromNumber: z.number().int().min(1),
    toNumber: z.number().int().min(1),
    statement: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    recordedByName: z.string(),
  })
  .strict();

/** What a re-creation package carries besides the reference data. */
export const continuationSchema = z
  .object({
    generation: z.number().int().min(2),
    /** The last bundle the centre imported from the replaced PC: the new PC numbers its bundles after it. */
    baseSequence: z.number().int().min(0),
    heads: z.record(z.string(), chainHeadSchema),
    entries: bundlePayloadSchema.shape.entries,
    handovers: bundlePayloadSchema.shape.handovers,
    annulments: bundlePayloadSchema.shape.annulments,
    reissues: bundlePayloadSchema.shape.reissues,
    documentCodes: bundlePayloadSchema.shape.documentCodes,
    lostNumbers: z.array(lostNumbersSchema),
  })
  .strict();
export type Continuation = z.infer<typeof continuationSchema>;

/** A workplace package may re-create an office only once the centre has issued it one. */
export async function requireRecreatable(ctx: ServiceContext, office: Office): Promise<void> {
  if (!(await latestExchange(ctx.db, office.id, 'workplace', 'export'))) throw refuse('notJoinedYet', { office: office.code });
}

/**
 * Centre, inside the write transaction that logs the package: records the lost numbers of each
 * journal (from the journal's next number up to the stated last paper number, this year) and
 * opens the office's next installation generation. Stating a number the centre already has is
 * not an error: nothing is lost then, and numbering simply continues.
 */
export async function recordRecreation(
  ctx: ServiceContext,
  actor: SessionUser,
  office: Office,
  request: RecreateRequest,
  workplaceVersion: number,
): Promise<{ generation: number; lost: LostLine[] }> {
  const journals = await listJournals(ctx.db, office.id);
  const stated = new Map(request.lastNumbers.map((line) => [line.journalId, line.lastNumber]));
  const unknown = request.lastNumbers.find((line) => !journals.some((journal) => journal.id === line.journalId));
  if (unknown) throw refuse('foreignJournal', { office: office.code });
  const missing = journals.find((journal) => !stated.has(journal.id));
  if (missing) throw refuse('lastNumberMissing', { journal: missing.index });
  const at = ctx.now().toISOString();
  const year = kyivYear(ctx.now());
  const lost: LostLine[] = [];
  const heads: Record<string, JournalHeadMark> = {};
  for (const journal of journals) {
    const head = await journalHead(ctx.db, journal.id);
    if (head) heads[journal.id] = { year: Number(head.year), number: Number(head.number), hash: head.hash };
    const next = await nextPlainNumber(ctx, journal.id, year);
    const pending = await lostRangeAt(ctx.db, journal.id, year, next);
    const lastNumber = stated.get(journal.id) ?? 0;
    // An earlier re-creation's range nobody has issued past yet (its PC died too): it stands; a
    // higher stated number cannot extend it, since a range starts at the journal's next number.
    if (pending) {
      if (lastNumber > pending.toNumber) throw refuse('lostNumbersPending', { journal: journal.index, to: pending.toNumber });
      continue;
    }
    if (lastNumber < next) continue;
    const range: LostNumbers = {
      journalId: journal.id,
      year,
      fromNumber: next,
      toNumber: lastNumber,
      statement: request.statement,
      recordedAt: at,
      recordedBy: actor.userId,
      recordedByName: actor.fullName,
    };
    await insertLostNumbers(ctx.db, range);
    lost.push({ journalId: journal.id, journalIndex: journal.index, year, fromNumber: next, toNumber: lastNumber });
  }
  const generation = (await currentGeneration(ctx.db, office.id)) + 1;
  const baseSequence = (await latestExchange(ctx.db, office.id, 'bundle', 'import'))?.sequence ?? 0;
  await insertRecreation(ctx.db, { officeId: office.id, generation, workplaceVersion, baseSequence, heads, recreatedAt: at, recreatedBy: actor.userId });
  const summary = lost.map((line) => `${line.journalIndex} ${line.year}: ${line.fromNumber}–${line.toNumber}`).join('; ');
  await writeAudit(ctx, {
    userId: actor.userId,
    action: 'exchange.recreate_workplace',
    entity: 'office',
    entityId: office.id,
    summary: `${office.code} generation ${generation}; lost ${summary || 'none'}`,
  });
  return { generation, lost };
}

/** The number the journal's year would give next, before any lost range: counter + 1, or the year's first. */
async function nextPlainNumber(ctx: ServiceContext, journalId: string, year: number): Promise<number> {
  const counter = (await journalCounters(ctx.db, journalId)).find((row) => Number(row.year) === year);
  return counter ? Number(counter.lastNumber) + 1 : firstNumberOfYear(ctx.db, journalId, year);
}

/** Centre: the office's records as the centre holds them, for the package (read in the same transaction). */
export async function collectContinuation(ctx: ServiceContext, office: Office, generation: number): Promise<Continuation> {
  const recreation = (await listRecreations(ctx.db, office.id)).find((row) => row.generation === generation);
  if (!recreation) throw new DeskError('internal', 'errors.exchange.tampered');
  const entries: ForeignEntryRow[] = [];
  const lostNumbers: LostNumbers[] = [];
  for (const journal of await listJournals(ctx.db, office.id)) {
    const head = recreation.heads[journal.id];
    if (head) entries.push(...(await entriesBetween(ctx.db, journal.id, { year: -1, number: 0 }, head)));
    lostNumbers.push(...(await journalLostNumbers(ctx.db, journal.id)));
  }
  return {
    generation,
    baseSequence: recreation.baseSequence,
    heads: recreation.heads,
    entries: entries.map((entry) => ({ ...entry, kinds: [...entry.kinds] })),
    ...(await officeRecords(ctx.db, office.id)),
    lostNumbers,
  };
}

/**
 * New PC, inside the installation's write transaction: writes the office's journals as the
 * centre holds them (each entry exactly as it was: id, number, hash), recording each lost range
 * when the journal's counter reaches it, then the handovers, annulments, reissue links and
 * document codes. Returns where the new PC's first bundle starts: right after all of it.
 */
export async function installContinuation(ctx: ServiceContext, continuation: Continuation): Promise<{ sequence: number; marks: BundleMarks }> {
  const lost = [...continuation.lostNumbers].sort((a, b) => a.journalId.localeCompare(b.journalId) || a.year - b.year || a.fromNumber - b.fromNumber);
  const recordLostBefore = async (journalId: string, year: number, number: number) => {
    for (const range of lost.filter((row) => row.journalId === journalId && (row.year < year || (row.year === year && row.toNumber < number)))) {
      await insertLostNumbers(ctx.db, range);
      lost.splice(lost.indexOf(range), 1);
    }
  };
  for (const entry of continuation.entries) {
    await recordLostBefore(entry.journalId, entry.year, entry.number);
    const content = entryContentSchema.parse(JSON.parse(entry.contentJson));
    if (!(await insertForeignEntry(ctx.db, entry, searchTextOf(content, entry.printedNumber)))) throw refuse('tampered');
  }
  for (const range of [...lost]) await recordLostBefore(range.journalId, Infinity, Infinity);
  for (const row of continuation.annulments) await insertAnnulment(ctx.db, row);
  for (const row of continuation.reissues) await insertReissue(ctx.db, row);
  for (const row of continuation.handovers) await insertHandover(ctx.db, row);
  for (const row of continuation.documentCodes) await putDocumentCode(ctx.db, row.entryId, row.shortCode);
  return { sequence: continuation.baseSequence, marks: { heads: continuation.heads, rows: await currentRowMarks(ctx.db) } };
}

/**
 * Centre: a bundle signed by the keys of an installation the office has since replaced (the old
 * PC back from repair) is refused, naming the numbers it carries that the centre never had: they
 * are lost to the journal (the new PC went on past them), and those beyond the recorded lost
 * range were given twice on paper.
 */
export async function refuseReplacedInstallation(ctx: ServiceContext, office: Office, payload: BundlePayload, envelope: SignedPayload): Promise<void> {
  const generation = await currentGeneration(ctx.db, office.id);
  if (generation === 1) return;
  const replaced = (await installationKeys(ctx.db, office.id)).find(
    (keys) => keys.generation < generation && samePublicKey(keys.signingKey, payload.officeKeys.signingKey),
  );
  if (!replaced || !signatureValid(envelope, replaced.signingKey)) return;
  const recreation = (await listRecreations(ctx.db, office.id)).find((row) => row.generation === replaced.generation + 1);
  if (!recreation) return;
  const unseen = payload.entries.filter((entry) => isAfter(entry, recreation.heads[entry.journalId]));
  const recorded = await recordedLost(ctx, unseen);
  const date = recreation.recreatedAt.slice(0, 10);
  const lost = printedRanges(unseen.filter((entry) => recorded(entry)));
  const twice = printedRanges(unseen.filter((entry) => !recorded(entry)));
  if (twice) throw refuse('replacedInstallationTwice', { office: office.code, date, lost: lost || '—', twice });
  if (lost) throw refuse('replacedInstallationLost', { office: office.code, date, lost });
  throw refuse('replacedInstallation', { office: office.code, date });
}

function isAfter(entry: { year: number; number: number }, head: JournalHeadMark | undefined): boolean {
  return !head || entry.year > head.year || (entry.year === head.year && entry.number > head.number);
}

async function recordedLost(ctx: ServiceContext, entries: readonly BundlePayload['entries'][number][]) {
  const ranges: LostNumbers[] = [];
  for (const journalId of new Set(entries.map((entry) => entry.journalId))) ranges.push(...(await journalLostNumbers(ctx.db, journalId)));
  return (entry: BundlePayload['entries'][number]) =>
    ranges.some((range) => range.journalId === entry.journalId && range.year === entry.year && entry.number >= range.fromNumber && entry.number <= range.toNumber);
}

/** Printed numbers grouped into runs: «02-01/6–02-01/8, 02-01/11». */
function printedRanges(entries: readonly BundlePayload['entries'][number][]): string {
  const runs: { first: BundlePayload['entries'][number]; last: BundlePayload['entries'][number] }[] = [];
  for (const entry of entries) {
    const run = runs.at(-1);
    if (run && run.last.journalId === entry.journalId && run.last.year === entry.year && run.last.number + 1 === entry.number) run.last = entry;
    else runs.push({ first: entry, last: entry });
  }
  return runs.map((run) => (run.first === run.last ? run.first.printedNumber : `${run.first.printedNumber}–${run.last.printedNumber}`)).join(', ');
}
