import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { checkpointFolder } from '../../../electron/register/checkpoints/checkpoint-log.js';
import { witnessCode } from '../../../electron/documents/journal-pdf.js';
import { applyCheckpointAttack, CHECKPOINT_ATTACKS, prepareCheckpointedRegister, type CheckpointedRegister } from '../../reliability/support/checkpoint-attacks.js';
import { issueInput, openDesk } from '../../reliability/support/desk.js';
import { copyOf, READ_ONLY_REFUSAL, startAndObserve } from '../../reliability/support/tamper.js';
import { onPostgres } from '../../support/register-backend.js';

const ENTRIES = 6;
const OLD_AT = 4;

let base: CheckpointedRegister;
beforeAll(async () => {
  base = await prepareCheckpointedRegister(ENTRIES, OLD_AT);
}, 120_000);
afterAll(() => base.remove());

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

/** The hash the log names for the entry at a position (a page ending at that entry prints its start). */
function signedEntryHash(dataDir: string, journalId: string, position: number): string {
  const notes = fs.readFileSync(path.join(checkpointFolder(dataDir), `${journalId}.log`), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string);
  const line = notes.flatMap((note) => note.split('\n')).find((text) => text.startsWith(`entry ${position} `));
  if (!line) throw new Error(`no checkpoint names entry ${position}`);
  return line.split(' ')[3]!;
}

// The checkpoint log lives in the desk's data folder; on the server each desk keeps its own (README).
describe.skipIf(onPostgres)('signed checkpoints outside the register (R7.7: nothing altered or removed unnoticed)', () => {
  it('signs a C2SP checkpoint after the issues, naming every entry, in a log outside the register file', () => {
    const logs = fs.readdirSync(checkpointFolder(base.dataDir));
    expect(logs).toEqual([`${base.journalId}.log`]);
    const notes = fs.readFileSync(path.join(checkpointFolder(base.dataDir), logs[0]!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string);
    // Issues that come faster than the log's fsync share a checkpoint; each entry is named once, in order.
    const sizes = notes.map((note) => Number(note.split('\n')[1]));
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes.at(-1)).toBe(ENTRIES);
    const named = notes.flatMap((note) => note.split('\n').filter((line) => line.startsWith('entry ')).map((line) => Number(line.split(' ')[1])));
    expect(named).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    const [origin, size, root, ...rest] = notes.at(-1)!.split('\n');
    expect(origin).toBe(`cnap-desk.local/journal/${base.journalId}`);
    expect(size).toBe(String(ENTRIES));
    expect(Buffer.from(root!, 'base64')).toHaveLength(32);
    expect(rest).toContain('');
    expect(rest.at(-2)).toMatch(/^\u2014 cnap-desk\.local\/office\/[A-Z0-9-]+ [A-Za-z0-9+/]{91}=$/);
  });

  it.each(CHECKPOINT_ATTACKS)('%s: found after a restart with the journal and the first entry that differs; the journal is read-only', async (kind) => {
    const register = copyOf(base);
    const at = kind === 'rewrite_and_rechain' ? 3 : 4;
    const expected = applyCheckpointAttack(register, base, kind, at);
    // Without the checkpoint log the chain alone passes: the attack is one the chain cannot see.
    const blind = copyOf({ ...base, dataDir: register.dataDir });
    fs.rmSync(checkpointFolder(blind.dataDir), { recursive: true, force: true });
    const unseen = await startAndObserve(blind, base.entries[0]!.id);
    await unseen.desk.desk.close();
    await blind.remove();
    expect(unseen.outcome.detected).toBe(false);
    const { outcome, desk } = await startAndObserve(register, base.entries[0]!.id);
    try {
      expect(outcome.detected).toBe(true);
      expect(outcome.firstBad).toMatchObject(expected);
      expect(outcome.readOnlyShown).toBe(true);
      expect(outcome.issueRefused).toBe(READ_ONLY_REFUSAL);
      expect(outcome.readsWork).toBe(true);
    } finally {
      await desk.desk.close();
    }
    // The command line says it in words, naming the journal and the entry by its number.
    const run = captureIo();
    await expect(runCli(['verify', '--data-dir', register.dataDir], run.io)).resolves.toBe(1);
    const report = run.err.join('\n');
    expect(report).toContain('01-21');
    expect(report).toMatch(kind === 'rewrite_and_rechain' ? /запис № \S+\/3 .*переписано/ : new RegExp(`запис № \\S+/${expected.number} .*відсутній`));
    expect(report).not.toMatch(/rewritten|tail_cut|old_copy/);
    await register.remove();
  });

  it('a restore from a backup through the command line is signed: the restored register verifies after a restart and says from when', async () => {
    const register = copyOf(base);
    try {
      const { desk } = await openDesk(register.dataDir);
      const backup = await desk.register.backup.create(null);
      await desk.close();
      // Two more certificates, then back to the backup: a shorter journal, legitimately.
      const more = await openDesk(register.dataDir);
      for (const name of ['Коваль', 'Мельник']) await more.call('entries.issueCertificate', issueInput(register, name));
      await more.desk.close();
      const restored = captureIo();
      await expect(runCli(['restore', '--data-dir', register.dataDir, '--from', backup.file], restored.io)).resolves.toBe(0);
      const { outcome, desk: after } = await startAndObserve(register, base.entries[0]!.id);
      try {
        expect(outcome).toMatchObject({ detected: false, readOnlyShown: false, issueRefused: undefined });
        const health = await after.call('register.health', {});
        expect(health.journals.find((journal) => journal.journalId === register.journalId)?.checkpoint?.restored?.from).toBe(backup.name);
      } finally {
        await after.desk.close();
      }
      const run = captureIo();
      await expect(runCli(['verify', '--data-dir', register.dataDir], run.io)).resolves.toBe(0);
      expect(run.out.join('\n')).toContain(backup.name);
    } finally {
      await register.remove();
    }
  });

  it('a torn last line of the log (a crash during an append) neither stops the desk nor hides the checkpoints before it', async () => {
    const register = copyOf(base);
    try {
      const log = path.join(checkpointFolder(register.dataDir), `${register.journalId}.log`);
      fs.appendFileSync(log, '"cnap-desk.local/journal/x\\n9');
      const { outcome, desk } = await startAndObserve(register, base.entries[0]!.id);
      await desk.desk.close();
      expect(outcome.detected).toBe(false);
      const lines = fs.readFileSync(log, 'utf8').split('\n');
      expect(lines.at(-1)).toBe('');
      expect(JSON.parse(lines.at(-2)!)).toMatch(new RegExp(`^cnap-desk.local/journal/${register.journalId}\\n${ENTRIES + 1}\\n`));
      // A forged newest checkpoint (no valid signature) is passed over, not trusted.
      const forged = (JSON.parse(lines.at(-2)!) as string).replace(`\n${ENTRIES + 1}\n`, `\n${ENTRIES + 50}\n`);
      fs.appendFileSync(log, `${JSON.stringify(forged)}\n`);
      const again = await startAndObserve(register, base.entries[0]!.id);
      await again.desk.desk.close();
      expect(again.outcome.detected).toBe(false);
    } finally {
      await register.remove();
    }
  });

  it('a journal page witness code says whether the register still holds what the page witnessed', async () => {
    const register = copyOf(base);
    try {
      const code = witnessCode(signedEntryHash(register.dataDir, register.journalId, 4));
      const held = captureIo();
      await expect(runCli(['verify', '--data-dir', register.dataDir, '--witness', code], held.io)).resolves.toBe(0);
      expect(held.out.join('\n')).toContain(t('cli.verify.witnessHeldSigned', { at: '' }).slice(0, 40));
      applyCheckpointAttack(register, base, 'rewrite_and_rechain', 2);
      const changed = captureIo();
      await expect(runCli(['verify', '--data-dir', register.dataDir, '--witness', code], changed.io)).resolves.toBe(1);
      expect(changed.err.join('\n')).toContain(t('cli.verify.witnessChanged', { code, index: '01-21', office: 'X', printedNumber: 'X' }).slice(0, 40));
      expect(changed.err.join('\n')).toMatch(/запис № \S+\/2 .*переписано/);
      const unknown = captureIo();
      await expect(runCli(['verify', '--data-dir', register.dataDir, '--witness', '0123456789abcdef'], unknown.io)).resolves.toBe(1);
      expect(unknown.err.join('\n')).toContain(t('cli.verify.witnessUnknown', { code: '0123456789abcdef' }));
    } finally {
      await register.remove();
    }
  });
});
