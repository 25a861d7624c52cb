import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { CertificateContent } from '../../../shared/domain/entry.js';
import { catalogue, customKindSchema, findKind } from '../../../shared/rules/catalogue.js';
import { assertIssuable, evaluateCertificate, judgeIssue, type CertificateCase } from '../../../shared/rules/checklist.js';
import { certificateCase, doc, facts, member, name, TODAY } from './fixtures.js';

const opts = { today: TODAY };
const missingIds = (c: CertificateCase, o: Parameters<typeof evaluateCertificate>[1] = opts) =>
  evaluateCertificate(c, o).missing.map((item) => item.id);
const missingRules = (c: CertificateCase) => evaluateCertificate(c, opts).missing.map((item) => item.ruleId);

describe('R7.1 / R7.4 — required documents of an issued certificate', () => {
  const cases: { rule: string; title: string; c: CertificateCase; missing: string[] }[] = [
    {
      rule: 'R7.4.1',
      title: 'no identity document',
      c: certificateCase({ documents: [doc('housing_records', 'house_book')] }),
      missing: ['identity'],
    },
    {
      rule: 'R7.4.2',
      title: 'no house book in a private house',
      c: certificateCase({ documents: [doc('identity', 'passport_book')] }),
      missing: ['housing_records'],
    },
    {
      rule: 'R7.4.2',
      title: 'a house book does not stand for apartment cards in an apartment building',
      c: certificateCase({ facts: facts({ dwelling: 'apartment_building' }) }),
      missing: ['housing_records'],
    },
    {
      rule: 'R7.4.3',
      title: 'family with a child and no birth certificate',
      c: certificateCase({
        kinds: ['family'],
        facts: facts({ dwelling: 'apartment_building' }),
        household: [member('applicant', '1985-04-02'), member('son', '2015-06-01')],
        documents: [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card')],
      }),
      missing: ['child_birth:1'],
    },
    {
      rule: 'R7.4.4',
      title: 'acting for someone else without a power of attorney',
      c: certificateCase({ applicant: { actsAs: 'representative', name: name('Мельник', 'Ольга') } }),
      missing: ['power_of_attorney'],
    },
    {
      rule: 'R7.4.5',
      title: 'title document demanded and not presented',
      c: certificateCase({ facts: facts({ titleRequested: true }) }),
      missing: ['title_document'],
    },
    {
      rule: 'R7.1.1',
      title: 'registration: technical passport when needed',
      c: certificateCase({ facts: facts({ technicalPassportNeeded: true }) }),
      missing: ['technical_passport'],
    },
    {
      rule: 'R7.1.2',
      title: 'family in a private house: title documents to the household',
      c: certificateCase({ kinds: ['family'], household: [member('applicant', '1980-01-01')] }),
      missing: ['title_document'],
    },
    {
      rule: 'R7.1.2',
      title: 'family with guardianship: guardianship authority documents',
      c: certificateCase({
        kinds: ['family'],
        facts: facts({ dwelling: 'apartment_building', guardianshipInvolved: true }),
        household: [member('applicant', '1980-01-01')],
        documents: [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card')],
      }),
      missing: ['guardianship_documents'],
    },
    {
      rule: 'R7.1.3',
      title: "actual residence: the self-organisation body's certificate and a deceased member's death certificate",
      c: certificateCase({
        kinds: ['actual_residence_family'],
        facts: facts({ deceasedMember: true }),
        household: [member('applicant', '1980-01-01'), member('husband', '1978-01-01', { deathDate: '2024-11-02' })],
        bodyCertificate: { bodyName: 'Квартальний комітет № 3', date: '2025-03-01' },
      }),
      missing: ['body_certificate', 'member_death:1'],
    },
    {
      rule: 'R7.1.4',
      title: 'breadwinner: kinship document and death certificate',
      c: certificateCase({
        kinds: ['breadwinner_cohabitation'],
        deceased: {
          name: name('Шевченко', 'Петро', 'Іванович'),
          declinedGenitive: 'Шевченка Петра Івановича',
          deathDate: '2024-12-01',
          kinship: 'син',
          kinshipDocument: 'birth_certificate',
        },
      }),
      missing: ['kinship_document', 'deceased_death'],
    },
  ];

  it.each(cases)('$rule: $title', ({ rule, c, missing }) => {
    const verdict = evaluateCertificate(c, opts);
    expect(verdict.issuable).toBe(false);
    expect(verdict.missing.map((item) => item.id)).toEqual(missing);
    expect(verdict.missing.map((item) => item.ruleId)).toContain(rule);
  });

  it('R7.4.1/R7.4.2: with identity and house book a registration certificate is issuable', () => {
    const verdict = evaluateCertificate(certificateCase(), opts);
    expect(verdict.issuable).toBe(true);
    expect(verdict.items.map((item) => item.ruleId)).toEqual(['R7.4.1', 'R7.4.2']);
  });

  it('R7.4.3: the birth certificate satisfies its child only (requirement id per child)', () => {
    const household = [member('applicant', '1985-04-02'), member('son', '2015-06-01'), member('daughter', '2019-02-11')];
    const base = certificateCase({ kinds: ['family'], facts: facts({ dwelling: 'apartment_building' }), household });
    const one = { ...base, documents: [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card'), doc('child_birth:1', 'birth_certificate')] };
    expect(missingIds(one)).toEqual(['child_birth:2']);
    const both = { ...one, documents: [...one.documents, doc('child_birth:2', 'birth_certificate')] };
    expect(evaluateCertificate(both, opts).issuable).toBe(true);
  });

  it('R7.4.3: a child is under 18 on the issue date — the 18th birthday ends it', () => {
    const c = certificateCase({ kinds: ['family'], facts: facts({ dwelling: 'apartment_building' }), household: [member('son', '2007-03-10')] });
    const docs = [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card')];
    expect(missingIds({ ...c, documents: docs }, { today: '2025-03-09' })).toEqual(['child_birth:0']);
    expect(missingIds({ ...c, documents: docs }, { today: '2025-03-10' })).toEqual([]);
  });

  it('R7.4: a document of a numbered type counts only with its number', () => {
    const withoutNumber = certificateCase({ documents: [doc('identity', 'passport_book', false), doc('housing_records', 'house_book')] });
    expect(missingIds(withoutNumber)).toEqual(['identity']);
  });

  it('R7.4: a document ticked for another requirement or of a wrong type does not count', () => {
    const wrongType = certificateCase({ documents: [doc('identity', 'birth_certificate'), doc('housing_records', 'house_book')] });
    expect(missingIds(wrongType)).toEqual(['identity']);
    const wrongRequirement = certificateCase({ documents: [doc('housing', 'house_book'), doc('identity', 'id_card')] });
    expect(missingIds(wrongRequirement)).toEqual(['housing_records']);
  });

  it('R7.1.3/R7.1.4: the housing organisation certificate stands for the house book only where the grounds allow it', () => {
    const docs = [doc('identity', 'passport_book'), doc('housing_records', 'housing_registration_certificate')];
    expect(missingIds(certificateCase({ documents: docs }))).toEqual(['housing_records']);
    const breadwinner = certificateCase({
      kinds: ['breadwinner_cohabitation'],
      deceased: { name: name('Шевченко', 'Петро'), declinedGenitive: 'Шевченка Петра', deathDate: '2024-12-01', kinship: 'дружина', kinshipDocument: 'marriage_certificate' },
      documents: [...docs, doc('kinship_document', 'marriage_certificate'), doc('deceased_death', 'death_certificate')],
    });
    expect(evaluateCertificate(breadwinner, opts).issuable).toBe(true);
  });

  it('R7.1.4: the deceased must be described for the breadwinner certificate', () => {
    const c = certificateCase({
      kinds: ['breadwinner_cohabitation'],
      documents: [doc('identity', 'passport_book'), doc('housing_records', 'house_book'), doc('kinship_document', 'birth_certificate'), doc('deceased_death', 'death_certificate')],
    });
    expect(missingIds(c)).toEqual(['deceased_details']);
  });
});

describe('R7.2 — a combined certificate needs the union of its kinds’ items', () => {
  const household = [member('applicant', '1985-04-02'), member('daughter', '2016-09-09')];
  const single = (kind: string) => missingIds(certificateCase({ kinds: [kind], household, documents: [] }));

  it('registration+family requires every item either requires, each once', () => {
    const combined = missingIds(certificateCase({ kinds: ['registration', 'family'], household, documents: [] }));
    const union = [...new Set([...single('registration'), ...single('family')])];
    expect([...combined].sort()).toEqual([...union].sort());
    expect(combined.length).toBe(new Set(combined).size);
    expect(combined.length).toBeGreaterThan(single('registration').length);
  });

  it('a document accepted by only one of the kinds does not satisfy the shared item', () => {
    const docs = [doc('identity', 'passport_book'), doc('housing_records', 'housing_registration_certificate'), doc('body_certificate', 'committee_certificate')];
    const c = certificateCase({
      kinds: ['actual_residence_family', 'registration'],
      household: [member('applicant', '1980-01-01')],
      bodyCertificate: { bodyName: 'Квартальний комітет № 3', date: '2025-03-01' },
      documents: docs,
    });
    expect(missingIds(c)).toEqual(['housing_records']);
  });

  it('issuable once the union is presented', () => {
    const c = certificateCase({
      kinds: ['registration', 'family'],
      household,
      documents: [
        doc('identity', 'id_card'),
        doc('housing_records', 'house_book'),
        doc('child_birth:1', 'birth_certificate'),
        doc('title_document', 'title_document'),
      ],
    });
    expect(evaluateCertificate(c, opts).issuable).toBe(true);
  });
});

describe('assertIssuable — the main-process gate', () => {
  const content = (c: CertificateCase): CertificateContent => ({
    sort: 'certificate',
    purpose: 'для предʼявлення за місцем вимоги',
    subject: {
      name: name('Шевченко', 'Тарас', 'Григорович'),
      declined: { nominative: 'Шевченко Тарас Григорович', dative: 'Шевченку Тарасу Григоровичу', genitive: 'Шевченка Тараса Григоровича', corrected: false, gender: 'male' },
    },
    address: { settlement: 'м. Глухів', street: 'вул. Шевченка', house: '12' },
    signatory: { signatoryId: 's1', position: 'Адміністратор ЦНАП', fullName: 'Олена ПЕТРЕНКО', seal: 'for_certificates', sealName: 'Для довідок' },
    templateVersions: {},
    ...c,
  });

  it('throws rule_violation naming R7.4.3 and the child item when a birth certificate is missing', () => {
    const c = certificateCase({ kinds: ['family'], facts: facts({ dwelling: 'apartment_building' }), household: [member('son', '2015-06-01')] });
    const bad = content({ ...c, documents: [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card')] });
    let error: unknown;
    try {
      assertIssuable(bad, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    const desk = error as DeskError;
    expect(desk.code).toBe('rule_violation');
    expect(desk.messageKey).toBe('errors.rules.checklistIncomplete');
    // The message reads the point a person cites (п. 7.4.3); the details keep the rule id.
    expect(desk.params?.missing).toBe('7.4.3');
    expect(desk.details?.map((d) => d.path)).toEqual(['child_birth:0']);
    expect(desk.details?.[0]?.messageKey).toBe('rules.requirements.child_birth');
  });

  it('returns the verdict when complete', () => {
    expect(assertIssuable(content(certificateCase()), opts).issuable).toBe(true);
  });

  it('refuses a name whose gender neither the name nor the administrator told, unless its forms were typed by hand', () => {
    const complete = content(certificateCase());
    const genderless = { ...complete, subject: { ...complete.subject, declined: { nominative: 'Бойко Саша', dative: 'Бойко Саша', genitive: 'Бойко Саша', corrected: false } } };
    expect(() => assertIssuable(genderless, opts)).toThrow(/declensionNeedsReview/);
    expect(judgeIssue(genderless, opts).obstacles.map((obstacle) => obstacle.messageKey)).toEqual(['errors.issuing.declensionNeedsReview']);
    const typed = { ...genderless, subject: { ...genderless.subject, declined: { ...genderless.subject.declined, dative: 'Бойку Саші', corrected: true } } };
    expect(judgeIssue(typed, opts).obstacles).toEqual([]);
  });

  it('lists every reason in the order main checks them: birth date, gender, then the checklist (R7.4.3)', () => {
    const c = certificateCase({ kinds: ['family'], facts: facts({ dwelling: 'apartment_building' }), household: [member('son', '2999-06-01')] });
    const complete = content({ ...c, documents: [doc('identity', 'passport_book'), doc('housing_records', 'apartment_card')] });
    const judged = judgeIssue({ ...complete, subject: { ...complete.subject, declined: { ...complete.subject.declined, gender: undefined } } }, opts);
    expect(judged.obstacles.map((obstacle) => obstacle.messageKey)).toEqual(['errors.invalid_input', 'errors.issuing.declensionNeedsReview', 'errors.rules.checklistIncomplete']);
  });

  it('rejects kinds that are unknown or certified-only', () => {
    expect(() => evaluateCertificate(certificateCase({ kinds: ['no_such_kind'] }), opts)).toThrow(DeskError);
    expect(() => evaluateCertificate(certificateCase({ kinds: ['committee_family'] }), opts)).toThrow(/rule_violation/);
  });
});

describe('R7.14 — certificates are free: no fee field in any schema', () => {
  const FEE = /fee|price|cost|amount|payment|tariff|плат|вартість|збір/i;
  function keysOf(schema: unknown, seen = new Set<unknown>()): string[] {
    if (typeof schema !== 'object' || schema === null || seen.has(schema)) return [];
    seen.add(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    const shape = def.type === 'object' ? (def.shape as Record<string, unknown>) : {};
    const nested = Object.values(def).flatMap((value) => (Array.isArray(value) ? value : [value]));
    return [...Object.keys(shape), ...Object.values(shape).flatMap((s) => keysOf(s, seen)), ...nested.flatMap((s) => keysOf(s, seen))];
  }

  it('walks the entry and custom-kind schemas and finds no fee-like key', async () => {
    const entry = await import('../../../shared/domain/entry.js');
    const keys = [...keysOf(entry.entryRecordSchema), ...keysOf(customKindSchema)];
    expect(keys).toContain('documents');
    expect(keys).toContain('decision');
    expect(keys.filter((key) => FEE.test(key))).toEqual([]);
  });
});

describe('R7.15 — a kind added by decision is data evaluated by the same code', () => {
  const custom = customKindSchema.parse({
    id: 'custom:income_subsidy',
    sort: 'issued',
    title: 'Довідка для призначення субсидії',
    grounds: [{ requirementId: 'income_statement', label: 'довідка про доходи', documentTypes: ['other'] }],
    decision: { number: '112', date: '2024-05-16' },
  });

  it('carries the decision and is found with the register’s custom kinds', () => {
    expect(findKind('custom:income_subsidy')).toBeUndefined();
    expect(findKind('custom:income_subsidy', [custom])?.decision).toEqual({ number: '112', date: '2024-05-16' });
  });

  it('its own grounds and R7.4 apply', () => {
    const c = certificateCase({ kinds: ['custom:income_subsidy'] });
    const verdict = evaluateCertificate(c, { today: TODAY, customKinds: [custom] });
    expect(verdict.missing.map((item) => [item.id, item.ruleId, item.params.label])).toEqual([['income_statement', 'R7.15', 'довідка про доходи']]);
    const complete = { ...c, documents: [...c.documents, doc('income_statement', 'other')] };
    expect(evaluateCertificate(complete, { today: TODAY, customKinds: [custom] }).issuable).toBe(true);
  });

  it('rejects a custom kind without a decision or with a malformed id', () => {
    expect(customKindSchema.safeParse({ ...custom, decision: undefined }).success).toBe(false);
    expect(customKindSchema.safeParse({ ...custom, id: 'income_subsidy' }).success).toBe(false);
  });
});

describe('catalogue', () => {
  it('has the four issued kinds of R7.1, the twelve committee kinds of R7.5 and the ОСББ kind of R7.8', () => {
    expect(catalogue.filter((k) => k.sort === 'issued').map((k) => k.rule)).toEqual(['R7.1.1', 'R7.1.2', 'R7.1.3', 'R7.1.4']);
    expect(catalogue.filter((k) => k.id.startsWith('committee_'))).toHaveLength(12);
    expect(findKind('osbb_stove_heating')?.issuer).toBe('osbb');
    expect(findKind('committee_characteristic')?.rule).toBe('R7.9');
    expect(new Set(catalogue.map((k) => k.id)).size).toBe(catalogue.length);
  });

  it('every ground cites a rule of the regulation', () => {
    for (const kind of catalogue) for (const item of kind.grounds) expect(item.ruleId).toMatch(/^R7\.\d+(\.\d+)?$/);
  });

  it('missing rule ids are named for the UI (R7.4.x)', () => {
    expect(missingRules(certificateCase({ documents: [] }))).toEqual(['R7.4.1', 'R7.4.2']);
  });
});
