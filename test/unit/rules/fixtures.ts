import type { DocumentType, PresentedDocument } from '../../../shared/domain/documents.js';
import type { CaseFacts } from '../../../shared/domain/entry.js';
import type { HouseholdMember, PersonName } from '../../../shared/domain/person.js';
import type { BodyHistory, CertificationCase } from '../../../shared/rules/certification.js';
import type { CertificateCase } from '../../../shared/rules/checklist.js';

export const TODAY = '2025-03-10';

export function name(familyName: string, givenName: string, patronymic?: string): PersonName {
  return { familyName, givenName, ...(patronymic ? { patronymic } : {}) };
}

export function member(relation: HouseholdMember['relation'], birthDate: string, extra: Partial<HouseholdMember> = {}): HouseholdMember {
  return { name: name('Шевченко', 'Іван', 'Петрович'), relation, birthDate, ...extra };
}

const NUMBERED: Partial<Record<DocumentType, { series?: string; number: string }>> = {
  passport_book: { series: 'КВ', number: '123456' },
  id_card: { number: '001234567' },
  birth_certificate: { series: 'I-БП', number: '654321' },
  marriage_certificate: { series: 'I-ЖС', number: '111222' },
  death_certificate: { series: 'I-СМ', number: '333444' },
};

/** A presented document with a realistic series/number when its type has one. */
export function doc(requirementId: string, type: DocumentType, withNumber = true): PresentedDocument {
  const numbered = withNumber ? NUMBERED[type] : undefined;
  return { requirementId, type, ...(numbered ?? {}) };
}

export const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  dwelling: 'private_house',
  actingForOther: false,
  titleRequested: false,
  guardianshipInvolved: false,
  deceasedMember: false,
  ...overrides,
});

export function certificateCase(overrides: Partial<CertificateCase> = {}): CertificateCase {
  return {
    kinds: ['registration'],
    facts: facts(),
    household: [],
    applicant: { actsAs: 'self' },
    documents: [doc('identity', 'passport_book'), doc('housing_records', 'house_book')],
    ...overrides,
  };
}

export const HEAD = name('Петренко', 'Олена', 'Іванівна');
export const DEPUTY = name('Коваль', 'Микола', 'Степанович');
export const FORMER_HEAD = name('Бондар', 'Василь', 'Петрович');

export function committeeHistory(overrides: Partial<BodyHistory> = {}): BodyHistory {
  return {
    type: 'committee',
    name: 'Квартальний комітет № 3',
    hasSeal: true,
    legalEntity: true,
    posts: [
      { role: 'head', name: FORMER_HEAD, from: '2015-01-01', to: '2022-12-31' },
      { role: 'head', name: HEAD, from: '2023-02-01' },
      { role: 'deputy', name: DEPUTY, from: '2020-01-01' },
    ],
    ...overrides,
  };
}

export function certificationCase(overrides: Partial<CertificationCase> = {}): CertificationCase {
  return {
    kind: 'committee_family',
    body: { type: 'committee', bodyId: 'c1', name: 'Квартальний комітет № 3', hasSeal: true },
    certificateDate: '2025-03-01',
    signer: { role: 'head', name: HEAD, headAbsence: 'not_applicable' },
    sealPresent: true,
    applicant: { actsAs: 'self' },
    dataMatch: true,
    facts: facts(),
    documents: [doc('identity', 'id_card'), doc('housing_records', 'house_book')],
    ...overrides,
  };
}


/** «(а)», «помер(ла)», «він (вона)», «з ним (нею)», «свекруха (теща)»: a form left for the reader to pick. */
export const GENDER_LEFTOVER =
  /\p{L}\((?:а|ла|ий|на|ка)\)|\((?:вона|він|яка|який|нею|ним|її|його|померлою|померлим|проживала|проживав|зареєстрована|зареєстрований|була|був|теща|тесть|свекруха|свекор|підопічна|підопічний|мешкала|мешкав|дружини|чоловіка|заявниця|заявник)\)/u;
