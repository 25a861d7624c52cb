import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeFamilyDraft, openTestDesk, type TestDesk } from './desk-harness.js';

/**
 * Every text a person types is stored and may be printed (a journal page, a header, an
 * inscription): beyond the certificate's own fields, the council's requisites, office and journal
 * names, users, signatories, the handover's recipient, an annulment's reason, a decision's point
 * and the paper journal's closer take the same rules, checked by main whatever sent them.
 */

const HOSTILE = {
  escape: 'Коваль \u001b[31mОксана',
  nul: 'Коваль\u0000Оксана',
  rightToLeftOverride: 'Коваль \u202EанаскО',
  zeroWidthSpace: 'Коваль\u200BОксана',
  loneSurrogate: 'Коваль \uD800',
} as const;

/** The power of attorney a representative shows at handover (R7.4.4). */
const PROXY = { number: '451', date: '2025-05-20', issuer: 'приватний нотаріус Коваль О. П.' };

let t: TestDesk;
let entryId: string;
beforeAll(async () => {
  t = await openTestDesk();
  const issued = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: completeFamilyDraft() });
  entryId = issued.entry.id;
});
afterAll(async () => t.close());

/** A valid call for each channel with the text at `field` replaced by `text`. */
async function callsWith(text: string): Promise<Record<string, { channel: string; input: Record<string, unknown>; field: string }>> {
  const requisites = await t.call('requisites.get', {});
  const signatories = await t.call('directories.signatories.list', {});
  const signatory = signatories.find((item) => item.id === t.signatoryId);
  return {
    requisites: { channel: 'requisites.update', input: { ...requisites, address: text }, field: 'address' },
    office: { channel: 'offices.create', input: { code: 'D', name: text, kind: 'remote' }, field: 'name' },
    journal: { channel: 'journals.update', input: { id: t.journalId, title: text }, field: 'title' },
    user: { channel: 'users.create', input: { login: 'admin7', fullName: text, role: 'admin', officeId: t.officeId, password: 'пароль-адміна-7' }, field: 'fullName' },
    signatory: { channel: 'directories.signatories.save', input: { ...signatory, fullName: text }, field: 'fullName' },
    handover: { channel: 'entries.handover', input: { entryId, receivedBy: 'representative', recipientName: text, powerOfAttorney: PROXY }, field: 'recipientName' },
    proxyIssuer: { channel: 'entries.handover', input: { entryId, receivedBy: 'representative', recipientName: 'Бондар Іван', powerOfAttorney: { ...PROXY, issuer: text } }, field: 'powerOfAttorney.issuer' },
    annulment: { channel: 'entries.annul', input: { entryId, reason: `Помилка: ${text}` }, field: 'reason' },
    decision: {
      channel: 'kinds.decisions.record',
      input: { kindId: 'family', action: 'suspend', number: '12', date: '2025-06-02', effectiveDate: '2025-06-02', point: `Зупинити видачу: ${text}` },
      field: 'point',
    },
    paperJournal: { channel: 'journals.yearStarts.set', input: { journalId: t.journalId, paperLastNumber: 37, paperClosedBy: text }, field: 'paperClosedBy' },
  };
}

/** What the register holds that any of those calls could change. */
async function snapshot(): Promise<string> {
  const [requisites, offices, journals, users, signatories, entry, decisions, yearStarts] = await Promise.all([
    t.call('requisites.get', {}),
    t.call('offices.list', {}),
    t.call('journals.list', {}),
    t.call('users.list', {}),
    t.call('directories.signatories.list', {}),
    t.call('entries.get', { id: entryId }),
    t.call('kinds.decisions.list', {}),
    t.call('journals.yearStarts.list', { journalId: t.journalId }),
  ]);
  return JSON.stringify({ requisites, offices, journals, users, signatories, entry, decisions, yearStarts });
}

describe('free text beyond the certificate', () => {
  it('is refused on every channel that stores it, with the field named, and nothing changes', async () => {
    const before = await snapshot();
    for (const [name, text] of Object.entries(HOSTILE)) {
      for (const [what, call] of Object.entries(await callsWith(text))) {
        const answer = await t.raw(call.channel, call.input);
        expect(answer, `${what} with ${name}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        const details = answer.ok ? [] : (answer.error.details ?? []);
        expect(details, `${what} with ${name}`).toContainEqual(expect.objectContaining({ path: call.field, messageKey: 'validation.text.characters' }));
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('takes ordinary text, tidied as the certificate fields are: one apostrophe, single spaces', async () => {
    const office = await t.call('offices.create', { code: 'D', name: "  Старостат   с. Мар'янівка ", kind: 'remote' });
    expect(office.name).toBe('Старостат с. Марʼянівка');
    const handed = await t.call('entries.handover', { entryId, receivedBy: 'representative', recipientName: "Дем'яненко  Ольга", powerOfAttorney: PROXY });
    expect(handed.handover?.recipientName).toBe('Демʼяненко Ольга');
  });

  it('keeps the lines of a reason that has several, reading CR LF as one line break', async () => {
    const annulled = await t.call('entries.annul', { entryId, reason: 'Помилка в даті народження.\r\nВидано заново  за заявою.' });
    expect(annulled.annulment?.reason).toBe('Помилка в даті народження.\nВидано заново за заявою.');
  });
});
