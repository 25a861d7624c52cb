import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { entryHash } from '../../../electron/register/hash-chain.js';
import type { FirstBadEntry } from '../../../electron/register/chain-verifier.js';
import { issueInput, openDesk, prepareRegister, type OpenDesk, type PreparedRegister } from './desk.js';
import { tamperWith } from './register-check.js';

export interface BaseEntry {
  id: string;
  number: number;
}

/** A register with `count` issued certificates, closed, to be copied for each tampering case. */
export interface BaseRegister extends PreparedRegister {
  readonly entries: readonly BaseEntry[];
}

export async function prepareBaseRegister(count: number): Promise<BaseRegister> {
  const register = await prepareRegister();
  const { desk, call } = await openDesk(register.dataDir);
  const entries: BaseEntry[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const { entry } = await call('entries.issueCertificate', issueInput(register, i % 2 ? 'Бондаренко' : 'Шевченко'));
      entries.push({ id: entry.id, number: entry.number });
    }
  } finally {
    await desk.close();
  }
  return { ...register, entries };
}

/** A copy of the base register's data folder, so each case starts from the same untouched file. */
export function copyOf(base: BaseRegister): PreparedRegister {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-tamper-'));
  cpSync(base.dataDir, dataDir, { recursive: true });
  return { dataDir, journalId: base.journalId, signatoryId: base.signatoryId, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export type TamperKind =
  | 'edit_content'
  | 'edit_date'
  | 'edit_and_rehash'
  | 'edit_stored_hash'
  | 'delete_middle'
  | 'delete_last'
  | 'swap_neighbours'
  | 'move_to_end';

export const TAMPER_KINDS: readonly TamperKind[] = [
  'edit_content',
  'edit_date',
  'edit_and_rehash',
  'edit_stored_hash',
  'delete_middle',
  'delete_last',
  'swap_neighbours',
  'move_to_end',
];

export type ExpectedFault = Pick<FirstBadEntry, 'entryId' | 'number' | 'reason'> & { expectedNumber?: number };

/**
 * Changes the file the way a person with a SQLite editor would (triggers dropped and put back)
 * and returns what verification must report: the exact entry and why (R7.7).
 * `at` is the 1-based position of the entry tampered with; the last entry for `delete_last`.
 */
export function applyTamper(register: PreparedRegister, entries: readonly BaseEntry[], kind: TamperKind, at: number): ExpectedFault {
  const target = entries[at - 1];
  const next = entries[at];
  const last = entries[entries.length - 1];
  if (!target || !last) throw new Error(`no entry ${at}`);
  switch (kind) {
    case 'edit_content':
      tamperWith(register.dataDir, (raw) => raw.prepare("UPDATE entries SET content = replace(content, 'Тарас', 'Тарас ') WHERE id = ?").run(target.id));
      return { entryId: target.id, number: at, reason: 'hash_mismatch' };
    case 'edit_date':
      tamperWith(register.dataDir, (raw) => raw.prepare("UPDATE entries SET local_date = '2020-01-01' WHERE id = ?").run(target.id));
      return { entryId: target.id, number: at, reason: 'hash_mismatch' };
    case 'edit_stored_hash':
      tamperWith(register.dataDir, (raw) => raw.prepare("UPDATE entries SET hash = (CASE substr(hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END) || substr(hash, 2) WHERE id = ?").run(target.id));
      return { entryId: target.id, number: at, reason: 'hash_mismatch' };
    case 'edit_and_rehash':
      // The row's own hash recomputed after the edit: the next entry's link gives it away.
      if (!next) throw new Error('edit_and_rehash needs an entry after the target');
      tamperWith(register.dataDir, (raw) => editAndRehash(raw, register.journalId, target.id));
      return { entryId: next.id, number: at + 1, reason: 'broken_link' };
    case 'delete_middle':
      if (!next) throw new Error('delete_middle needs an entry after the target');
      tamperWith(register.dataDir, (raw) => raw.prepare('DELETE FROM entries WHERE id = ?').run(target.id));
      return { entryId: next.id, number: at + 1, reason: 'gap', expectedNumber: at };
    case 'delete_last':
      tamperWith(register.dataDir, (raw) => raw.prepare('DELETE FROM entries WHERE id = ?').run(last.id));
      return { entryId: null, number: last.number, reason: 'gap' };
    case 'swap_neighbours':
      if (!next) throw new Error('swap_neighbours needs an entry after the target');
      tamperWith(register.dataDir, (raw) => {
        raw.prepare('UPDATE entries SET number = 1000000 WHERE id = ?').run(target.id);
        raw.prepare('UPDATE entries SET number = ? WHERE id = ?').run(at, next.id);
        raw.prepare('UPDATE entries SET number = ? WHERE id = ?').run(at + 1, target.id);
      });
      return { entryId: next.id, number: at, reason: 'broken_link' };
    case 'move_to_end':
      if (!next) throw new Error('move_to_end needs an entry after the target');
      tamperWith(register.dataDir, (raw) => {
        raw.prepare('UPDATE entries SET number = ? WHERE id = ?').run(last.number + 1, target.id);
        raw.prepare('UPDATE journal_counters SET last_number = last_number + 1 WHERE journal_id = ?').run(register.journalId);
      });
      return { entryId: next.id, number: at + 1, reason: 'gap', expectedNumber: at };
  }
}

function editAndRehash(raw: Database.Database, journalId: string, id: string): void {
  raw.prepare("UPDATE entries SET content = replace(content, 'Тарас', 'Тарас ') WHERE id = ?").run(id);
  const row = raw.prepare('SELECT * FROM entries WHERE id = ?').get(id) as {
    prev_hash: string;
    year: number;
    number: number;
    printed_number: string;
    sort: string;
    kinds: string;
    created_at: string;
    local_date: string;
    created_by: string;
    content: string;
  };
  const hash = entryHash(row.prev_hash, {
    id,
    journalId,
    year: row.year,
    number: row.number,
    printedNumber: row.printed_number,
    sort: row.sort,
    kinds: JSON.parse(row.kinds) as string[],
    createdAt: row.created_at,
    localDate: row.local_date,
    createdBy: row.created_by,
    content: JSON.parse(row.content) as unknown,
  });
  raw.prepare('UPDATE entries SET hash = ? WHERE id = ?').run(hash, id);
}

/** What the app showed and did after starting on the tampered file. */
export interface TamperOutcome {
  detected: boolean;
  firstBad: FirstBadEntry | undefined;
  readOnlyShown: boolean;
  issueRefused: string | undefined;
  annulRefused: string | undefined;
  readsWork: boolean;
}

/** Starts the desk on the file as the app would and observes health, writes and reads. */
export async function startAndObserve(register: PreparedRegister, someEntryId: string): Promise<{ outcome: TamperOutcome; desk: OpenDesk }> {
  const desk = await openDesk(register.dataDir);
  await desk.desk.register.verification.verifyAllJournals();
  const health = await desk.call('register.health', {});
  const check = health.journals.find((journal) => journal.journalId === register.journalId);
  const issue = await desk.raw('entries.issueCertificate', issueInput(register));
  const annul = await desk.raw('entries.annul', { entryId: someEntryId, reason: 'Перевірка' });
  const search = await desk.raw('journal.search', { page: 1, pageSize: 5 });
  const outcome: TamperOutcome = {
    detected: check?.state === 'bad',
    firstBad: check?.result && !check.result.ok ? check.result.firstBad : undefined,
    readOnlyShown: check?.readOnly === true,
    issueRefused: issue.ok ? undefined : `${issue.error.code} ${issue.error.messageKey}`,
    annulRefused: annul.ok ? undefined : `${annul.error.code} ${annul.error.messageKey}`,
    readsWork: search.ok,
  };
  return { outcome, desk };
}

export const READ_ONLY_REFUSAL = 'read_only errors.register.journalTampered';
