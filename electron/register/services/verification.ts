import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DeskError } from '../../../shared/contract/errors.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import type { SessionUser } from '../../ipc/handler-types.js';
import { ChainVerifier, type VerifyResult } from '../chain-verifier.js';
import { quickCheck } from '../database.js';
import { chainPage, journalCounters } from '../repositories/entries.js';
import { getJournal, listJournals } from '../repositories/journals.js';
import type { ServiceContext } from './context.js';
import { requireOfficeAccess } from './context.js';
import { printedNumberOf } from './entries.js';

const PAGE_SIZE = 500;

export type JournalCheckState = 'pending' | 'running' | 'ok' | 'bad';

export interface JournalCheck {
  journalId: string;
  journalIndex: string;
  officeCode: string;
  state: JournalCheckState;
  result?: VerifyResult;
}

export interface RegisterHealth {
  quickCheck: { ok: boolean; messages: string[]; at: string } | null;
  journals: JournalCheck[];
  verifiedAt: string | null;
}

/**
 * Walks a journal's chain page by page, yielding to the event loop between pages so a long
 * journal is verified in the background without freezing the window (issue 4 §9).
 */
export async function verifyJournalChain(ctx: ServiceContext, journal: Journal): Promise<VerifyResult> {
  const counters = new Map(journalCounters(ctx.db, journal.id).map((row) => [row.year, row.lastNumber]));
  const verifier = new ChainVerifier(journal.id, counters, (year, number) => printedNumberOf(ctx, journal, year, number));
  for (;;) {
    const rows = chainPage(ctx.db, journal.id, verifier.position, PAGE_SIZE);
    for (const row of rows) if (!verifier.push(row)) return verifier.finish();
    if (rows.length < PAGE_SIZE) return verifier.finish();
    await yieldToEventLoop();
  }
}

export function createVerificationService(ctx: ServiceContext) {
  const health: RegisterHealth = { quickCheck: null, journals: [], verifiedAt: null };
  let running: Promise<RegisterHealth> | undefined;

  async function verifyAll(): Promise<RegisterHealth> {
    const journals = listJournals(ctx.db);
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
      check.result = await verifyJournalChain(ctx, journal);
      check.state = check.result.ok ? 'ok' : 'bad';
    }
    health.verifiedAt = ctx.now().toISOString();
    return health;
  }

  return {
    /** One journal, for the journal screen's «verify» button. */
    async verifyJournal(actor: SessionUser | null, journalId: string): Promise<VerifyResult> {
      const journal = getJournal(ctx.db, journalId);
      if (!journal) throw new DeskError('not_found', 'errors.journals.notFound');
      if (actor) requireOfficeAccess(actor, journal.officeId);
      return verifyJournalChain(ctx, journal);
    },

    /** `PRAGMA quick_check` now; remembered for the health screen. */
    async quickCheck(): Promise<{ ok: boolean; messages: string[] }> {
      const result = quickCheck(ctx.db);
      health.quickCheck = { ...result, at: ctx.now().toISOString() };
      return result;
    },

    /** Verifies every journal; a second call while one runs joins it. */
    verifyAllJournals(): Promise<RegisterHealth> {
      running ??= verifyAll().finally(() => {
        running = undefined;
      });
      return running;
    },

    /** The last quick check and each journal's verification state (running ones included). */
    async health(actor: SessionUser): Promise<RegisterHealth> {
      const journals = actor.role === 'remote_admin' ? health.journals.filter((check) => visibleTo(ctx, actor, check)) : health.journals;
      return { ...health, journals: journals.map((check) => ({ ...check })) };
    },
  };
}

function visibleTo(ctx: ServiceContext, actor: SessionUser, check: JournalCheck): boolean {
  return getJournal(ctx.db, check.journalId)?.officeId === actor.officeId;
}

export type VerificationService = ReturnType<typeof createVerificationService>;
