import { entryHash, GENESIS_HASH } from './hash-chain.js';
import type { ChainRow } from './repositories/entries.js';

export type ChainFault = 'hash_mismatch' | 'broken_link' | 'gap' | 'duplicate';

/**
 * A register that contradicts its latest signed checkpoint (kept outside the register):
 * `rewritten` — an entry the checkpoint covers differs (edited and the chain recomputed);
 * `tail_cut` — the journal is shorter than signed; `old_copy` — shorter, and the audit trail
 * ends before the checkpoint too (an older copy of the register put back).
 */
export type CheckpointFault = 'rewritten' | 'tail_cut' | 'old_copy';

/** The signed checkpoint a sound journal agrees with, and the restore it starts from, if any. */
export interface CheckpointAgreement {
  size: number;
  at: string;
  restored?: { at: string; from: string };
}

export interface FirstBadEntry {
  /** Null when the missing entry is the journal's last of a year (it left nothing to point at). */
  entryId: string | null;
  year: number;
  number: number;
  printedNumber: string;
  reason: ChainFault | CheckpointFault;
  /** For `gap`, `tail_cut`, `old_copy`: the number that should have come here. */
  expectedNumber?: number;
  /** For `gap` at an entry that is there: the printed form of the number missing before it. */
  missingPrintedNumber?: string;
  /** For a checkpoint fault: when the checkpoint the register contradicts was signed. */
  checkpointAt?: string;
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; firstBad: FirstBadEntry };

/**
 * Walks one journal's entries in (year, number) order and stops at the first that does not fit
 * (R7.7, section E: gap-free numbering, entries never edited or deleted):
 * - `duplicate`: the same year and number twice;
 * - `gap`: a number skipped, or a year's counter beyond its last entry (the last one deleted); a
 *   year starts at 1, or at the number set for it when the journal continued a paper one; a
 *   recorded lost range (a dead remote PC's numbers) is stepped over, not a gap;
 * - `broken_link`: prev_hash is not the hash of the entry before (a row deleted or moved);
 * - `hash_mismatch`: the row's bytes no longer give its hash (a field edited).
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private prev: { year: number; number: number } | undefined;
  private count = 0;
  private fault: FirstBadEntry | undefined;

  constructor(
    private readonly journalId: string,
    private readonly counters: ReadonlyMap<number, number>,
    private readonly printNumber: (year: number, number: number) => string,
    /** Years that start past 1: the journal continued a paper one (section E, migration 0007). */
    private readonly firstNumbers: ReadonlyMap<number, number> = new Map(),
    /** Numbers a dead remote PC gave on paper, stepped over (migration 0010): where each range leads. */
    private readonly stepOver: (year: number, number: number) => number = (_year, number) => number,
  ) {}

  private firstOf(year: number): number {
    return this.firstNumbers.get(year) ?? 1;
  }

  get firstBad(): FirstBadEntry | undefined {
    return this.fault;
  }

  get position(): { year: number; number: number } {
    return this.prev ?? { year: -1, number: 0 };
  }

  /** Returns false once a fault is found; later rows are not looked at. */
  push(row: ChainRow): boolean {
    if (this.fault) return false;
    this.fault = this.check(row);
    if (this.fault) return false;
    this.prevHash = row.hash;
    this.prev = { year: row.year, number: row.number };
    this.count += 1;
    return true;
  }

  finish(): VerifyResult {
    if (!this.fault && this.prev) this.fault = this.trailingGap(this.prev.year, this.prev.number, null);
    if (!this.fault) this.fault = this.yearWithoutEntries(this.prev?.year ?? -Infinity, Infinity);
    return this.fault ? { ok: false, firstBad: this.fault } : { ok: true, entries: this.count };
  }

  private check(row: ChainRow): FirstBadEntry | undefined {
    const bad = (reason: ChainFault, expectedNumber?: number): FirstBadEntry => ({
      entryId: row.id,
      year: row.year,
      number: row.number,
      printedNumber: row.printedNumber,
      reason,
      ...(expectedNumber !== undefined ? { expectedNumber, missingPrintedNumber: this.printNumber(row.year, expectedNumber) } : {}),
    });
    const prev = this.prev;
    if (prev && prev.year === row.year && prev.number === row.number) return bad('duplicate');
    if (prev && prev.year !== row.year) {
      const closing = this.trailingGap(prev.year, prev.number, row);
      if (closing) return closing;
    }
    if (!prev || prev.year !== row.year) {
      const emptied = this.yearWithoutEntries(prev?.year ?? -Infinity, row.year);
      if (emptied) return emptied;
    }
    const expected = this.stepOver(row.year, prev && prev.year === row.year ? prev.number + 1 : this.firstOf(row.year));
    if (row.number !== expected) return bad('gap', expected);
    if (row.prevHash !== this.prevHash) return bad('broken_link');
    if (row.hash !== recomputeHash(this.journalId, row)) return bad('hash_mismatch');
    return undefined;
  }

  /** A year's counter beyond its last entry means the last entries of that year are gone. */
  private trailingGap(year: number, lastNumber: number, next: ChainRow | null): FirstBadEntry | undefined {
    const counter = this.counters.get(year);
    if (counter === lastNumber) return undefined;
    if (counter !== undefined && counter > lastNumber) {
      const missing = lastNumber + 1;
      return { entryId: null, year, number: missing, printedNumber: this.printNumber(year, missing), reason: 'gap', expectedNumber: missing };
    }
    // The counter itself was altered or removed: blame the entry where the year closes.
    const at = next ?? { id: null, year, number: lastNumber, printedNumber: this.printNumber(year, lastNumber) };
    return { entryId: at.id, year: at.year, number: at.number, printedNumber: at.printedNumber, reason: 'gap' };
  }

  /** A counted year strictly between two years with entries lost every entry it had. */
  private yearWithoutEntries(afterYear: number, beforeYear: number): FirstBadEntry | undefined {
    const years = [...this.counters.keys()].filter((year) => year > afterYear && year < beforeYear).sort((a, b) => a - b);
    const year = years[0];
    if (year === undefined) return undefined;
    const first = this.firstOf(year);
    return { entryId: null, year, number: first, printedNumber: this.printNumber(year, first), reason: 'gap', expectedNumber: first };
  }
}

function recomputeHash(journalId: string, row: ChainRow): string | undefined {
  try {
    return entryHash(row.prevHash, {
      id: row.id,
      journalId,
      year: row.year,
      number: row.number,
      printedNumber: row.printedNumber,
      sort: row.sort,
      kinds: JSON.parse(row.kindsJson) as string[],
      createdAt: row.createdAt,
      localDate: row.localDate,
      createdBy: row.createdBy,
      content: JSON.parse(row.contentJson) as unknown,
    });
  } catch {
    return undefined;
  }
}
