import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DeskError } from '../../../shared/contract/errors.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import type { SessionUser } from './session.js';
import { ChainVerifier, type CheckpointAgreement, type FirstBadEntry, type VerifyResult } from '../chain-verifier.js';
import { loggedJournalIds } from '../checkpoints/checkpoint-log.js';
import { checkpointAgreement, CheckpointComparison, findWitnessedCheckpoint } from '../checkpoints/journal-checkpoints.js';
import type { QuickCheckResult, RegisterDb } from '../database.js';
import { quickCheckFile } from '../integrity-check.js';
import { checkRegisterSchema, type SchemaFault } from '../schema-check.js';
import { chainPage, getEntryRecord, journalCounters, journalFirstNumbers } from '../repositories/entries.js';
import { journalLostNumbers, stepsOver } from '../repositories/lost-numbers.js';
import { getJournal, listJournals } from '../repositories/journals.js';
import { getSetting, putSetting } from '../repositories/settings.js';
import { entriesWithHashPrefix } from '../repositories/witness.js';
import { writeAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { requireOfficeAccess, requireRole } from './context.js';
import { printedNumberFormatter } from './entries.js';

const PAGE_SIZE = 500;

export type JournalCheckState = 'pending' | 'running' | 'ok' | 'bad';

export type TamperDecision = 'keep_read_only' | 'resume_writing';

/** The head's answer to a failed verification, kept in the settings so it outlives a restart. */
export interface TamperAcknowledgement {
  /** Which fault was answered: a different (new) fault makes the journal read-only again. */
  fault: string;
  decision: TamperDecision;
  note: string;
  at: string;
  byUserId: string;
}

export interface JournalCheck {
  journalId: string;
  journalIndex: string;
  officeCode: string;
  state: JournalCheckState;
  result?: VerifyResult;
  /** True while a failed chain waits for the head's decision (R7.7: nothing is added to a journal that no longer proves itself). */
  readOnly?: boolean;
  acknowledgement?: TamperAcknowledgement;
  /** The signed checkpoint (kept outside the register) a sound journal agrees with. */
  checkpoint?: CheckpointAgreement;
}

/**
 * A journal page's witness code against the register: `held` — the register still holds exactly
 * the entries the page witnessed; `held_fault_later` — those entries are intact, a later one is
 * not; `changed` — the page is genuine (its code is in the register's chain or a signed checkpoint)
 * but the register no longer holds what it witnessed; `unknown` — no such page of this register.
 */
export type WitnessVerdict =
  | { state: 'held'; journalIndex: string; officeCode: string; printedNumber: string; localDate: string; checkpointAt?: string }
  | { state: 'held_fault_later' | 'changed'; journalIndex: string; officeCode: string; printedNumber: string; localDate?: string; signedAt?: string; fault?: FirstBadEntry }
  | { state: 'unknown' };

export interface RegisterHealth {
  quickCheck: { ok: boolean; messages: string[]; at: string } | null;
  journals: JournalCheck[];
  verifiedAt: string | null;
  /** The register's protections (triggers, constraints) against what the migrations define; checked with the chains. */
  schema: { ok: boolean; faults: SchemaFault[]; at: string } | null;
}

/**
 * Walks a journal's chain page by page, yielding to the event loop between pages so a long
 * journal is verified in the background without freezing the window (the start-up checks).
 */
export async function verifyJournalChain(ctx: ServiceContext, journal: Journal): Promise<VerifyResult> {
  const printNumber = await printedNumberFormatter(ctx, journal);
  const walk = async (): Promise<VerifyResult> => {
    const counters = new Map((await journalCounters(ctx.db, journal.id)).map((row) => [row.year, row.lastNumber]));
    const verifier = new ChainVerifier(
      journal.id,
      counters,
      printNumber,
      await journalFirstNumbers(ctx.db, journal.id),
      stepsOver(await journalLostNumbers(ctx.db, journal.id)),
    );
    // The same walk checks the register against its latest signed checkpoint (kept outside it).
    const checkpoint = CheckpointComparison.start(ctx, journal);
    for (;;) {
      const rows = await chainPage(ctx.db, journal.id, verifier.position, PAGE_SIZE);
      for (const row of rows) {
        if (!verifier.push(row)) return verifier.finish();
        checkpoint.push(row);
      }
      if (rows.length < PAGE_SIZE) return checkpoint.finish(verifier.finish(), printNumber);
      await yieldToEventLoop();
    }
  };
  // Counters and entries must come from one moment while other workstations keep issuing, or a
  // new entry would look like a forged one: a snapshot on the server. On SQLite this process's
  // writes wait for the verification (assertJournalWritable), and a read transaction would hold
  // up the single connection for the whole walk.
  return ctx.db.dialect === 'postgres' ? ctx.db.read(walk) : walk();
}

const ACKNOWLEDGEMENTS_KEY = 'tamper_acknowledgements';

/**
 * Journals whose chain failed verification and that the head has not allowed to continue, per
 * open connection; `pending` is the verification under way, which writes wait for.
 */
interface TamperState {
  readOnly: Map<string, FirstBadEntry>;
  pending: Promise<unknown> | undefined;
  /** Protections missing or changed: every journal is read-only, as with a broken chain, until they are put back. */
  schemaFaults: SchemaFault[];
}

const tamperStates = new WeakMap<RegisterDb, TamperState>();

function tamperStateOf(db: RegisterDb): TamperState {
  let state = tamperStates.get(db);
  if (!state) {
    state = { readOnly: new Map(), pending: undefined, schemaFaults: [] };
    tamperStates.set(db, state);
  }
  return state;
}

/**
 * Refuses a write to a journal whose chain failed verification until the head decides (R7.7:
 * a tampered journal stays read-only). Waits for a verification under way, so nothing slips in
 * while the start-up check runs.
 */
export async function assertJournalWritable(ctx: ServiceContext, journalId: string): Promise<void> {
  const state = tamperStateOf(ctx.db);
  await state.pending;
  if (state.schemaFaults.length > 0) {
    throw new DeskError('read_only', 'errors.register.schemaTampered', { objects: state.schemaFaults.map((fault) => fault.name).join(', ') });
  }
  if (!state.readOnly.has(journalId)) return;
  throw new DeskError('read_only', 'errors.register.journalTampered', { journal: (await getJournal(ctx.db, journalId))?.index ?? journalId });
}

/** The same guard for writes that name an entry (handover, annulment). */
export async function assertEntryWritable(ctx: ServiceContext, entryId: string): Promise<void> {
  const journalId = (await getEntryRecord(ctx.db, entryId))?.journalId;
  if (journalId) await assertJournalWritable(ctx, journalId);
}

/** Identifies one fault, so an answer to it does not cover a later, different one. */
function faultKey(fault: FirstBadEntry): string {
  return `${fault.reason}:${fault.year}/${fault.number}:${fault.entryId ?? '-'}`;
}

async function readAcknowledgements(ctx: ServiceContext): Promise<Record<string, TamperAcknowledgement>> {
  const stored = await getSetting(ctx.db, ACKNOWLEDGEMENTS_KEY);
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, TamperAcknowledgement>) : {};
}

export function createVerificationService(ctx: ServiceContext) {
  const health: RegisterHealth = { quickCheck: null, journals: [], verifiedAt: null, schema: null };
  const tamper = tamperStateOf(ctx.db);
  let running: Promise<RegisterHealth> | undefined;

  /** Applies a verification result to the read-only set, honouring the head's earlier answer. */
  async function settle(check: JournalCheck, result: VerifyResult): Promise<void> {
    const acknowledgement = (await readAcknowledgements(ctx))[check.journalId];
    check.result = result;
    check.state = result.ok ? 'ok' : 'bad';
    const agreement = result.ok ? checkpointAgreement(ctx.db, check.journalId) : undefined;
    if (agreement) check.checkpoint = agreement;
    else delete check.checkpoint;
    if (result.ok) {
      tamper.readOnly.delete(check.journalId);
      check.readOnly = tamper.schemaFaults.length > 0;
      return;
    }
    const answered = acknowledgement?.fault === faultKey(result.firstBad) ? acknowledgement : undefined;
    if (answered) check.acknowledgement = answered;
    if (answered?.decision === 'resume_writing') tamper.readOnly.delete(check.journalId);
    else tamper.readOnly.set(check.journalId, result.firstBad);
    check.readOnly = tamper.readOnly.has(check.journalId) || tamper.schemaFaults.length > 0;
  }

  async function verifyAll(): Promise<RegisterHealth> {
    const schema = await checkRegisterSchema(ctx.db);
    health.schema = { ...schema, at: ctx.now().toISOString() };
    tamper.schemaFaults = schema.faults;
    const journals = await listJournals(ctx.db);
    health.journals = journals.map((journal) => ({
      journalId: journal.id,
      journalIndex: journal.index,
      officeCode: journal.officeCode,
      state: 'pending',
    }));
    for (const [position, journal] of journals.entries()) {
      const check = health.journals[position];
      if (!check) continue;
      check.state = 'running';
      await settle(check, await verifyJournalChain(ctx, journal));
    }
    health.verifiedAt = ctx.now().toISOString();
    return health;
  }

  return {
    /** One journal, for the journal screen's «verify» button. */
    async verifyJournal(actor: SessionUser | null, journalId: string): Promise<VerifyResult> {
      const journal = await getJournal(ctx.db, journalId);
      if (!journal) throw new DeskError('not_found', 'errors.journals.notFound');
      if (actor) requireOfficeAccess(actor, journal.officeId);
      const result = await verifyJournalChain(ctx, journal);
      const check = health.journals.find((known) => known.journalId === journalId);
      if (check) await settle(check, result);
      else if (!result.ok) tamper.readOnly.set(journalId, result.firstBad);
      return result;
    },

    /**
     * `PRAGMA quick_check` now, in a worker thread on its own read-only connection: seconds on a
     * large register that the desk keeps answering through (a million-entry register). Remembered for the health
     * screen.
     */
    async quickCheck(): Promise<QuickCheckResult> {
      // A server checks its own pages (data checksums, pg_amcheck): nothing for the desk to run.
      const { location } = ctx.db;
      const result = location.backend === 'sqlite' ? await quickCheckFile(location.file) : { ok: true, messages: [] };
      health.quickCheck = { ...result, at: ctx.now().toISOString() };
      return result;
    },

    /** Verifies every journal; a second call while one runs joins it. */
    verifyAllJournals(): Promise<RegisterHealth> {
      running ??= verifyAll().finally(() => {
        running = undefined;
        tamper.pending = undefined;
      });
      tamper.pending = running.catch(() => undefined);
      return running;
    },

    /**
     * What a printed journal page's witness code (the chain head after the page's last entry)
     * says about the register today: whether it still holds exactly what the page witnessed,
     * judged by the journal's chain and its signed checkpoints (kept outside the register).
     */
    async witness(code: string): Promise<WitnessVerdict> {
      const [match] = await entriesWithHashPrefix(ctx.db, code);
      if (match) {
        const journal = await getJournal(ctx.db, match.journalId);
        const known = health.journals.find((check) => check.journalId === match.journalId)?.result;
        const result = known ?? (journal ? await verifyJournalChain(ctx, journal) : undefined);
        const page = { journalIndex: match.journalIndex, officeCode: match.officeCode, printedNumber: match.printedNumber, localDate: match.localDate };
        const agreed = checkpointAgreement(ctx.db, match.journalId);
        if (!result || result.ok) return { state: 'held', ...page, ...(agreed ? { checkpointAt: agreed.at } : {}) };
        const after = result.firstBad.year > match.year || (result.firstBad.year === match.year && result.firstBad.number > match.number);
        return { state: after ? 'held_fault_later' : 'changed', ...page, fault: result.firstBad };
      }
      const journals = await listJournals(ctx.db);
      const signed = findWitnessedCheckpoint(ctx.dataDir, loggedJournalIds(ctx.dataDir), code);
      const journal = signed && journals.find((candidate) => candidate.id === signed.journalId);
      if (!signed || !journal) return { state: 'unknown' };
      const printNumber = await printedNumberFormatter(ctx, journal);
      const result = health.journals.find((check) => check.journalId === journal.id)?.result ?? (await verifyJournalChain(ctx, journal));
      return {
        state: 'changed',
        journalIndex: journal.index,
        officeCode: journal.officeCode,
        printedNumber: printNumber(signed.entry.year, signed.entry.number),
        signedAt: signed.at,
        ...(result.ok ? {} : { fault: result.firstBad }),
      };
    },

    /** Whether writes to the journal are refused until the head decides (R7.7: a tampered journal stays read-only). */
    isReadOnly(journalId: string): boolean {
      return tamper.readOnly.has(journalId) || tamper.schemaFaults.length > 0;
    },

    /**
     * The head's decision on a journal whose chain failed: keep it read-only, or resume writing
     * despite the fault. Recorded in the audit log; the free-text note stays with the decision
     * (it may name people, so the audit row carries only the decision and the faulty number).
     */
    async acknowledgeTamper(actor: SessionUser, input: { journalId: string; decision: TamperDecision; note: string }): Promise<JournalCheck> {
      requireRole(actor, ['head']);
      const check = health.journals.find((known) => known.journalId === input.journalId);
      if (!(await getJournal(ctx.db, input.journalId))) throw new DeskError('not_found', 'errors.journals.notFound');
      if (!check?.result || check.result.ok) throw new DeskError('conflict', 'errors.register.notTampered');
      const fault = check.result.firstBad;
      const acknowledgement: TamperAcknowledgement = {
        fault: faultKey(fault),
        decision: input.decision,
        note: input.note,
        at: ctx.now().toISOString(),
        byUserId: actor.userId,
      };
      await ctx.db.write(async () => {
        await putSetting(ctx.db, ACKNOWLEDGEMENTS_KEY, { ...(await readAcknowledgements(ctx)), [input.journalId]: acknowledgement });
        await writeAudit(ctx, {
          userId: actor.userId,
          action: 'register.tamper_decision',
          entity: 'journal',
          entityId: input.journalId,
          summary: `${input.decision} ${fault.reason} ${fault.printedNumber}`,
        });
      });
      await settle(check, check.result);
      return { ...check };
    },

    /** The last quick check and each journal's verification state (running ones included). */
    async health(actor: SessionUser): Promise<RegisterHealth> {
      const journals = actor.role === 'remote_admin' ? await visibleTo(ctx, actor, health.journals) : health.journals;
      return { ...health, journals: journals.map((check) => ({ ...check })) };
    },
  };
}

async function visibleTo(ctx: ServiceContext, actor: SessionUser, checks: JournalCheck[]): Promise<JournalCheck[]> {
  const own = new Set((await listJournals(ctx.db, actor.officeId)).map((journal) => journal.id));
  return checks.filter((check) => own.has(check.journalId));
}

export type VerificationService = ReturnType<typeof createVerificationService>;
