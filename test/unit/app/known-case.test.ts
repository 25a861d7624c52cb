import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CertificateDraft } from '../../../shared/contract/channels/entries.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { completeFamilyDraft, openTestDesk, registerOptionsOf, type TestDesk } from './desk-harness.js';

let t: TestDesk;
let reopened: Desk | undefined;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await reopened?.close();
  reopened = undefined;
  await t.close();
});

async function issue(draft: CertificateDraft) {
  return (await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft })).entry;
}

const TARAS = { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' };

describe('a known household: the latest certificate for a person or at an address', () => {
  it('finds the person’s latest certificate by the name as typed (case and apostrophes aside), and not with another date of birth', async () => {
    await issue(completeFamilyDraft());
    const latest = await issue({ ...completeFamilyDraft(), purpose: 'для банку' });
    const found = await t.call('entries.knownCase', { person: { name: { familyName: 'шевченко', givenName: 'ТАРАС', patronymic: 'Григорович' }, birthDate: '1980-03-09' } });
    expect(found.match?.by).toBe('person');
    expect(found.match?.entry.id).toBe(latest.id);
    expect(found.match?.entry.content.sort === 'certificate' && found.match.entry.content.household).toHaveLength(3);

    const otherBirth = await t.call('entries.knownCase', { person: { name: TARAS, birthDate: '1981-01-01' } });
    expect(otherBirth.match).toBeNull();
    // A prefix of the name is no match: the index narrows, the whole name decides.
    const prefix = await t.call('entries.knownCase', { person: { name: { familyName: 'Шевченко', givenName: 'Тар' } } });
    expect(prefix.match).toBeNull();
  });

  it('finds the household at the address typed without the kind words, and nothing at another flat', async () => {
    const entry = await issue(completeFamilyDraft());
    const address = { settlement: 'Глухів', street: 'Київська', house: '12' };
    const found = await t.call('entries.knownCase', { person: { name: { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' } }, address });
    expect(found.match).toMatchObject({ by: 'address', entry: { id: entry.id } });
    expect((await t.call('entries.knownCase', { address: { ...address, apartment: '5' } })).match).toBeNull();
    expect((await t.call('entries.knownCase', { address: { ...address, house: '14' } })).match).toBeNull();
  });

  it('skips an annulled certificate: its data were wrong', async () => {
    const first = await issue(completeFamilyDraft());
    const second = await issue(completeFamilyDraft());
    await t.call('entries.annul', { entryId: second.id, reason: 'Помилка в складі сімʼї' });
    const found = await t.call('entries.knownCase', { person: { name: TARAS } });
    expect(found.match?.entry.id).toBe(first.id);
  });

  it('logs the reading of the entry it answers with', async () => {
    const entry = await issue(completeFamilyDraft());
    await t.call('entries.knownCase', { person: { name: TARAS } });
    const audit = await t.call('audit.list', {});
    expect(audit.items.some((row) => row.action === 'entry.known_case' && row.entityId === entry.id)).toBe(true);
  });

  it('answers after a restart with the case as registered, the gender chosen for a name that does not tell it included', async () => {
    const draft = completeFamilyDraft();
    draft.subject = { ...draft.subject, name: { familyName: 'Бойко', givenName: 'Саша' }, declined: { nominative: 'Бойко Саша', dative: 'x', genitive: 'x', corrected: false, gender: 'female' } };
    const entry = await issue(draft);
    await t.desk.close();
    reopened = await createDesk({ dataDir: t.dataDir, demo: false, appVersion: 'test', ...registerOptionsOf(t.dataDir) });
    const call = async (channel: string, input: unknown) => {
      const result = await reopened!.dispatcher.dispatch(channel, input, { sessionKey: 'after-restart', transport: 'cli' });
      if (!result.ok) throw DeskError.fromShape(result.error);
      return result.value;
    };
    await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
    const found = (await call('entries.knownCase', { person: { name: { familyName: 'Бойко', givenName: 'Саша' } } })) as { match: { entry: { id: string; content: { subject: { declined: unknown } } } } | null };
    expect(found.match?.entry.id).toBe(entry.id);
    expect(found.match?.entry.content.subject.declined).toMatchObject({ gender: 'female', dative: 'Бойко Саші' });
  });
});
