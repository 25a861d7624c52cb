import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';
import type { Journal, Office } from '../../shared/domain/directories-core.js';
import { appendCosigned, readCosigned } from '../register/checkpoints/checkpoint-log.js';
import { CENTRE_WITNESS_NAME, cosignatureLine, verifyCosignature, type Cosigner } from '../register/checkpoints/cosignature.js';
import { checkpointOfCut, checkpointPublicKeyPem, openOwnCheckpoint } from '../register/checkpoints/journal-checkpoints.js';
import { MerkleFrontier } from '../register/checkpoints/merkle.js';
import { keyNameOfOffice, openCheckpoint, originOfJournal } from '../register/checkpoints/signed-note.js';
import { GENESIS_HASH } from '../register/hash-chain.js';
import {
  entryAtPosition,
  entryHashesAfter,
  getJournal,
  insertWitnessedCheckpoint,
  insertWitnessFlag,
  journalHashesAfter,
  latestWitnessedCheckpoint,
  latestWitnessedOfOffice,
  listJournals,
  witnessFlagsOfOffice,
  type ChainHead,
  type EntryHashRow,
  type WitnessFlagReason,
} from '../register/services/replication.js';
import type { ServiceContext } from '../register/services/context.js';
import type { ExchangeIdentity } from './keys.js';
import type { BundlePayload, BundleWitness, UpdateWitness } from './payloads.js';
import type { WorkplaceState } from './state.js';

/**
 * The centre as witness of every remote office's journals (R3.5, R7.7). A bundle carries the
 * office's signed checkpoint of each journal as it was cut, and the hashes of the journal's
 * entries before the bundle's own. The centre checks the checkpoint against those entries, and
 * that it extends the last checkpoint it accepted from the office: the office's entries must be,
 * position by position, the ones the centre already holds. A journal rewritten or cut short after
 * an exchange the centre confirmed is refused and flagged, naming the first entry that differs.
 * The centre cosigns each checkpoint it accepts and returns the cosignature in the next update.
 *
 * Why the hashes and not an RFC 6962 consistency proof: a proof is shorter (log n hashes), but
 * when it fails it says only that the journal differs, not where; the hashes (32 bytes per entry,
 * small for an office's journal) let the centre name the entry, and checking them is a plain
 * comparison with its own copy plus one Merkle root — no proof code to get subtly wrong.
 */

const HASH_BYTES = 32;
const PAGE = 2000;

function refuse(what: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

// ── Office side: what a bundle carries ──────────────────────────────────────────────────────────

/** The journal's entry hashes up to and including its head at the cut, in chain order. */
async function hashesUpTo(ctx: ServiceContext, journalId: string, head: ChainHead): Promise<EntryHashRow[]> {
  const rows: EntryHashRow[] = [];
  for (;;) {
    const page = await entryHashesAfter(ctx.db, journalId, rows.at(-1) ?? { year: -1, number: 0 }, PAGE);
    const within = page.filter((row) => row.year < head.year || (row.year === head.year && row.number <= head.number));
    rows.push(...within);
    if (within.length < PAGE) return rows;
  }
}

/** The witness part of a bundle: each journal's checkpoint as cut, and the hashes before the bundle's entries. */
export async function bundleWitness(
  ctx: ServiceContext,
  journals: readonly { journalId: string; after: ChainHead | null }[],
  entries: readonly { journalId: string }[],
): Promise<BundleWitness> {
  const parts: BundleWitness['journals'] = [];
  for (const part of journals) {
    const journal = await getJournal(ctx.db, part.journalId);
    if (!journal) continue;
    // An empty journal too: a journal cut to nothing must still say so to the centre.
    const rows = part.after ? await hashesUpTo(ctx, journal.id, part.after) : [];
    const carried = entries.filter((entry) => entry.journalId === journal.id).length;
    const earlier = rows.slice(0, rows.length - carried).map((row) => Buffer.from(row.hash, 'hex'));
    const checkpoint = await checkpointOfCut(ctx, journal, rows.map((row) => row.hash), rows.at(-1));
    parts.push({ journalId: journal.id, checkpoint, checkpointKey: checkpointPublicKeyPem(ctx, journal.officeCode), earlierHashes: Buffer.concat(earlier).toString('base64') });
  }
  return { journals: parts };
}

// ── Centre side: checking a bundle's checkpoints ────────────────────────────────────────────────

/** A checkpoint the centre will keep and cosign once the bundle is imported. */
export interface AcceptedCheckpoint {
  journalId: string;
  size: number;
  root: Buffer;
  note: string;
}

export interface WitnessFault {
  journalId: string;
  reason: WitnessFlagReason;
  position: number;
  entryId: string | null;
  printedNumber: string;
  confirmedSize: number;
}

/** A bundle whose office journal no longer holds what the centre confirmed: refused, and flagged. */
export class WitnessRefusal extends DeskError {
  constructor(
    readonly fault: WitnessFault,
    params: Record<string, string | number>,
  ) {
    super('rule_violation', fault.reason === 'rewritten' ? 'errors.exchange.witnessRewritten' : 'errors.exchange.witnessTailCut', params);
  }
}

function splitHashes(base64: string): string[] | undefined {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % HASH_BYTES !== 0 || bytes.toString('base64') !== base64) return undefined;
  const hashes: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += HASH_BYTES) hashes.push(bytes.subarray(offset, offset + HASH_BYTES).toString('hex'));
  return hashes;
}

function rootOf(hashes: readonly string[], size: number): Buffer {
  const frontier = new MerkleFrontier();
  for (const hash of hashes.slice(0, size)) frontier.appendEntryHash(hash);
  return frontier.root();
}

/**
 * Where the office's journal stops agreeing with the centre's copy and its last confirmed
 * checkpoint: the first entry whose hash differs (every later one differs too: each covers the
 * one before), or the first one the office no longer has.
 */
async function firstDifference(ctx: ServiceContext, journalId: string, officeHashes: readonly string[], confirmed: { size: number; root: string } | undefined): Promise<WitnessFault | undefined> {
  const confirmedSize = confirmed?.size ?? 0;
  let position = 0;
  let after = { year: -1, number: 0 };
  for (;;) {
    const page = await journalHashesAfter(ctx.db, journalId, after, PAGE);
    for (const held of page) {
      position += 1;
      if (position > officeHashes.length) return { journalId, reason: 'tail_cut', position, entryId: held.id, printedNumber: held.printedNumber, confirmedSize };
      if (officeHashes[position - 1] !== held.hash) return { journalId, reason: 'rewritten', position, entryId: held.id, printedNumber: held.printedNumber, confirmedSize };
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!;
  }
  if (!confirmed) return undefined;
  // The centre's own copy agrees; the checkpoint it cosigned must agree as well.
  const shortBy = confirmed.size > officeHashes.length;
  if (!shortBy && rootOf(officeHashes, confirmed.size).toString('base64') === confirmed.root) return undefined;
  const at = shortBy ? officeHashes.length + 1 : confirmed.size;
  const entry = await entryAtPosition(ctx.db, journalId, at);
  return { journalId, reason: shortBy ? 'tail_cut' : 'rewritten', position: at, entryId: entry?.id ?? null, printedNumber: entry?.printedNumber ?? String(at), confirmedSize };
}

/**
 * The key a bundle says signed a journal's checkpoint. Any office key name is taken: the key is
 * vouched for by the bundle's signature, and the name follows the office's code, which the centre
 * may have renamed since the desk was installed.
 */
function checkpointKeyOf(pem: string): (keyName: string) => KeyObject | undefined {
  let key: KeyObject | undefined;
  try {
    key = createPublicKey(pem);
  } catch {
    key = undefined;
  }
  return (keyName) => (keyName.startsWith(keyNameOfOffice('')) ? key : undefined);
}

async function officeJournal(ctx: ServiceContext, office: Office, journalId: string): Promise<Journal> {
  const journal = await getJournal(ctx.db, journalId);
  if (!journal || journal.officeId !== office.id) throw refuse('foreignJournal', { office: office.code });
  return journal;
}

/**
 * Checks every journal checkpoint of a bundle whose signature is already known good (R3.5): the
 * bundle's signature, by the key pinned with the workplace package, vouches for the checkpoint
 * key it carries, so there is one trust path. Answers the checkpoints to keep; throws
 * `WitnessRefusal` when an office journal no longer extends what the centre confirmed.
 */
export async function checkBundleWitness(ctx: ServiceContext, office: Office, payload: BundlePayload): Promise<AcceptedCheckpoint[]> {
  const witness = payload.witness;
  const accepted: AcceptedCheckpoint[] = [];
  for (const part of payload.journals) {
    const journal = await officeJournal(ctx, office, part.journalId);
    const confirmed = await latestWitnessedCheckpoint(ctx.db, journal.id);
    const carried = witness?.journals.find((candidate) => candidate.journalId === journal.id);
    if (!witness || !carried) {
      // Only an office that never sent a checkpoint for this journal (a desk from before witnessing) may omit it.
      if (confirmed) throw refuse('witnessMissing', { office: office.code, journal: journal.index });
      continue;
    }
    const opened = openCheckpoint(carried.checkpoint, checkpointKeyOf(carried.checkpointKey));
    const hashes = splitHashes(carried.earlierHashes);
    const officeHashes = hashes ? [...hashes, ...payload.entries.filter((entry) => entry.journalId === journal.id).map((entry) => entry.hash)] : undefined;
    const sound =
      opened !== undefined &&
      officeHashes !== undefined &&
      opened.body.origin === originOfJournal(journal.id) &&
      opened.body.size === officeHashes.length &&
      (officeHashes.at(-1) ?? GENESIS_HASH) === (part.after?.hash ?? GENESIS_HASH) &&
      rootOf(officeHashes, officeHashes.length).equals(opened.body.root);
    if (!sound || !opened || !officeHashes) throw refuse('witnessInvalid', { office: office.code, journal: journal.index });
    const fault = await firstDifference(ctx, journal.id, officeHashes, confirmed);
    if (fault) {
      const params = { office: office.code, journal: journal.index, number: fault.printedNumber, confirmed: fault.confirmedSize };
      throw new WitnessRefusal(fault, params);
    }
    const known = confirmed?.size === opened.body.size && confirmed.root === opened.body.root.toString('base64');
    if (known || opened.body.size === 0) continue;
    accepted.push({ journalId: journal.id, size: opened.body.size, root: opened.body.root, note: carried.checkpoint });
  }
  return accepted;
}

function centreCosigner(identity: ExchangeIdentity): Cosigner {
  return { name: CENTRE_WITNESS_NAME, publicKey: createPublicKey(identity.signingPublicKey), sign: (message) => Buffer.from(identity.sign(message), 'base64') };
}

/** Keeps the accepted checkpoints with the centre's cosignature, in the bundle's own transaction. */
export async function keepWitnessed(ctx: ServiceContext, identity: ExchangeIdentity, office: Office, bundleSequence: number, accepted: readonly AcceptedCheckpoint[], at: string): Promise<void> {
  const cosigner = centreCosigner(identity);
  const time = Math.floor(Date.parse(at) / 1000);
  for (const checkpoint of accepted) {
    await insertWitnessedCheckpoint(ctx.db, {
      officeId: office.id,
      journalId: checkpoint.journalId,
      size: checkpoint.size,
      root: checkpoint.root.toString('base64'),
      note: checkpoint.note,
      cosignature: cosignatureLine(checkpoint.note, cosigner, time),
      bundleSequence,
      acceptedAt: at,
    });
  }
}

/** Records a refused bundle's flag in its own transaction: the bundle's was rolled back whole. */
export async function recordWitnessFlag(ctx: ServiceContext, office: Office, refusal: WitnessRefusal, bundle: { sequence: number; fileName: string }, byUser: string): Promise<void> {
  await ctx.db.write(() =>
    insertWitnessFlag(ctx.db, {
      officeId: office.id,
      ...refusal.fault,
      bundleSequence: bundle.sequence,
      fileName: bundle.fileName,
      flaggedAt: ctx.now().toISOString(),
      flaggedBy: byUser,
    }),
  );
}

/** The flags raised for an office, with each journal's index, for the centre's status. */
export async function witnessFlagsForStatus(ctx: ServiceContext, officeId: string) {
  const flags = await witnessFlagsOfOffice(ctx.db, officeId);
  return Promise.all(
    flags.map(async (flag) => ({
      journalId: flag.journalId,
      journalIndex: (await getJournal(ctx.db, flag.journalId))?.index ?? flag.journalId,
      reason: flag.reason,
      printedNumber: flag.printedNumber,
      bundleSequence: flag.bundleSequence,
      flaggedAt: flag.flaggedAt,
    })),
  );
}

/** What the next update package returns to the office: its latest accepted checkpoints, cosigned. */
export async function updateWitness(ctx: ServiceContext, officeId: string): Promise<UpdateWitness> {
  const rows = await latestWitnessedOfOffice(ctx.db, officeId);
  return { cosigned: rows.map((row) => ({ journalId: row.journalId, note: row.note, cosignature: row.cosignature })) };
}

// ── Office side: keeping the centre's cosignatures ─────────────────────────────────────────────

export const updateWitnessSchema = z
  .object({
    cosigned: z.array(z.object({ journalId: z.string().regex(/^[0-9A-Za-z-]{1,100}$/), note: z.string().max(20_000), cosignature: z.string().max(500) }).strict()),
  })
  .strict();

/**
 * Checks every cosignature an update package returns: made by the centre's key (the one the
 * workplace package brought) over a checkpoint of one of this office's journals. A cosignature
 * that fails refuses the whole update, before anything is kept. A checkpoint this desk's key did
 * not sign (one its predecessor on another PC sent) is left out: this desk cannot vouch for it.
 */
export async function checkUpdateWitness(ctx: ServiceContext, state: WorkplaceState, value: unknown): Promise<UpdateWitness> {
  if (value === undefined) return { cosigned: [] };
  const parsed = updateWitnessSchema.safeParse(value);
  if (!parsed.success) throw refuse('tampered');
  const centreKey = createPublicKey(state.centreKeys.signingKey);
  const ownJournals = new Set((await listJournals(ctx.db, state.officeId)).map((journal) => journal.id));
  const cosigned: UpdateWitness['cosigned'] = [];
  for (const item of parsed.data.cosigned) {
    if (!ownJournals.has(item.journalId) || verifyCosignature(item.note, item.cosignature, CENTRE_WITNESS_NAME, centreKey) === undefined) {
      throw refuse('witnessCosignatureInvalid');
    }
    if (openOwnCheckpoint(ctx.dataDir, item.note)?.body.origin === originOfJournal(item.journalId)) cosigned.push(item);
  }
  return { cosigned };
}

/** Keeps each cosigned checkpoint beside the journal's checkpoint log (a note with both signatures). */
export async function keepCosignatures(ctx: ServiceContext, witness: UpdateWitness): Promise<void> {
  for (const item of witness.cosigned) {
    const known = readCosigned(ctx.dataDir, item.journalId);
    const cosigned = `${item.note}${item.cosignature}\n`;
    if (!known.includes(cosigned)) await appendCosigned(ctx.dataDir, item.journalId, cosigned);
  }
}

export interface WitnessedByCentre {
  journalId: string;
  journalIndex: string;
  size: number;
  /** The printed number of the last entry the centre witnessed. */
  printedNumber: string | null;
  cosignedAt: string;
}

/** «Засвідчено центром до № N»: per journal, the largest checkpoint whose cosignature verifies. */
export async function witnessedByCentre(ctx: ServiceContext, state: WorkplaceState): Promise<WitnessedByCentre[]> {
  const centreKey = createPublicKey(state.centreKeys.signingKey);
  const result: WitnessedByCentre[] = [];
  for (const journal of await listJournals(ctx.db, state.officeId)) {
    let best: { size: number; time: number } | undefined;
    for (const cosigned of readCosigned(ctx.dataDir, journal.id)) {
      const lines = cosigned.trimEnd().split('\n');
      const note = `${lines.slice(0, -1).join('\n')}\n`;
      const time = verifyCosignature(note, lines.at(-1) ?? '', CENTRE_WITNESS_NAME, centreKey);
      const opened = time !== undefined ? openOwnCheckpoint(ctx.dataDir, note) : undefined;
      if (opened && opened.body.origin === originOfJournal(journal.id) && opened.body.size >= (best?.size ?? 0)) best = { size: opened.body.size, time: time! };
    }
    if (!best) continue;
    const entry = best.size > 0 ? await entryAtPosition(ctx.db, journal.id, best.size) : undefined;
    result.push({ journalId: journal.id, journalIndex: journal.index, size: best.size, printedNumber: entry?.printedNumber ?? null, cosignedAt: new Date(best.time * 1000).toISOString() });
  }
  return result;
}
