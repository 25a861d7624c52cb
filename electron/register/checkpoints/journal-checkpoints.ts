import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Journal } from '../../../shared/domain/directories-core.js';
import { openKeyStore, type KeyStore } from '../../documents/verification.js';
import type { CheckpointAgreement, CheckpointFault, FirstBadEntry, VerifyResult } from '../chain-verifier.js';
import type { RegisterDb } from '../database.js';
import { GENESIS_HASH } from '../hash-chain.js';
import { auditHighWater, entryAtPosition, entryHashesAfter, type EntryHashRow } from '../repositories/checkpoints.js';
import { getJournal } from '../repositories/journals.js';
import type { ServiceContext } from '../services/context.js';
import { appendNote, readAllNotes, readRecentNotes } from './checkpoint-log.js';
import { MerkleFrontier } from './merkle.js';
import { checkpointText, hasControlCharacter, keyNameOfOffice, noteText, openCheckpoint, originOfJournal, parseCheckpointText, signNote, type CheckpointBody, type NoteSigner } from './signed-note.js';

/**
 * Signed checkpoints of every journal this desk writes, kept outside the register (R7.7: an entry
 * is never altered or removed unnoticed). After each write that adds entries the journal's size,
 * Merkle root and head are signed with the office's Ed25519 key and appended to the journal's
 * checkpoint log. Verification compares the register with the latest signed checkpoint: a
 * register that no longer holds what was signed — rewritten and rechained, cut short, or an older
 * copy put back — fails as a broken chain does. A restore through the desk or `cli restore`
 * signs a new starting point, so a restored register verifies and says from when.
 */

/** A signed checkpoint read back from the log. */
/** An entry a checkpoint names: its position in the journal's tree, number and hash. */
export interface LoggedEntry {
  position: number;
  year: number;
  number: number;
  hash: string;
}

export interface LoggedCheckpoint {
  size: number;
  root: Buffer;
  /** The entries it added, newest last (the last one is the journal's head). */
  entries: LoggedEntry[];
  at: string;
  /** The audit trail's high-water mark when it was signed. */
  audit: number;
  /** Set on the starting point a restore signed: the backup's file name. */
  restoredFrom?: string;
}

interface JournalHead {
  frontier: MerkleFrontier;
  last: EntryHashRow | undefined;
  /** Entries added since this process last signed, newest last (at most RECENT_KEPT). */
  recent: EntryHashRow[];
}

/**
 * A checkpoint names each entry it adds (position and hash), up to this many: a page's witness
 * code and the first entry a rewrite changed are then found exactly. A bulk load names only its
 * last ones; its other entries are still covered by the root.
 */
const RECENT_KEPT = 64;

interface CheckpointState {
  heads: Map<string, JournalHead>;
  /** Per journal, the signed checkpoint its last sound verification agreed with. */
  agreements: Map<string, CheckpointAgreement>;
  keyStore: KeyStore | undefined;
  signers: Map<string, NoteSigner>;
  /** Journals written since the last checkpoint was signed, waiting for the next turn of the event loop. */
  dirty: Map<string, Journal>;
  scheduled: boolean;
  flushing: Promise<void>;
  /** Journals whose log this process has looked at for a torn last line. */
  opened: Set<string>;
  /** The last failure to sign or append (a full disk, a missing key), for the health screen. */
  lastError: string | undefined;
}

const states = new WeakMap<RegisterDb, CheckpointState>();
const PAGE = 2000;

function stateOf(db: RegisterDb): CheckpointState {
  let state = states.get(db);
  if (!state) {
    state = {
      heads: new Map(),
      agreements: new Map(),
      keyStore: undefined,
      signers: new Map(),
      dirty: new Map(),
      scheduled: false,
      flushing: Promise.resolve(),
      opened: new Set(),
      lastError: undefined,
    };
    states.set(db, state);
  }
  return state;
}

/** The signed checkpoint the journal's last verification found the register agreeing with. */
export function checkpointAgreement(db: RegisterDb, journalId: string): CheckpointAgreement | undefined {
  return stateOf(db).agreements.get(journalId);
}

/** The last checkpoint-log failure of this register connection, if any. */
export function checkpointLogError(db: RegisterDb): string | undefined {
  return stateOf(db).lastError;
}

function signerOf(ctx: ServiceContext, officeCode: string): NoteSigner {
  const state = stateOf(ctx.db);
  const known = state.signers.get(officeCode);
  if (known) return known;
  state.keyStore ??= openKeyStore(ctx.dataDir);
  const keyStore = state.keyStore;
  const signer: NoteSigner = {
    keyName: keyNameOfOffice(officeCode),
    publicKey: createPublicKey(keyStore.ensureOfficeKey(officeCode).publicKeyPem),
    sign: (message) => Buffer.from(keyStore.signPayload(officeCode, message.toString('utf8')), 'base64url'),
  };
  state.signers.set(officeCode, signer);
  return signer;
}

/** The offices' public keys in `<data folder>/keys/`, read only (checking never creates a key). */
function publicKeysOf(dataDir: string): (keyName: string) => KeyObject | undefined {
  const folder = path.join(dataDir, 'keys');
  const cache = new Map<string, KeyObject | undefined>();
  return (keyName) => {
    if (!cache.has(keyName)) {
      const officeCode = keyName.startsWith(keyNameOfOffice('')) ? keyName.slice(keyNameOfOffice('').length) : '';
      const file = path.join(folder, `${officeCode}.ed25519.pub.pem`);
      cache.set(keyName, /^[A-Z0-9-]{1,12}$/.test(officeCode) && fs.existsSync(file) ? createPublicKey(fs.readFileSync(file, 'utf8')) : undefined);
    }
    return cache.get(keyName);
  };
}

/** Moves the cached tree to the register's current end; starts over if the chain is not the one cached. */
async function advance(db: RegisterDb, journalId: string, known: JournalHead | undefined): Promise<JournalHead> {
  const head = known ?? { frontier: new MerkleFrontier(), last: undefined, recent: [] };
  for (;;) {
    const rows = await entryHashesAfter(db, journalId, head.last ?? { year: -1, number: 0 }, PAGE);
    for (const row of rows) {
      if (row.prevHash !== (head.last?.hash ?? GENESIS_HASH)) return advance(db, journalId, undefined);
      head.frontier.appendEntryHash(row.hash);
      head.last = row;
      head.recent.push(row);
      if (head.recent.length > RECENT_KEPT) head.recent.shift();
    }
    if (rows.length < PAGE) return head;
  }
}

function bodyOf(journalId: string, head: JournalHead, at: string, audit: number, restoredFrom?: string): CheckpointBody {
  const first = head.frontier.size - head.recent.length + 1;
  const extensions = [
    ...head.recent.map((row, index) => `entry ${first + index} ${row.year}/${row.number} ${row.hash}`),
    `at ${at}`,
    `audit ${audit}`,
    ...(restoredFrom !== undefined ? [`restored ${[...restoredFrom].map((character) => (hasControlCharacter(character) ? '?' : character)).join('') || '?'}`] : []),
  ];
  return { origin: originOfJournal(journalId), size: head.frontier.size, root: head.frontier.root(), extensions };
}

async function signAndAppend(ctx: ServiceContext, journal: Journal, restoredFrom?: string): Promise<void> {
  const state = stateOf(ctx.db);
  const head = await advance(ctx.db, journal.id, state.heads.get(journal.id));
  state.heads.set(journal.id, head);
  const body = bodyOf(journal.id, head, ctx.now().toISOString(), await auditHighWater(ctx.db), restoredFrom);
  const note = signNote(checkpointText(body), signerOf(ctx, journal.officeCode));
  head.recent = [];
  await appendNote(ctx.dataDir, journal.id, note, !state.opened.has(journal.id));
  state.opened.add(journal.id);
}

/**
 * After a committed write that added entries: the journal's checkpoint is signed on the next turn
 * of the event loop, off the issuing path (the signature and the log's fsync cost more than the
 * insert itself). Writes committed in the same turn share one checkpoint, which names each of their
 * entries. A crash before it is written leaves the register ahead of the log, which verification
 * accepts (the next checkpoint covers those entries); it never leaves the log ahead of the register.
 */
export function recordCheckpoints(ctx: ServiceContext, journals: readonly Journal[]): void {
  const state = stateOf(ctx.db);
  for (const journal of journals) state.dirty.set(journal.id, journal);
  if (state.scheduled) return;
  state.scheduled = true;
  setImmediate(() => {
    state.scheduled = false;
    void flushCheckpoints(ctx);
  });
}

/**
 * Signs and appends the checkpoints still waiting; the desk calls it before closing the register.
 * Never throws: the entries are committed and reported as issued; a checkpoint that could not be
 * written (a full disk, a missing key) is remembered, and the next one covers the same entries.
 */
export function flushCheckpoints(ctx: ServiceContext): Promise<void> {
  const state = stateOf(ctx.db);
  state.flushing = state.flushing.then(async () => {
    while (state.dirty.size > 0) {
      const journals = [...state.dirty.values()];
      state.dirty.clear();
      for (const journal of journals) {
        try {
          await signAndAppend(ctx, journal);
          state.lastError = undefined;
        } catch (error) {
          state.lastError = error instanceof Error ? error.message : String(error);
        }
      }
    }
  });
  return state.flushing;
}

/**
 * A restore through the desk or `cli restore`: every journal with a checkpoint log gets a signed
 * starting point for the restored content, so the restored register verifies and says from when.
 */
export async function recordRestore(ctx: ServiceContext, journalIds: readonly string[], from: string): Promise<void> {
  // Checkpoints of the content just replaced are written first, never after the restore's.
  await flushCheckpoints(ctx);
  const state = stateOf(ctx.db);
  state.heads.clear();
  for (const journalId of journalIds) {
    try {
      const journal = await getJournal(ctx.db, journalId);
      if (journal) await signAndAppend(ctx, journal, path.basename(from));
    } catch (error) {
      // The register is already restored: a missing key or a full disk leaves the journal
      // contradicting its last checkpoint, which the verification then reports.
      state.lastError = error instanceof Error ? error.message : String(error);
    }
  }
}

function logged(body: CheckpointBody): LoggedCheckpoint {
  const checkpoint: LoggedCheckpoint = { size: body.size, root: body.root, entries: [], at: '', audit: 0 };
  for (const line of body.extensions) {
    const [key, ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (key === 'at') checkpoint.at = value;
    else if (key === 'audit') checkpoint.audit = Number(value) || 0;
    else if (key === 'restored') checkpoint.restoredFrom = value;
    else if (key === 'entry') {
      const match = /^(\d+) (\d+)\/(\d+) ([0-9a-f]{64})$/.exec(value);
      if (match) checkpoint.entries.push({ position: Number(match[1]), year: Number(match[2]), number: Number(match[3]), hash: match[4]! });
    }
  }
  return checkpoint;
}

interface Reference {
  latest: LoggedCheckpoint;
  restored?: LoggedCheckpoint;
}

/**
 * The checkpoint the register must agree with: the largest signed one since the last restore.
 * Lines are read unverified to choose, then the chosen one's signature is checked; a line that
 * does not verify (forged, or by an unknown key) is passed over.
 */
function referenceFrom(notes: readonly string[], journalId: string, keys: (keyName: string) => KeyObject | undefined): Reference | undefined {
  const origin = originOfJournal(journalId);
  const bodies = notes.map((note) => ({ note, body: parseCheckpointText(noteText(note)) })).filter((item) => item.body?.origin === origin);
  const verified = (note: string) => {
    const opened = openCheckpoint(note, keys);
    return opened && opened.body.origin === origin ? logged(opened.body) : undefined;
  };
  let restored: LoggedCheckpoint | undefined;
  let since = 0;
  for (let index = bodies.length - 1; index >= 0 && !restored; index -= 1) {
    const item = bodies[index]!;
    if (!item.body?.extensions.some((line) => line.startsWith('restored '))) continue;
    restored = verified(item.note);
    if (restored) since = index;
  }
  const candidates = bodies.slice(since).sort((a, b) => (b.body?.size ?? 0) - (a.body?.size ?? 0));
  for (const candidate of candidates) {
    const latest = verified(candidate.note);
    if (latest) return { latest, ...(restored ? { restored } : {}) };
  }
  return undefined;
}

function loadReference(dataDir: string, journalId: string): Reference | undefined {
  const keys = publicKeysOf(dataDir);
  // The log's tail holds the latest checkpoint; a tail with none that verifies (garbage appended
  // to push the real lines out of reach) makes us read the whole log.
  return referenceFrom(readRecentNotes(dataDir, journalId), journalId, keys) ?? referenceFrom(readAllNotes(dataDir, journalId), journalId, keys);
}

/**
 * Every entry the log names since the last restore, by position (unverified: used only to say
 * where a difference starts, never to decide that there is one).
 */
function loggedEntries(dataDir: string, journalId: string): LoggedEntry[] {
  const origin = originOfJournal(journalId);
  const all = readAllNotes(dataDir, journalId)
    .map((note) => parseCheckpointText(noteText(note)))
    .filter((body): body is CheckpointBody => body?.origin === origin)
    .map(logged);
  const lastRestore = all.map((item) => item.restoredFrom !== undefined).lastIndexOf(true);
  const byPosition = new Map<number, LoggedEntry>();
  for (const checkpoint of all.slice(Math.max(0, lastRestore))) for (const entry of checkpoint.entries) byPosition.set(entry.position, entry);
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/**
 * Follows a journal's verification walk: the register's own Merkle tree, built from the rows the
 * chain verifier has already accepted, compared at the end with the latest signed checkpoint.
 */
export class CheckpointComparison {
  private readonly head: JournalHead = { frontier: new MerkleFrontier(), last: undefined, recent: [] };
  private rootAtReference: Buffer | undefined;

  private constructor(
    private readonly ctx: ServiceContext,
    private readonly journal: Journal,
    private readonly reference: Reference | undefined,
  ) {}

  static start(ctx: ServiceContext, journal: Journal): CheckpointComparison {
    let reference: Reference | undefined;
    try {
      reference = loadReference(ctx.dataDir, journal.id);
    } catch {
      reference = undefined;
    }
    return new CheckpointComparison(ctx, journal, reference);
  }

  push(row: EntryHashRow): void {
    this.head.frontier.appendEntryHash(row.hash);
    this.head.last = row;
    if (this.head.frontier.size === this.reference?.latest.size) this.rootAtReference = this.head.frontier.root();
  }

  /** The chain's verdict, turned into a fault when the register contradicts the signed checkpoint. */
  async finish(chain: VerifyResult, printNumber: (year: number, number: number) => string): Promise<VerifyResult> {
    const state = stateOf(this.ctx.db);
    state.agreements.delete(this.journal.id);
    if (!chain.ok) return chain;
    // The walk saw the whole, sound chain: issuing goes on from this tree instead of reading it again.
    state.heads.set(this.journal.id, this.head);
    const reference = this.reference;
    if (!reference) return chain;
    const { latest, restored } = reference;
    const size = this.head.frontier.size;
    const agreement: CheckpointAgreement = {
      size: latest.size,
      at: latest.at,
      ...(restored ? { restored: { at: restored.at, from: restored.restoredFrom ?? '' } } : {}),
    };
    if (size >= latest.size && this.agreesAt(latest)) {
      state.agreements.set(this.journal.id, agreement);
      return chain;
    }
    return { ok: false, firstBad: await this.locate(latest, printNumber) };
  }

  private agreesAt(latest: LoggedCheckpoint): boolean {
    const root = latest.size === 0 ? new MerkleFrontier().root() : this.rootAtReference;
    return root !== undefined && root.equals(latest.root);
  }

  /** The first entry that differs from what was signed, or the first one missing. */
  private async locate(latest: LoggedCheckpoint, printNumber: (year: number, number: number) => string): Promise<FirstBadEntry> {
    const size = this.head.frontier.size;
    const named = loggedEntries(this.ctx.dataDir, this.journal.id);
    const within = named.filter((entry) => entry.position <= Math.min(size, latest.size));
    // Every hash after a rewritten entry differs too (each covers the ones before): a binary search.
    let low = 0;
    let high = within.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const entry = within[middle]!;
      const row = await entryAtPosition(this.ctx.db, this.journal.id, entry.position);
      if (row?.hash === entry.hash) low = middle + 1;
      else high = middle;
    }
    const checkpointAt = latest.at;
    if (high < within.length || size >= latest.size) {
      const position = (within[low - 1]?.position ?? 0) + 1;
      const row = await entryAtPosition(this.ctx.db, this.journal.id, position);
      if (row) return { entryId: row.id, year: row.year, number: row.number, printedNumber: row.printedNumber, reason: 'rewritten', checkpointAt };
    }
    const missing = this.firstMissing(named);
    const reason: CheckpointFault = (await auditHighWater(this.ctx.db)) < latest.audit ? 'old_copy' : 'tail_cut';
    return { entryId: null, year: missing.year, number: missing.number, printedNumber: printNumber(missing.year, missing.number), reason, expectedNumber: missing.number, checkpointAt };
  }

  /** The number of the first entry the register lacks: as the log names it, or the one after the register's last. */
  private firstMissing(named: readonly LoggedEntry[]): { year: number; number: number } {
    const next = named.find((entry) => entry.position === this.head.frontier.size + 1);
    if (next) return { year: next.year, number: next.number };
    const last = this.head.last;
    return last ? { year: last.year, number: last.number + 1 } : { year: named[0]?.year ?? 0, number: 1 };
  }
}

/** Where a witness code of a printed journal page stands in the checkpoint logs. */
export interface WitnessedCheckpoint {
  journalId: string;
  /** When the checkpoint naming the page's last entry was signed. */
  at: string;
  entry: LoggedEntry;
}

/**
 * The signed checkpoint that names the entry whose hash starts with a printed page's witness
 * code, in any journal's log of this data folder. Only checkpoints whose signature verifies count.
 */
export function findWitnessedCheckpoint(dataDir: string, journalIds: readonly string[], code: string): WitnessedCheckpoint | undefined {
  const keys = publicKeysOf(dataDir);
  for (const journalId of journalIds) {
    for (const note of readAllNotes(dataDir, journalId)) {
      if (!note.includes(` ${code}`)) continue;
      const opened = openCheckpoint(note, keys);
      if (!opened || opened.body.origin !== originOfJournal(journalId)) continue;
      const checkpoint = logged(opened.body);
      const entry = checkpoint.entries.find((named) => named.hash.startsWith(code));
      if (entry) return { journalId, at: checkpoint.at, entry };
    }
  }
  return undefined;
}

/** The office key that signs a journal's checkpoints, as PEM: a bundle carries it to the centre. */
export function checkpointPublicKeyPem(ctx: ServiceContext, officeCode: string): string {
  return signerOf(ctx, officeCode).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * The signed checkpoint of a journal exactly as a bundle cut it (R3.5: the centre checks it
 * against the entries it receives and cosigns it): the log's own when its latest names that size
 * and root, otherwise signed now and appended, so the log holds every checkpoint the centre sees.
 */
export async function checkpointOfCut(ctx: ServiceContext, journal: Journal, hashes: readonly string[], last: EntryHashRow | undefined): Promise<string> {
  await flushCheckpoints(ctx);
  const frontier = new MerkleFrontier();
  for (const hash of hashes) frontier.appendEntryHash(hash);
  const root = frontier.root();
  const origin = originOfJournal(journal.id);
  const keys = publicKeysOf(ctx.dataDir);
  for (const note of readRecentNotes(ctx.dataDir, journal.id).reverse()) {
    const opened = openCheckpoint(note, keys);
    if (opened?.body.origin === origin && opened.body.size === frontier.size && opened.body.root.equals(root)) return note;
  }
  const extensions = [
    ...(last ? [`entry ${frontier.size} ${last.year}/${last.number} ${last.hash}`] : []),
    `at ${ctx.now().toISOString()}`,
    `audit ${await auditHighWater(ctx.db)}`,
  ];
  const note = signNote(checkpointText({ origin, size: frontier.size, root, extensions }), signerOf(ctx, journal.officeCode));
  const state = stateOf(ctx.db);
  await appendNote(ctx.dataDir, journal.id, note, !state.opened.has(journal.id));
  state.opened.add(journal.id);
  return note;
}

/** A checkpoint note, opened with the office keys of this data folder (a cosigned copy included). */
export function openOwnCheckpoint(dataDir: string, note: string): ReturnType<typeof openCheckpoint> {
  return openCheckpoint(note, publicKeysOf(dataDir));
}
