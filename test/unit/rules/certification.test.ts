import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { CertificationContent } from '../../../shared/domain/entry.js';
import {
  assertCertifiable,
  evaluateCertification,
  type BodyHistory,
  type CertificationCase,
} from '../../../shared/rules/certification.js';
import { certificationCase, committeeHistory, DEPUTY, doc, facts, FORMER_HEAD, HEAD, name, TODAY } from './fixtures.js';

const opts = { today: TODAY };
const failed = (c: CertificationCase, body: BodyHistory = committeeHistory()) =>
  evaluateCertification(c, body, opts).missing.map((item) => `${item.id}@${item.ruleId}`);
const signerLabel = (c: CertificationCase, body: BodyHistory = committeeHistory()) =>
  evaluateCertification(c, body, opts).items.find((item) => item.id === 'signer')?.labelKey;

describe('R7.5 — who signed, and when', () => {
  it('the head on the certificate’s date: certifiable', () => {
    expect(evaluateCertification(certificationCase(), committeeHistory(), opts).issuable).toBe(true);
  });

  it('names are compared after normalisation (case, apostrophe form, spacing)', () => {
    const history = committeeHistory({ posts: [{ role: 'head', name: name('Мар’яненко', 'Олена'), from: '2020-01-01' }] });
    const c = certificationCase({ signer: { role: 'head', name: name(' МАРʼЯНЕНКО ', 'олена'), headAbsence: 'not_applicable' } });
    expect(failed(c, history)).toEqual([]);
  });

  const refused: { title: string; c: CertificationCase; label: string }[] = [
    {
      title: 'signed as head by someone who was never head or deputy',
      c: certificationCase({ signer: { role: 'head', name: name('Сидоренко', 'Петро', 'Петрович'), headAbsence: 'not_applicable' } }),
      label: 'rules.checks.signer_not_head',
    },
    {
      title: 'signed by the former head after the end of the term',
      c: certificationCase({ signer: { role: 'head', name: FORMER_HEAD, headAbsence: 'not_applicable' } }),
      label: 'rules.checks.signer_not_head',
    },
    {
      title: 'signed by the current head before the term began',
      c: certificationCase({ certificateDate: '2022-06-01', signer: { role: 'head', name: HEAD, headAbsence: 'not_applicable' } }),
      label: 'rules.checks.signer_not_head',
    },
    {
      title: 'signed as deputy by someone who is not the deputy',
      c: certificationCase({ signer: { role: 'deputy', name: HEAD, headAbsence: 'confirmed_by_administrator' } }),
      label: 'rules.checks.signer_not_deputy',
    },
    {
      title: 'signed by the deputy with no absence of the head recorded',
      c: certificationCase({ signer: { role: 'deputy', name: DEPUTY, headAbsence: 'not_applicable' } }),
      label: 'rules.checks.head_absence_not_recorded',
    },
    {
      title: 'signed by the deputy claiming a vacant post while a head held it',
      c: certificationCase({ signer: { role: 'deputy', name: DEPUTY, headAbsence: 'post_vacant' } }),
      label: 'rules.checks.head_post_not_vacant',
    },
  ];

  it.each(refused)('R7.5 refused: $title', ({ c, label }) => {
    expect(failed(c)).toEqual(['signer@R7.5']);
    expect(signerLabel(c)).toBe(label);
  });

  it('R7.5 the deputy is accepted when the head’s absence is confirmed by the administrator', () => {
    const c = certificationCase({ signer: { role: 'deputy', name: DEPUTY, headAbsence: 'confirmed_by_administrator' } });
    expect(failed(c)).toEqual([]);
  });

  it('R7.5 the deputy is accepted when the head’s post was vacant on the certificate’s date', () => {
    // Between the former head's last day (2022-12-31) and the new head's first (2023-02-01).
    const c = certificationCase({ certificateDate: '2023-01-15', signer: { role: 'deputy', name: DEPUTY, headAbsence: 'post_vacant' } });
    expect(failed(c)).toEqual([]);
    expect(signerLabel(c)).toBe('rules.checks.signer_deputy_vacant');
  });

  it('R7.5 a post’s last day counts, the day after does not', () => {
    const onLastDay = certificationCase({ certificateDate: '2022-12-31', signer: { role: 'head', name: FORMER_HEAD, headAbsence: 'not_applicable' } });
    expect(failed(onLastDay)).toEqual([]);
    expect(failed({ ...onLastDay, certificateDate: '2023-01-01' })).toEqual(['signer@R7.5']);
  });

  it('R7.5 the certificate’s date is mandatory and not in the future', () => {
    expect(failed(certificationCase({ certificateDate: '2025-03-11' }))).toContain('certificate_date@R7.5');
    expect(failed(certificationCase({ certificateDate: '2025-02-30' }))).toContain('certificate_date@R7.5');
    expect(failed(certificationCase({ certificateDate: TODAY }))).toEqual([]);
  });

  it('R7.5 the seal is required when the body is a legal entity with a seal, and only then', () => {
    const unsealed = certificationCase({ sealPresent: false });
    expect(failed(unsealed)).toEqual(['seal@R7.5']);
    expect(failed(unsealed, committeeHistory({ legalEntity: false, hasSeal: false }))).toEqual([]);
    expect(failed(unsealed, committeeHistory({ legalEntity: false, hasSeal: true }))).toEqual([]);
  });
});

describe('R7.6 — refusal to certify', () => {
  const cases: { rule: string; title: string; c: CertificationCase; failed: string[] }[] = [
    { rule: 'R7.6.1', title: 'no identity document', c: certificationCase({ documents: [doc('housing_records', 'house_book')] }), failed: ['identity@R7.6.1'] },
    { rule: 'R7.6.2', title: 'no house book', c: certificationCase({ documents: [doc('identity', 'id_card')] }), failed: ['housing_records@R7.6.2'] },
    { rule: 'R7.6.3', title: 'children in the certificate without birth certificates', c: certificationCase({ childrenMentioned: 2, documents: [doc('identity', 'id_card'), doc('housing_records', 'house_book'), doc('child_birth:0', 'birth_certificate')] }), failed: ['child_birth:1@R7.6.3'] },
    { rule: 'R7.6.4', title: 'representative without a power of attorney', c: certificationCase({ applicant: { actsAs: 'representative', name: name('Мельник', 'Ольга') } }), failed: ['power_of_attorney@R7.6.4'] },
    { rule: 'R7.6.5', title: 'title document demanded', c: certificationCase({ facts: facts({ titleRequested: true }) }), failed: ['title_document@R7.6.5'] },
    { rule: 'R7.6.6', title: 'the data do not match the documents', c: certificationCase({ dataMatch: false }), failed: ['data_match@R7.6.6'] },
  ];

  it.each(cases)('$rule: $title', ({ c, failed: expected }) => {
    expect(failed(c)).toEqual(expected);
  });
});

describe('R7.8 — ОСББ certificates of stove heating', () => {
  const osbb = (overrides: Partial<BodyHistory> = {}) =>
    committeeHistory({ type: 'osbb', legalEntity: true, hasSeal: false, posts: [{ role: 'head', name: HEAD, from: '2020-01-01' }, { role: 'deputy', name: DEPUTY, from: '2020-01-01' }], ...overrides });
  const osbbCase = (overrides: Partial<CertificationCase> = {}) =>
    certificationCase({ kind: 'osbb_stove_heating', body: { type: 'osbb', bodyId: 'o1', name: 'ОСББ «Затишок»', hasSeal: true }, ...overrides });

  it('signed by the ОСББ head and sealed: certifiable', () => {
    expect(failed(osbbCase(), osbb())).toEqual([]);
  });

  it('the ОСББ seal is always required', () => {
    expect(failed(osbbCase({ sealPresent: false }), osbb())).toEqual(['seal@R7.8']);
  });

  it('only the ОСББ head signs — a deputy is refused even with the head absent', () => {
    const c = osbbCase({ signer: { role: 'deputy', name: DEPUTY, headAbsence: 'confirmed_by_administrator' } });
    expect(failed(c, osbb())).toEqual(['signer@R7.8']);
  });

  it('an ОСББ cannot issue committee kinds, nor a committee the ОСББ kind', () => {
    expect(failed(osbbCase({ kind: 'committee_family' }), osbb())).toContain('body_type@R7.5');
    expect(failed(certificationCase({ kind: 'osbb_stove_heating' }))).toContain('body_type@R7.8');
  });
});

describe('R7.9 — characteristics are certified like other committee certificates', () => {
  it('the same checks apply', () => {
    expect(failed(certificationCase({ kind: 'committee_characteristic' }))).toEqual([]);
    expect(failed(certificationCase({ kind: 'committee_characteristic', dataMatch: false }))).toEqual(['data_match@R7.6.6']);
  });
});

describe('assertCertifiable', () => {
  const content = (c: CertificationCase): CertificationContent => ({
    sort: 'certification',
    submittedBy: 'subject',
    subject: {
      name: name('Шевченко', 'Тарас', 'Григорович'),
      declined: { nominative: 'Шевченко Тарас Григорович', dative: 'Шевченку Тарасу Григоровичу', genitive: 'Шевченка Тараса Григоровича', corrected: false },
    },
    address: { settlement: 'м. Глухів', house: '12' },
    signatory: { signatoryId: 's1', position: 'Адміністратор ЦНАП', fullName: 'Олена ПЕТРЕНКО', seal: 'for_certificates', sealName: 'Для довідок' },
    templateVersion: 1,
    ...c,
  });

  it('throws naming the signer rule for someone who was neither head nor deputy', () => {
    const c = content(certificationCase({ signer: { role: 'head', name: name('Сидоренко', 'Петро'), headAbsence: 'not_applicable' } }));
    expect(() => assertCertifiable(c, committeeHistory(), opts)).toThrow(DeskError);
    try {
      assertCertifiable(c, committeeHistory(), opts);
    } catch (e) {
      expect((e as DeskError).params?.missing).toBe('7.5');
      expect((e as DeskError).details?.[0]?.path).toBe('signer');
    }
  });

  it('rejects an issued kind offered for certification', () => {
    expect(() => evaluateCertification(certificationCase({ kind: 'family' }), committeeHistory(), opts)).toThrow(/rule_violation/);
  });
});
