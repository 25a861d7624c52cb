import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { registerPath } from '../../../electron/register/database.js';
import { entryHash } from '../../../electron/register/hash-chain.js';
import { issueInput, openDesk, prepareRegister } from './desk.js';
import { tamperWith } from './register-check.js';
import type { BaseEntry, BaseRegister, ExpectedFault } from './tamper.js';
import type { PreparedRegister } from './desk.js';

/**
 * Attacks that a hash chain alone does not see (R7.7), made on copies of a register whose every
 * issue was followed by a signed checkpoint in `<data folder>/checkpoints/`: the attacker holds the
 * register file but not the keys.
 */
export type CheckpointAttack = 'rewrite_and_rechain' | 'cut_tail' | 'old_copy';
export const CHECKPOINT_ATTACKS: readonly CheckpointAttack[] = ['rewrite_and_rechain', 'cut_tail', 'old_copy'];

/** A base register plus a copy of its file taken after `oldAt` entries (the old copy to put back). */
export interface CheckpointedRegister extends BaseRegister {
  readonly oldCopy: string;
  readonly oldAt: number;
}

export async function prepareCheckpointedRegister(count: number, oldAt: number): Promise<CheckpointedRegister> {
  const register = await prepareRegister();
  const entries: BaseEntry[] = [];
  const issue = async (until: number) => {
    const { desk, call } = await openDesk(register.dataDir);
    try {
      while (entries.length < until) {
        const { entry } = await call('entries.issueCertificate', issueInput(register, entries.length % 2 ? 'Бондаренко' : 'Шевченко'));
        entries.push({ id: entry.id, number: entry.number });
        // Each certificate is its own request at a desk: the event loop turns between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await desk.close();
    }
  };
  await issue(oldAt);
  // Closed, so the file holds every committed page (the WAL is checkpointed on close).
  const oldCopy = path.join(register.dataDir, 'old-copy.sqlite');
  copyFileSync(registerPath(register.dataDir), oldCopy);
  await issue(count);
  return { ...register, entries, oldCopy, oldAt };
}

interface EntryRow {
  id: string;
  year: number;
  number: number;
  printed_number: string;
  sort: string;
  kinds: string;
  created_at: string;
  local_date: string;
  created_by: string;
  content: string;
}

/**
 * Applies an attack with a SQLite editor (triggers dropped and put back) and returns what the
 * start-up verification must report. `at`: the entry edited (rewrite), the number of entries left
 * (cut tail); the old copy has its own size.
 */
export function applyCheckpointAttack(register: PreparedRegister, base: CheckpointedRegister, kind: CheckpointAttack, at: number): ExpectedFault {
  switch (kind) {
    case 'rewrite_and_rechain': {
      const target = base.entries[at - 1];
      if (!target) throw new Error(`no entry ${at}`);
      tamperWith(register.dataDir, (raw) => {
        raw.prepare("UPDATE entries SET content = replace(content, 'Шевченко', 'Шевчук') WHERE id = ?").run(target.id);
        raw.prepare("UPDATE entries SET content = replace(content, 'Бондаренко', 'Бондар') WHERE id = ?").run(target.id);
        // Every hash from the edited entry on, recomputed exactly as hash-chain.ts does.
        const rows = raw.prepare('SELECT * FROM entries WHERE journal_id = ? AND number >= ? ORDER BY year, number').all(register.journalId, at) as EntryRow[];
        let prevHash = (raw.prepare('SELECT hash FROM entries WHERE journal_id = ? AND number = ?').get(register.journalId, at - 1) as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
        for (const row of rows) {
          const hash = entryHash(prevHash, {
            id: row.id,
            journalId: register.journalId,
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
          raw.prepare('UPDATE entries SET prev_hash = ?, hash = ? WHERE id = ?').run(prevHash, hash, row.id);
          prevHash = hash;
        }
      });
      return { entryId: target.id, number: at, reason: 'rewritten' };
    }
    case 'cut_tail':
      tamperWith(register.dataDir, (raw) => {
        raw.prepare('DELETE FROM entries WHERE journal_id = ? AND number > ?').run(register.journalId, at);
        // The counter put back too, so numbering shows no gap.
        raw.prepare('UPDATE journal_counters SET last_number = ? WHERE journal_id = ?').run(at, register.journalId);
      });
      return { entryId: null, number: at + 1, reason: 'tail_cut' };
    case 'old_copy': {
      const file = registerPath(register.dataDir);
      for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
      copyFileSync(path.join(register.dataDir, path.basename(base.oldCopy)), file);
      return { entryId: null, number: base.oldAt + 1, reason: 'old_copy' };
    }
  }
}
