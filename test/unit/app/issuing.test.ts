import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { familyDraft, openTestDesk, PRESENTED, type TestDesk } from './desk-harness.js';

const { identity, apartmentCards, childBirth } = PRESENTED;

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

describe('issuing through the main process', () => {
  it('refuses a family certificate without the child’s birth certificate, naming R7.4.3, and writes nothing', async () => {
    const result = await t.raw('entries.issueCertificate', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      certificate: familyDraft([identity, apartmentCards]),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(JSON.stringify(result)).toContain('R7.4.3');
    const journal = await t.call('journal.search', { page: 1, pageSize: 10 });
    expect(journal.total).toBe(0);
  });

  it('issues it once every required document is presented, with names declined by main', async () => {
    const { entry } = await t.call('entries.issueCertificate', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      certificate: familyDraft([identity, apartmentCards, childBirth]),
    });
    expect(entry.printedNumber).toBe('01-21/1');
    expect(entry.content.sort).toBe('certificate');
    if (entry.content.sort !== 'certificate') return;
    // The page sent 'x' as uncorrected forms: main recomputed them.
    expect(entry.content.subject.declined.dative).toBe('Шевченку Тарасу Григоровичу');
    expect(entry.content.subject.declined.genitive).toBe('Шевченка Тараса Григоровича');
    expect(entry.content.signatory.sealName).toBe('Для довідок');
    expect(entry.content.templateVersions).toEqual({ family: 1 });
  });

  it('keeps the administrator’s corrected forms', async () => {
    const draft = familyDraft([identity, apartmentCards, childBirth]);
    draft.subject.declined = { nominative: 'Шевченко Тарас Григорович', dative: 'Шевченкові Тарасові Григоровичу', genitive: 'Шевченка Тараса Григоровича', corrected: true };
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(entry.content.sort === 'certificate' && entry.content.subject.declined.dative).toBe('Шевченкові Тарасові Григоровичу');
  });

  it('declines a soft-group -ар surname softly in main, and still keeps the administrator’s correction', async () => {
    const draft = familyDraft([identity, apartmentCards, childBirth]);
    draft.subject.name = { familyName: 'Бондар', givenName: 'Іван', patronymic: 'Петрович' };
    draft.subject.declined = { nominative: 'Бондар Іван Петрович', dative: 'Бондару Івану Петровичу', genitive: 'Бондара Івана Петровича', corrected: false };
    const issued = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    const declined = issued.entry.content.sort === 'certificate' ? issued.entry.content.subject.declined : undefined;
    expect([declined?.dative, declined?.genitive]).toEqual(['Бондарю Івану Петровичу', 'Бондаря Івана Петровича']);

    draft.subject.declined = { nominative: 'Бондар Іван Петрович', dative: 'Бондареві Іванові Петровичу', genitive: 'Бондаря Івана Петровича', corrected: true };
    const corrected = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(corrected.entry.content.sort === 'certificate' && corrected.entry.content.subject.declined.dative).toBe('Бондареві Іванові Петровичу');
  });

  it('declines a name that does not tell its gender as the administrator chose it, and keeps the gender', async () => {
    const draft = familyDraft([identity, apartmentCards, childBirth]);
    draft.subject.name = { familyName: 'Бойко', givenName: 'Саша' };
    draft.subject.declined = { nominative: 'Бойко Саша', dative: 'Бойко Саша', genitive: 'Бойко Саша', corrected: false };
    const unanswered = await t.raw('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(unanswered).toMatchObject({ ok: false, error: { messageKey: 'errors.issuing.declensionNeedsReview' } });

    draft.subject.declined = { ...draft.subject.declined, gender: 'male' };
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(entry.content.sort === 'certificate' && entry.content.subject.declined).toMatchObject({ dative: 'Бойку Саші', genitive: 'Бойка Саші', gender: 'male' });
  });

  it('lets the name, not a gender chosen for an earlier name, decide the forms', async () => {
    const draft = familyDraft([identity, apartmentCards, childBirth]);
    draft.subject.declined = { ...draft.subject.declined, gender: 'female' };
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(entry.content.sort === 'certificate' && entry.content.subject.declined).toMatchObject({ dative: 'Шевченку Тарасу Григоровичу', gender: 'male' });
  });

  it('refuses a name with a Latin look-alike letter before any rule runs', async () => {
    const draft = familyDraft([identity, apartmentCards, childBirth]);
    draft.subject.name.familyName = 'Шевчeнко';
    const result = await t.raw('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('registers a refusal on the ground chosen (R7.4.2), with the referral for a missing house book', async () => {
    const { entry } = await t.call('entries.refuse', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      request: { sort: 'certificate', certificate: familyDraft([identity, childBirth]) },
      grounds: [{ ruleId: 'R7.4.2', details: '' }],
    });
    expect(entry.status).toBe('refused');
    if (entry.content.sort !== 'refusal') throw new Error('not a refusal');
    expect(entry.content.grounds.map((g) => g.ruleId)).toContain('R7.4.2');
    expect(entry.content.referral).toContain('звернутися до Відділу ведення реєстру територіальної громади');
  });
});

describe('certifying a committee certificate through the main process', () => {
  async function committee() {
    const body = await t.call('directories.bodies.save', {
      type: 'committee',
      committeeKind: 'quarter',
      number: '3',
      name: 'Квартальний комітет № 3',
      territory: 'вулиці Київська, Шевченка',
      legalEntity: true,
      hasSeal: true,
      sealName: 'Квартальний комітет № 3',
    });
    await t.call('directories.bodies.addPost', { bodyId: body.id, role: 'head', name: { familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович' }, from: '2015-01-01' });
    await t.call('directories.bodies.addPost', { bodyId: body.id, role: 'deputy', name: { familyName: 'Коваль', givenName: 'Микола', patronymic: 'Степанович' }, from: '2020-01-01' });
    return body.id;
  }

  function certification(bodyId: string, signer: { role: 'head' | 'deputy'; familyName: string; givenName: string; patronymic: string; headAbsence: 'not_applicable' | 'post_vacant' | 'confirmed_by_administrator' }, dataMatch = true) {
    return {
      kind: 'committee_family',
      bodyId,
      certificateDate: '2025-03-01',
      signer: { role: signer.role, name: { familyName: signer.familyName, givenName: signer.givenName, patronymic: signer.patronymic }, headAbsence: signer.headAbsence },
      sealPresent: true,
      submittedBy: 'subject' as const,
      subject: familyDraft([]).subject,
      address: familyDraft([]).address,
      applicant: { actsAs: 'self' as const },
      dataMatch,
      facts: familyDraft([]).facts,
      documents: [identity, apartmentCards],
    };
  }

  it('accepts the deputy only with the head’s absence recorded (R7.5)', async () => {
    const bodyId = await committee();
    const deputy = { role: 'deputy' as const, familyName: 'Коваль', givenName: 'Микола', patronymic: 'Степанович' };
    const withoutAbsence = await t.raw('entries.certify', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      certification: certification(bodyId, { ...deputy, headAbsence: 'not_applicable' }),
    });
    expect(withoutAbsence).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    const { entry } = await t.call('entries.certify', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      certification: certification(bodyId, { ...deputy, headAbsence: 'confirmed_by_administrator' }),
    });
    expect(entry.sort).toBe('certification');
    expect(entry.number).toBe(1);
  });

  it('refuses a signer who held no post on the certificate’s date, and data that do not match (R7.6.6)', async () => {
    const bodyId = await committee();
    const stranger = await t.raw('entries.certify', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      certification: certification(bodyId, { role: 'head', familyName: 'Мельник', givenName: 'Ігор', patronymic: 'Іванович', headAbsence: 'not_applicable' }),
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    const { entry } = await t.call('entries.refuse', {
      journalId: t.journalId,
      signatoryId: t.signatoryId,
      request: { sort: 'certification', certification: certification(bodyId, { role: 'head', familyName: 'Бондар', givenName: 'Василь', patronymic: 'Петрович', headAbsence: 'not_applicable' }, false) },
      grounds: [{ ruleId: 'R7.6.6', details: 'по батькові в довідці «Петрович», у паспорті «Павлович»' }],
    });
    if (entry.content.sort !== 'refusal') throw new Error('not a refusal');
    expect(entry.content.grounds.map((g) => g.ruleId)).toContain('R7.6.6');
  });
});
