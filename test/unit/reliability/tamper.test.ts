import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInput, openDesk } from '../../reliability/support/desk.js';
import {
  applyTamper,
  copyOf,
  prepareBaseRegister,
  READ_ONLY_REFUSAL,
  startAndObserve,
  TAMPER_KINDS,
  type BaseRegister,
} from '../../reliability/support/tamper.js';
import { onPostgres } from '../../support/register-backend.js';

let base: BaseRegister;
beforeAll(async () => {
  base = await prepareBaseRegister(6);
}, 60_000);
afterAll(() => base.remove());

// Tampering with copies of the register file; on the server, tamper detection is covered by test/unit/register/integrity.test.ts, which runs on both backends.
describe.skipIf(onPostgres)('tampering with the file is found and stops writes to that journal (R7.7)', () => {
  it.each(TAMPER_KINDS)('%s: verification names the exact entry; the journal is read-only but readable', async (kind) => {
    const register = copyOf(base);
    const at = kind === 'delete_last' ? base.entries.length : 3;
    const expected = applyTamper(register, base.entries, kind, at);
    const { outcome, desk } = await startAndObserve(register, base.entries[0]!.id);
    try {
      expect(outcome.detected).toBe(true);
      expect(outcome.firstBad).toMatchObject(expected);
      expect(outcome.readOnlyShown).toBe(true);
      expect(outcome.issueRefused).toBe(READ_ONLY_REFUSAL);
      expect(outcome.annulRefused).toBe(READ_ONLY_REFUSAL);
      expect(outcome.readsWork).toBe(true);
    } finally {
      desk.desk.close();
      register.remove();
    }
  });

  it('an untouched copy is not read-only, and there is nothing to acknowledge', async () => {
    const register = copyOf(base);
    const { outcome, desk } = await startAndObserve(register, base.entries[0]!.id);
    try {
      expect(outcome).toMatchObject({ detected: false, readOnlyShown: false, issueRefused: undefined, annulRefused: undefined });
      const answer = await desk.raw('register.acknowledgeTamper', { journalId: register.journalId, decision: 'resume_writing', note: 'немає причин' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.register.notTampered' } });
    } finally {
      desk.desk.close();
      register.remove();
    }
  });

  it('stays read-only until the head decides; the decision is audited, outlives a restart, and a different fault locks again', async () => {
    const register = copyOf(base);
    applyTamper(register, base.entries, 'edit_content', 2);
    let { desk } = await startAndObserve(register, base.entries[0]!.id);
    try {
      const office = (await desk.call('offices.list', {})).items[0]!;
      await desk.call('users.create', { login: 'clerk', fullName: 'Ірина Коваль', role: 'admin', officeId: office.id, password: 'clerk-password-1' });
      await desk.call('auth.login', { login: 'clerk', password: 'clerk-password-1' }, 'clerk-session');
      const byClerk = await desk.raw('register.acknowledgeTamper', { journalId: register.journalId, decision: 'resume_writing', note: 'так' }, 'clerk-session');
      expect(byClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const kept = await desk.call('register.acknowledgeTamper', { journalId: register.journalId, decision: 'keep_read_only', note: 'Розбираємося: Кирпа-Ковальчук' });
      expect(kept).toMatchObject({ readOnly: true, acknowledgement: { decision: 'keep_read_only' } });
      expect(await desk.raw('entries.issueCertificate', issueInput(register))).toMatchObject({ ok: false, error: { code: 'read_only' } });

      const resumed = await desk.call('register.acknowledgeTamper', { journalId: register.journalId, decision: 'resume_writing', note: 'Звірено з паперовим журналом: Кирпа-Ковальчук' });
      expect(resumed).toMatchObject({ state: 'bad', readOnly: false, acknowledgement: { decision: 'resume_writing' } });
      const { entry } = await desk.call('entries.issueCertificate', issueInput(register));
      expect(entry.number).toBe(base.entries.length + 1);

      const decisions = await desk.call('audit.list', { action: 'register.tamper_decision', page: 1, pageSize: 10 });
      expect(decisions.items.map((row) => row.summary.split(' ')[0])).toEqual(['resume_writing', 'keep_read_only']);
      // The note may name people: it is kept with the decision, not in the audit log.
      expect(decisions.items.map((row) => row.summary).join(' ')).not.toContain('Кирпа');
      expect(resumed.acknowledgement?.note).toContain('Кирпа-Ковальчук');
      desk.desk.close();

      ({ desk } = await startAndObserve(register, base.entries[0]!.id));
      expect(desk.desk.register.verification.isReadOnly(register.journalId)).toBe(false);
      desk.desk.close();

      // A new fault before the answered one is a different first fault: read-only again.
      applyTamper(register, base.entries, 'edit_date', 1);
      const again = await startAndObserve(register, base.entries[0]!.id);
      desk = again.desk;
      expect(again.outcome).toMatchObject({ readOnlyShown: true, issueRefused: READ_ONLY_REFUSAL });
    } finally {
      desk.desk.close();
      register.remove();
    }
  });

  it('a journal found bad by the «verify» button also becomes read-only at once', async () => {
    const register = copyOf(base);
    const desk = await openDesk(register.dataDir);
    try {
      await desk.desk.register.verification.verifyAllJournals();
      applyTamper(register, base.entries, 'edit_date', 4);
      const result = await desk.call('journal.verify', { journalId: register.journalId });
      expect(result).toMatchObject({ ok: false, firstBad: { entryId: base.entries[3]!.id } });
      expect(await desk.raw('entries.issueCertificate', issueInput(register))).toMatchObject({ ok: false, error: { code: 'read_only' } });
    } finally {
      desk.desk.close();
      register.remove();
    }
  });
});
