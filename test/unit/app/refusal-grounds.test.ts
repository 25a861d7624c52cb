import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import type { RefusalContent } from '../../../shared/domain/entry.js';
import { disposeRegisterOf, familyDraft, openTestDesk, PRESENTED, registerOptionsOf, type TestDesk } from './desk-harness.js';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const { identity, childBirth } = PRESENTED;

function textOf(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-refusal-')), 'notice.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function refuse(grounds: unknown) {
  return t.raw('entries.refuse', {
    journalId: t.journalId,
    signatoryId: t.signatoryId,
    request: { sort: 'certificate', certificate: familyDraft([identity, childBirth]) },
    grounds,
  });
}

async function journalTotal(): Promise<number> {
  return (await t.call('journal.search', { page: 1, pageSize: 10 })).total;
}

describe('main checks the grounds of a refusal (R7.4, R7.6), whatever the page sent', () => {
  it('refuses a refusal with no ground, naming it, and writes nothing', async () => {
    const result = await refuse([]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.issuing.refusalGrounds', details: [{ path: 'grounds', messageKey: 'validation.refusal.noGround' }] },
    });
    expect(await journalTotal()).toBe(0);
  });

  it('refuses a ground that is not in the regulation’s list', async () => {
    const result = await refuse([{ ruleId: 'R7.4.9', details: '' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'grounds.0.ruleId', messageKey: 'validation.refusal.unknownGround' }] } });
    expect(await journalTotal()).toBe(0);
  });

  it('refuses R7.6.6 (a certification’s ground) on a certificate, and a ground named twice', async () => {
    const other = await refuse([{ ruleId: 'R7.6.6', details: 'прізвище не збігається' }]);
    expect(other).toMatchObject({ ok: false, error: { details: [{ path: 'grounds.0.ruleId', messageKey: 'validation.refusal.groundNotForPath', params: { point: '7.6.6' } }] } });
    const twice = await refuse([
      { ruleId: 'R7.4.2', details: '' },
      { ruleId: 'R7.4.2', details: 'будинкова книга' },
    ]);
    expect(twice).toMatchObject({ ok: false, error: { details: [{ path: 'grounds.1.ruleId', messageKey: 'validation.refusal.groundTwice' }] } });
    expect(await journalTotal()).toBe(0);
  });

  it('refuses R7.1 without the words saying which document is missing', async () => {
    const result = await refuse([{ ruleId: 'R7.1', details: '   ' }]);
    expect(result).toMatchObject({ ok: false, error: { details: [{ path: 'grounds.0.details', messageKey: 'validation.refusal.detailsNeeded', params: { point: '7.1' } }] } });
    expect(await journalTotal()).toBe(0);
  });

  it('refuses control and direction characters in the words, with the free-text message, and writes nothing', async () => {
    for (const details of ['будинкова книга\u001b[31m', 'рядок\nдругий', 'книга \u202eагинк']) {
      const result = await refuse([{ ruleId: 'R7.4.2', details }]);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'grounds.0.details', messageKey: 'validation.text.characters' }] } });
    }
    expect(await journalTotal()).toBe(0);
  });
});

describe('the refusal notice prints the chosen grounds in words with their points', () => {
  it('keeps the administrator’s words, tidied, and prints them after «п. 7.4.3», the same after a restart', async () => {
    const result = await refuse([
      { ruleId: 'R7.4.3', details: '  Шевченко   Олена Тарасівна  ' },
      { ruleId: 'R7.16', details: 'спільне проживання з батьком у 1990–1995 роках' },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { entry } = result.value as { entry: { id: string; content: RefusalContent } };
    expect(entry.content.grounds).toEqual([
      { ruleId: 'R7.4.3', text: 'п.\u00a07.4.3 — не подано свідоцтва про народження дітей: Шевченко Олена Тарасівна.' },
      {
        ruleId: 'R7.16',
        text: 'п.\u00a07.16 — довідкою не може бути засвідчений факт, за підтвердженням якого звернувся заявник (він встановлюється у визначеному законодавством порядку, зокрема в судовому): спільне проживання з батьком у 1990–1995 роках.',
      },
    ]);
    // No house book ground was chosen: no referral to the register department.
    expect(entry.content.referral).toBeUndefined();
    const before = textOf((await t.call('documents.render', { entryId: entry.id })).pdfBase64);
    expect(before).toContain('1) п. 7.4.3 — не подано свідоцтва про народження дітей: Шевченко Олена Тарасівна.');
    expect(before).toContain('2) п. 7.16 — довідкою не може бути засвідчений факт');

    await t.desk.close();
    const reopened = await createDesk({ dataDir: t.dataDir, demo: false, appVersion: 'test', ...registerOptionsOf(t.dataDir) });
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
    const again = await call('documents.render', { entryId: entry.id });
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(textOf((again.value as { pdfBase64: string }).pdfBase64)).toBe(before);
  });

  it('prints a refusal registered before grounds were chosen exactly as its stored words read', async () => {
    const fresh = await refuse([{ ruleId: 'R7.4.2', details: '' }]);
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.error));
    const { content, createdBy } = (fresh.value as { entry: { content: RefusalContent; createdBy: { userId: string; fullName: string } } }).entry;
    const old = 'Не подано: будинкова книга (приватний сектор) (підпункт 2 пункту 7.4 Порядку видачі довідок).';
    const head = { userId: createdBy.userId, login: SAMPLE_HEAD.login, fullName: createdBy.fullName, role: 'head' as const, officeId: t.officeId };
    const earlier = await t.desk.register.entries.appendEntry({
      journalId: t.journalId,
      content: { ...content, grounds: [{ ruleId: 'R7.4.2', requirementId: 'housing_records', text: old }] },
      user: head,
      gate: () => undefined,
    });
    const text = textOf((await t.call('documents.render', { entryId: earlier.id })).pdfBase64);
    expect(text).toContain(`1) ${old}`);
    expect(text).not.toContain('п. 7.4.2 —');
  });
});
