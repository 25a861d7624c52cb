import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDraft } from '../../../shared/contract/channels/entries.js';
import type { Gender, HouseholdMember, PersonName } from '../../../shared/domain/person.js';
import { withRequiredDocuments } from '../../../electron/app/samples.js';
import { GENDER_LEFTOVER } from '../rules/fixtures.js';
import { openTestDesk, type TestDesk } from './desk-harness.js';

/**
 * Words chosen by the people they name: every document the desk prints, for a man and for a
 * woman, says «він»/«вона», «який помер»/«яка померла», «теща»/«свекруха» — never «він (вона)»,
 * «помер(ла)», «з ним (нею)» or «свекруха (теща)». The texts are read back from the PDFs.
 */

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());
const person = (familyName: string, givenName: string, patronymic: string): PersonName => ({ familyName, givenName, patronymic });
const declined = (name: PersonName) => {
  const nominative = [name.familyName, name.givenName, name.patronymic].join(' ');
  return { nominative, dative: nominative, genitive: nominative, corrected: false };
};

interface Cast {
  subject: PersonName;
  birthDate?: string;
  spouse: PersonName;
  spouseRelation: HouseholdMember['relation'];
  kinship: string;
}

const CAST: Record<Gender, Cast> = {
  male: { subject: person('Бойко', 'Микола', 'Іванович'), birthDate: '1960-02-01', spouse: person('Бойко', 'Ганна', 'Петрівна'), spouseRelation: 'wife', kinship: 'чоловік' },
  // No date of birth: the certificate drops «…, р. н.,» instead of printing it empty.
  female: { subject: person('Бойко', 'Ольга', 'Романівна'), spouse: person('Бойко', 'Микола', 'Іванович'), spouseRelation: 'husband', kinship: 'дружина' },
};

let t: TestDesk;
let namedSignatoryId: string;
let bodyId: string;

beforeAll(async () => {
  t = await openTestDesk();
  await t.call('directories.settlements.save', { kind: 'city', name: 'Городок' });
  // Typed surname first, as a directory often holds it: the signature line turns it round (ДСТУ 4163:2020).
  const signatory = await t.call('directories.signatories.save', {
    position: 'Адміністратор ЦНАП',
    fullName: 'Коваль Оксана Петрівна',
    seal: 'for_certificates',
    sealName: 'Для довідок',
    validFrom: '2020-01-01',
  });
  namedSignatoryId = signatory.id;
  const body = await t.call('directories.bodies.save', {
    type: 'committee',
    committeeKind: 'quarter',
    number: '7',
    name: 'Квартальний комітет № 7',
    territory: 'вулиця Садова',
    legalEntity: false,
    hasSeal: false,
  });
  bodyId = body.id;
  await t.call('directories.bodies.addPost', { bodyId, role: 'head', name: person('Ткачук', 'Іван', 'Миколайович'), from: '2015-01-01' });
  await t.call('directories.bodies.addPost', { bodyId, role: 'deputy', name: person('Ткачук', 'Ірина', 'Миколаївна'), from: '2015-01-01' });
}, 60_000);
afterAll(() => t.close());

function textOf(pdfBase64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gendered-paper-')), 'document.pdf');
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .replace(/(\p{L})-[ \t]*\n\s*/gu, '$1-')
    .replace(/\s+/g, ' ');
}

async function printed(entryId: string): Promise<string> {
  const text = textOf((await t.call('documents.render', { entryId })).pdfBase64);
  expect(text, text).not.toMatch(GENDER_LEFTOVER);
  return text;
}

function draft(gender: Gender, extra: Partial<CertificateDraft> & Pick<CertificateDraft, 'kinds'>): Omit<CertificateDraft, 'documents'> {
  const cast = CAST[gender];
  return {
    purpose: 'для предʼявлення за місцем вимоги',
    subject: { name: cast.subject, ...(cast.birthDate ? { birthDate: cast.birthDate } : {}), registeredOn: '1990-05-01', declined: declined(cast.subject) },
    address: { settlement: 'Городок', street: 'вул. Садова', house: '4' },
    applicant: { actsAs: 'self' },
    household: [],
    facts: { dwelling: 'private_house', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    ...extra,
  };
}

async function issue(certificate: CertificateDraft, signatoryId = t.signatoryId) {
  return (await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId, certificate })).entry;
}

describe.each(['male', 'female'] as const)('every printed document for a %s', (gender) => {
  const cast = CAST[gender];
  const man = gender === 'male';

  it('the combined registration and family certificate: one address, in-laws by whose parents they are, the settlement’s kind, each document once', async () => {
    const household: HouseholdMember[] = [
      { name: cast.subject, relation: 'applicant', birthDate: cast.birthDate ?? '1962-03-04' },
      { name: cast.spouse, relation: cast.spouseRelation, birthDate: '1961-07-08' },
      { name: person('Шевчук', 'Ніна', 'Петрівна'), relation: 'mother_in_law', birthDate: '1938-01-02' },
      { name: person('Шевчук', 'Петро', 'Іванович'), relation: 'father_in_law', birthDate: '1936-01-02' },
      { name: person('Гнатюк', 'Олена', 'Іванівна'), relation: 'ward', birthDate: '2012-09-10' },
    ];
    const entry = await issue(withRequiredDocuments(draft(gender, { kinds: ['registration', 'family'], household }), TODAY), namedSignatoryId);
    const text = await printed(entry.id);
    expect(text.match(/Видана гр\./g)).toHaveLength(1);
    expect(text).toContain(man ? 'він дійсно зареєстрований' : 'вона дійсно зареєстрована');
    expect(text).toContain(man ? 'Склад його сімʼї' : 'Склад її сімʼї');
    expect(text).toContain('м. Городок');
    for (const word of man ? ['заявник', 'теща', 'тесть'] : ['заявниця', 'свекруха', 'свекор']) expect(text).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, 'u'));
    expect(text).toContain('підопічна');
    expect(text.match(/будинков/g)).toHaveLength(1);
    expect(text).toContain('записи будинкової книги');
    expect(text).toContain('Оксана КОВАЛЬ');
    if (!man) expect(text).not.toContain('р. н.');
  });

  it('the actual residence certificate', async () => {
    const household: HouseholdMember[] = [{ name: cast.subject, relation: 'applicant', birthDate: cast.birthDate ?? '1962-03-04' }];
    const certificate = draft(gender, { kinds: ['actual_residence_family'], household, bodyCertificate: { bodyName: 'Квартальний комітет № 7', date: '2025-01-10' } });
    const text = await printed((await issue(withRequiredDocuments(certificate, TODAY))).id);
    expect(text).toContain(man ? 'він фактично проживає' : 'вона фактично проживає');
  });

  it('R7.1.4 the breadwinner certificate follows the deceased’s gender; a kinship document that does not prove the kinship needs the administrator’s word', async () => {
    const deceased = { name: cast.spouse, declinedGenitive: declined(cast.spouse).genitive, deathDate: '2024-11-02', kinship: cast.kinship, kinshipDocument: 'birth_certificate' as const };
    const proper = withRequiredDocuments(draft(gender, { kinds: ['breadwinner_cohabitation'], deceased }), TODAY);
    // A spouse's kinship is proved by the marriage certificate: the checklist offers it first.
    expect(proper.documents.find((doc) => doc.requirementId === 'kinship_document')?.type).toBe('marriage_certificate');
    const entry = await issue(proper);
    const text = await printed(entry.id);
    expect(text).toContain(man ? 'яка померла' : 'який помер');
    expect(text).toContain(man ? 'проживав спільно з нею' : 'проживала спільно з ним');
    expect(text).toContain(man ? 'з померлою' : 'з померлим');
    expect(text).toContain('свідоцтво про шлюб');
    expect(entry.content.sort === 'certificate' && entry.content.deceased).toMatchObject({ gender: man ? 'female' : 'male', kinshipDocument: 'marriage_certificate' });

    const wrong = { ...proper, documents: proper.documents.map((doc) => (doc.requirementId === 'kinship_document' ? { ...doc, type: 'birth_certificate' as const, series: 'I-БП', number: '654321' } : doc)) };
    const refused = await t.raw('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: wrong });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.issuing.kinshipDocumentMismatch' } });
    const confirmed = await issue({ ...wrong, deceased: { ...deceased, kinshipMismatchConfirmed: true } });
    // One source: the printed kinship document is the one ticked, whatever the draft's own field said.
    expect(confirmed.content.sort === 'certificate' && confirmed.content.deceased?.kinshipDocument).toBe('birth_certificate');
  });

  it('the refusal notice sends the person to the register department in the genitive', async () => {
    const request = { ...draft(gender, { kinds: ['family'] }), documents: [{ requirementId: 'identity', type: 'passport_book' as const, series: 'КВ', number: '123456' }] };
    const { entry } = await t.call('entries.refuse', { journalId: t.journalId, signatoryId: t.signatoryId, grounds: [{ ruleId: 'R7.4.2', details: '' }], request: { sort: 'certificate', certificate: request } });
    const text = await printed(entry.id);
    expect(text).toContain('звернутися до Відділу ведення реєстру');
  });

  it('R7.5 the certification inscription names its signer in the genitive, and a refusal of it uses no gendered verb', async () => {
    const signer = man
      ? { role: 'head' as const, name: person('Ткачук', 'Іван', 'Миколайович'), headAbsence: 'not_applicable' as const }
      : { role: 'deputy' as const, name: person('Ткачук', 'Ірина', 'Миколаївна'), headAbsence: 'confirmed_by_administrator' as const };
    const base = draft(gender, { kinds: ['family'] });
    const certification = {
      kind: 'committee_dependency_spouse',
      bodyId,
      certificateDate: '2025-03-01',
      signer,
      sealPresent: false,
      submittedBy: 'subject' as const,
      subject: base.subject,
      address: base.address,
      applicant: { actsAs: 'self' as const },
      dataMatch: true,
      facts: base.facts,
      documents: [
        { requirementId: 'identity', type: 'passport_book' as const, series: 'КВ', number: '123456' },
        { requirementId: 'housing_records', type: 'house_book' as const },
      ],
    };
    const { entry } = await t.call('entries.certify', { journalId: t.journalId, signatoryId: t.signatoryId, certification });
    const text = await printed(entry.id);
    // Ткачук declines for a man (Ткачука) and not for a woman.
    expect(text).toContain(man ? 'І. М. Ткачука засвідчую' : 'І. М. Ткачук засвідчую');

    const stranger = { ...certification, signer: { ...signer, name: man ? person('Мельник', 'Ігор', 'Іванович') : person('Мельник', 'Інна', 'Іванівна') } };
    const refusal = await t.call('entries.refuse', { journalId: t.journalId, signatoryId: t.signatoryId, grounds: [{ ruleId: 'R7.5', details: 'за довідником Мельник не значиться головою органу' }], request: { sort: 'certification', certification: stranger } });
    const notice = await printed(refusal.entry.id);
    expect(notice).toContain('не значиться');
  });
});
