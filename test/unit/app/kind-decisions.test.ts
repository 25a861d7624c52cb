import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { TestClock } from '../register/fixtures.js';
import { aggregate } from '../../../renderer/src/screens/reports/report-data.js';
import { completeFamilyDraft, disposeRegisterOf, openTestDesk, registerOptionsOf, type TestDesk } from './desk-harness.js';

let t: TestDesk;
const clock = new TestClock(new Date('2025-06-02T09:00:00.000Z'));
beforeEach(async () => {
  clock.set('2025-06-02T09:00:00.000Z');
  t = await openTestDesk({ now: clock.now });
});
afterEach(() => t.close());

const family = completeFamilyDraft();
/** Moves the desk's clock to 09:00 UTC of `date`; the head logs in again (a week away locks the session). */
async function at(date: string): Promise<void> {
  clock.set(`${date}T09:00:00.000Z`);
  await t.call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
}

function textOf(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-pdf-')), 'doc.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const issueFamily = () => t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: family });

async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; messageKey: string; params?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return { code: error.code, messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The decision of постанова КМУ № 861 done locally: form № 3 gives way to another kind from a date. */
const replaceFamily = {
  kindId: 'family',
  action: 'replace',
  successorKindId: 'actual_residence_family',
  number: '412',
  date: '2025-06-05',
  effectiveDate: '2025-06-10',
  point: '1. Припинити видачу довідки про склад сімʼї; видавати довідку про фактичне місце проживання та склад сімʼї.',
} as const;

async function familyCount(): Promise<number> {
  return (await t.call('journal.search', { kind: 'family', page: 1, pageSize: 50 })).total;
}

describe('kinds a decision retires or replaces (section F, R7.15)', () => {
  it('refuses the kind in main from the effective date while its old entries print, verify and count as before', async () => {
    const before = (await issueFamily()).entry;
    const printedBefore = await t.call('documents.render', { entryId: before.id });
    await t.call('kinds.decisions.record', replaceFamily);

    await at('2025-06-09'); // decided, not yet in force: still issued
    const lastDay = (await issueFamily()).entry;

    await at('2025-06-10');
    const refused = await refusalOf(issueFamily());
    expect(refused).toMatchObject({ code: 'rule_violation', messageKey: 'errors.kindDecisions.replaced' });
    expect(refused.params).toMatchObject({ number: '412', date: '05.06.2025', effectiveDate: '10.06.2025', successor: 'Довідка про фактичне місце проживання та склад сімʼї' });
    // Nothing was registered: the journal took no number for the refused certificate.
    expect(await familyCount()).toBe(2);

    // Old entries: the same bytes print, the code verifies, the chain holds, the report counts them.
    const printedAfter = await t.call('documents.render', { entryId: before.id });
    expect(printedAfter.pdfBase64).toBe(printedBefore.pdfBase64);
    const code = /Код перевірки довідки:\s*([0-9A-Z\s-]{11,25})/.exec(textOf(printedAfter.pdfBase64).replace(/\s+/g, ' '))?.[1]?.replace(/\s+/g, '').slice(0, 11) ?? '';
    expect(await t.call('documents.verify', { text: code })).toMatchObject({ status: 'valid', entry: { printedNumber: before.printedNumber } });
    expect(await t.call('journal.verify', { journalId: t.journalId })).toEqual({ ok: true, entries: 2 });

    // Other kinds are issued as before, numbered right after the last family certificate.
    const other = (await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: { ...family, kinds: ['registration'] } })).entry;
    expect(other.number).toBe(lastDay.number + 1);

    // The report by kind over a period spanning the decision counts the stopped kind as before, beside the others.
    const period = await t.call('journal.search', { dateFrom: '2025-06-01', dateTo: '2025-06-30', page: 1, pageSize: 50 });
    const byKind = Object.fromEntries(aggregate(period.items, 'kind').map((row) => [row.key, row.certificates]));
    expect(byKind).toEqual({ family: 2, registration: 1 });
    expect(lastDay.number).toBe(before.number + 1);
  });

  it('issues the kind again from the effective date of a decision that revokes the first, keeping both in the history', async () => {
    const stop = await t.call('kinds.decisions.record', { kindId: 'family', action: 'suspend', number: '12', date: '2025-06-02', effectiveDate: '2025-06-02', point: 'Зупинити видачу довідки про склад сімʼї до окремого рішення.' });
    expect((await refusalOf(issueFamily())).messageKey).toBe('errors.kindDecisions.suspended');
    const revoke = await t.call('kinds.decisions.record', { kindId: 'family', action: 'revoke', revokesDecisionId: stop.id, number: '30', date: '2025-06-16', effectiveDate: '2025-06-20', point: 'Визнати таким, що втратило чинність, рішення № 12.' });
    await at('2025-06-19');
    expect((await refusalOf(issueFamily())).messageKey).toBe('errors.kindDecisions.suspended');
    await at('2025-06-20');
    expect((await issueFamily()).entry.kinds).toEqual(['family']);
    // A decision is revoked once; the history keeps both records as written.
    expect((await refusalOf(t.call('kinds.decisions.record', { ...revokeInput(stop.id), number: '31' }))).messageKey).toBe('errors.kindDecisions.alreadyRevoked');
    expect((await t.call('kinds.decisions.list', {})).map((decision) => [decision.number, decision.action, decision.revokesDecisionId])).toEqual([
      ['12', 'suspend', null],
      ['30', 'revoke', stop.id],
    ]);
    expect(revoke.recordedByName).toBe(SAMPLE_HEAD.fullName);
  });

  it('keeps refusing after a restart, with the decision still in the history', async () => {
    await t.call('kinds.decisions.record', { ...replaceFamily, action: 'retire', successorKindId: undefined });
    await at('2025-06-11');
    await t.desk.close();
    const reopened = await createDesk({ dataDir: t.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(t.dataDir) });
    // From here the test's desk is the reopened one: closing it ends the test's register.
    const { dataDir } = t;
    t = {
      ...t,
      desk: reopened,
      close: async () => {
        await reopened.close();
        await disposeRegisterOf(dataDir);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    const call = (channel: string, input: unknown) => reopened.dispatcher.dispatch(channel, input, { sessionKey: 'after-restart', transport: 'cli' });
    expect((await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password })).ok).toBe(true);
    const issued = await call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: family });
    expect(issued).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.kindDecisions.retired' } });
    const listed = await call('kinds.decisions.list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ number: '412', action: 'retire' }] });
  });

  it('refuses a decision from anyone but the head, on an unknown kind, or a replacement without a successor', async () => {
    await t.call('users.create', { login: 'admin1', fullName: 'Адміністраторка Одна', role: 'admin', officeId: t.officeId, password: 'пароль-адміна-1' });
    expect((await t.raw('auth.login', { login: 'admin1', password: 'пароль-адміна-1' }, 'admin-session')).ok).toBe(true);
    expect(await t.raw('kinds.decisions.record', replaceFamily, 'admin-session')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.raw('kinds.decisions.record', { ...replaceFamily, kindId: 'custom:unknown_kind' })).toMatchObject({ ok: false, error: { messageKey: 'errors.kindDecisions.unknownKind' } });
    expect(await t.raw('kinds.decisions.record', { ...replaceFamily, successorKindId: undefined })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.call('kinds.decisions.list', {})).toEqual([]);
  });
});

function revokeInput(decisionId: string) {
  return { kindId: 'family', action: 'revoke' as const, revokesDecisionId: decisionId, number: '30', date: '2025-06-16', effectiveDate: '2025-06-20', point: 'Визнати таким, що втратило чинність, рішення № 12.' };
}
