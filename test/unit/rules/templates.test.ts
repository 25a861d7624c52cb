import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CertificateContent, CertificationContent, RefusalContent } from '../../../shared/domain/entry.js';
import en from '../../../shared/i18n/rules.en.js';
import uk from '../../../shared/i18n/rules.uk.js';
import { catalogue } from '../../../shared/rules/catalogue.js';
import { evaluateCertification } from '../../../shared/rules/certification.js';
import { evaluateCertificate } from '../../../shared/rules/checklist.js';
import { customIssuedTemplate, defaultTemplates } from '../../../shared/rules/default-templates.js';
import { formatAddress, householdRows, templateValuesFor } from '../../../shared/rules/template-values.js';
import {
  allPlaceholders,
  parseTemplate,
  placeholdersFor,
  printableCodePointRanges,
  renderCombined,
  renderTemplate,
  type ParsedTemplate,
} from '../../../shared/rules/templates.js';
import { certificateCase, certificationCase, committeeHistory, doc, facts, member, name, TODAY } from './fixtures.js';

function parsed(text: string, allowed = allPlaceholders): ParsedTemplate {
  const result = parseTemplate(text, allowed);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}
const errorKeys = (text: string, allowed = allPlaceholders) => {
  const result = parseTemplate(text, allowed);
  return result.ok ? [] : result.errors.map((e) => e.messageKey);
};

describe('parseTemplate', () => {
  it.each([
    ['unknown placeholder', 'Видана {{subject.accusative}}', 'validation.template.unknownPlaceholder'],
    ['single brace', 'Видана {subject.dative}', 'validation.template.unbalancedBraces'],
    ['unclosed', 'Видана {{subject.dative', 'validation.template.unbalancedBraces'],
    ['stray closing', 'Видана }} гр.', 'validation.template.unbalancedBraces'],
    ['triple braces', 'Видана {{{subject.dative}}}', 'validation.template.unbalancedBraces'],
    ['emoji', 'Видана 🙂 гр.', 'validation.template.unsupportedCharacter'],
    ['CJK', 'Видана 证明', 'validation.template.unsupportedCharacter'],
    ['tab', 'Видана\tгр.', 'validation.template.unsupportedCharacter'],
    ['household not alone', 'Склад: {{household}}', 'validation.template.householdNotAlone'],
    ['household twice', '{{household}}\n{{household}}', 'validation.template.householdTwice'],
    ['empty', ' \n ', 'validation.template.empty'],
    ['gendered choice with one side empty', 'що {{він|}} проживає', 'validation.template.badAlternative'],
    ['gendered choice of three', 'що {{він|вона|воно}} проживає', 'validation.template.badAlternative'],
  ])('rejects %s', (_title, text, key) => {
    expect(errorKeys(text)).toContain(key);
  });

  it('reports the line of the problem', () => {
    const result = parseTemplate('Рядок один\nРядок {{nope}} два');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.params).toMatchObject({ line: 2, name: '{{nope}}' });
  });

  it('rejects a known placeholder that the template’s kind does not use', () => {
    expect(errorKeys('{{deceased.genitive}}', placeholdersFor('registration'))).toEqual(['validation.template.placeholderNotAllowed']);
    expect(errorKeys('{{body.name}}', placeholdersFor('refusal'))).toEqual(['validation.template.placeholderNotAllowed']);
  });

  it('accepts Ukrainian typography: «» – — ’ ʼ № and CRLF line ends', () => {
    const template = parsed('«Довідка» № 5 — видана гр. {{subject.dative}} – сімʼя, сім’я…\r\nДругий рядок');
    expect(template.paragraphs).toHaveLength(2);
    expect(template.placeholders).toEqual(['subject.dative']);
  });
});

describe('the printable set matches the PDF font', () => {
  it('every allowed code point has a glyph in PT Serif regular, bold and italic', () => {
    const require = createRequire(import.meta.url);
    const fontkit = require('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(c: number): boolean } };
    const base = require.resolve('@expo-google-fonts/pt-serif/package.json').replace(/package\.json$/, '');
    for (const file of ['400Regular/PTSerif_400Regular.ttf', '700Bold/PTSerif_700Bold.ttf', '400Regular_Italic/PTSerif_400Regular_Italic.ttf']) {
      const font = fontkit.openSync(base + file);
      const missing: string[] = [];
      for (const [from, to] of printableCodePointRanges) for (let c = from; c <= to; c++) if (!font.hasGlyphForCodePoint(c)) missing.push(c.toString(16));
      expect(missing, file).toEqual([]);
    }
  });
});

describe('renderTemplate', () => {
  it('prints the word for the person’s gender, and both when the entry does not record it', () => {
    const template = parsed('в тому, що {{ він | вона }} дійсно {{зареєстрований|зареєстрована}} за адресою: {{address}}.');
    const values = { address: 'м. Глухів' };
    expect(renderTemplate(template, values, { gender: 'male' }).paragraphs).toEqual(['в тому, що він дійсно зареєстрований за адресою: м. Глухів.']);
    expect(renderTemplate(template, values, { gender: 'female' }).paragraphs).toEqual(['в тому, що вона дійсно зареєстрована за адресою: м. Глухів.']);
    expect(renderTemplate(template, values).paragraphs).toEqual(['в тому, що він (вона) дійсно зареєстрований (зареєстрована) за адресою: м. Глухів.']);
    expect(template.placeholders).toEqual(['address']);
  });


  it('R7.1.4: a choice marked deceased: follows the deceased’s gender, not the applicant’s', () => {
    const template = parsed('{{він|вона}} {{проживав|проживала}} з {{deceased.genitive}}, {{deceased:який|яка}} {{deceased:помер|померла}}, спільно з {{deceased:ним|нею}}');
    const values = { 'deceased.genitive': 'Бойка Миколи Івановича' };
    expect(renderTemplate(template, values, { gender: 'female', deceased: 'male' }).paragraphs).toEqual([
      'вона проживала з Бойка Миколи Івановича, який помер, спільно з ним',
    ]);
    expect(renderTemplate(template, values, { gender: 'male', deceased: 'female' }).paragraphs).toEqual([
      'він проживав з Бойка Миколи Івановича, яка померла, спільно з нею',
    ]);
    expect(errorKeys('{{cousin:він|вона}}')).toContain('validation.template.badAlternative');
  });

  it('drops a [[…]] clause whose placeholder has no value, and prints it when it has one', () => {
    const template = parsed('Видана гр. {{subject.dative}}[[, {{subject.birthDate}} р. н.]], в тому, що');
    expect(renderTemplate(template, { 'subject.dative': 'Бойко Ользі Романівні' }).paragraphs).toEqual(['Видана гр. Бойко Ользі Романівні, в тому, що']);
    expect(renderTemplate(template, { 'subject.dative': 'Бойко Ользі Романівні', 'subject.birthDate': '01.02.1960' }).paragraphs).toEqual([
      'Видана гр. Бойко Ользі Романівні, 01.02.1960 р. н., в тому, що',
    ]);
    expect(template.placeholders).toEqual(['subject.dative', 'subject.birthDate']);
    for (const text of ['a [[b', 'a ]] b', '[[a [[b]] c]]']) expect(errorKeys(text), text).toContain('validation.template.unbalancedClause');
  });

  it('substitutes values, keeps the household position, lists missing values', () => {
    const template = parsed('Видана гр. {{subject.dative}}.\n{{household}}\nДата реєстрації: {{registeredOn}}.\nДовідка видана {{purpose}}.');
    const body = renderTemplate(template, { 'subject.dative': 'Шевченку Тарасу', purpose: 'за місцем вимоги' });
    expect(body.paragraphs).toEqual(['Видана гр. Шевченку Тарасу.', 'Довідка видана за місцем вимоги.']);
    expect(body.householdAt).toBe(0);
    expect(body.missing).toEqual(['registeredOn']);
  });

  it('a multi-line value becomes several paragraphs', () => {
    const body = renderTemplate(parsed('Підстави:\n{{refusal.grounds}}'), { 'refusal.grounds': '1. Перша.\n2. Друга.' });
    expect(body.paragraphs).toEqual(['Підстави:', '1. Перша.', '2. Друга.']);
  });

  it('R7.2: a combined certificate prints each kind’s own statements in order, what they share once, and one household table', () => {
    const registration = parsed(defaultTemplates.registration?.text ?? '', placeholdersFor('registration'));
    const family = parsed(defaultTemplates.family?.text ?? '', placeholdersFor('family'));
    const values = { 'subject.dative': 'Шевченку Тарасу', address: 'м. Глухів, буд. 1', household: '2', purpose: 'за місцем вимоги' };
    const alone = { registration: renderTemplate(registration, values), family: renderTemplate(family, values) };
    const combined = renderCombined(
      [
        { template: registration, kindTitle: 'Реєстрація' },
        { template: family, kindTitle: 'Склад сімʼї' },
      ],
      values,
    );
    const shared = alone.registration.paragraphs.filter((p) => alone.family.paragraphs.includes(p));
    expect(shared.length).toBeGreaterThan(0);
    for (const paragraph of [...alone.registration.paragraphs, ...alone.family.paragraphs]) {
      expect(combined.paragraphs.filter((p) => p === paragraph)).toHaveLength(1);
    }
    // The common opening stays on top; what they share at the end (grounds, purpose) is printed last.
    const [opening, ...tail] = shared;
    expect(combined.paragraphs[0]).toBe(opening);
    expect(combined.paragraphs.slice(-tail.length)).toEqual(tail);
    // The table follows the family part's «склад … сімʼї становить:».
    const familyLead = alone.family.paragraphs[alone.family.householdAt ?? -1];
    expect(combined.paragraphs[combined.householdAt ?? -2]).toBe(familyLead);
    // Addressed once: one «Видана гр. …», at the top.
    expect(combined.paragraphs.filter((p) => p.startsWith('Видана гр.'))).toEqual([combined.paragraphs[0]]);
  });

  it('R7.2: a later part that opens with the same «Видана гр. …, в тому, що» goes on from its statement', () => {
    const registration = parsed(defaultTemplates.registration?.text ?? '', placeholdersFor('registration'));
    const actual = parsed(defaultTemplates.actual_residence_family?.text ?? '', placeholdersFor('actual_residence_family'));
    const values = { 'subject.dative': 'Бойко Ользі Романівні', address: 'м. Глухів, буд. 1', bodyCertificate: 'КК № 3 від 01.03.2025', purpose: 'за місцем вимоги' };
    const combined = renderCombined([{ template: registration, kindTitle: 'Р' }, { template: actual, kindTitle: 'Ф' }], values, { gender: 'female' });
    expect(combined.paragraphs.filter((p) => p.startsWith('Видана гр.'))).toHaveLength(1);
    expect(combined.paragraphs).toContain('Вона фактично проживає за адресою: м. Глухів, буд. 1, що підтверджується довідкою органу самоорганізації населення: КК № 3 від 01.03.2025.');
  });
});

describe('R7.3 default templates', () => {
  it('exist for every kind, the certification inscription and the refusal, each version 1 and valid for its key', () => {
    for (const key of [...catalogue.map((k) => k.id), 'certification_inscription', 'refusal']) {
      const template = defaultTemplates[key];
      expect(template?.version, key).toBe(1);
      expect(parseTemplate(template?.text ?? '', placeholdersFor(key)).ok, key).toBe(true);
    }
    expect(parseTemplate(customIssuedTemplate.text, placeholdersFor('custom:any')).ok).toBe(true);
  });

  const subject = {
    name: name('Шевченко', 'Тарас', 'Григорович'),
    birthDate: '1990-03-09',
    registeredOn: '2010-05-01',
    declined: { nominative: 'Шевченко Тарас Григорович', dative: 'Шевченку Тарасу Григоровичу', genitive: 'Шевченка Тараса Григоровича', corrected: false },
  };
  const signatory = { signatoryId: 's1', position: 'Адміністратор ЦНАП', fullName: 'Олена ПЕТРЕНКО', seal: 'for_certificates' as const, sealName: 'Для довідок' };
  const address = { settlement: 'м. Глухів', street: 'Шевченка', house: '12-А', apartment: '5' };

  it('a family certificate renders with the person in the dative, dates dd.MM.yyyy, nothing missing', () => {
    const content: CertificateContent = {
      sort: 'certificate',
      ...certificateCase({ kinds: ['family'], household: [member('applicant', '1990-03-09'), member('son', '2015-06-01')] }),
      documents: [doc('identity', 'passport_book'), doc('housing_records', 'house_book')],
      purpose: 'для предʼявлення за місцем вимоги',
      subject,
      address,
      signatory,
      templateVersions: { family: 1 },
    };
    const template = parsed(defaultTemplates.family?.text ?? '', placeholdersFor('family'));
    const body = renderTemplate(template, templateValuesFor(content, { entryDate: TODAY, printedNumber: '01-21/15' }), { gender: 'male' });
    expect(body.missing).toEqual([]);
    expect(body.paragraphs[0]).toContain('Видана гр. Шевченку Тарасу Григоровичу, 09.03.1990 р. н.');
    expect(body.paragraphs[0]).toContain('м. Глухів, вул. Шевченка, буд. 12-А, кв. 5');
    // Each presented document once, the house book as its records (no «…; будинкова книга» after it).
    expect(body.paragraphs).toContain('Підстава: паспорт громадянина України (книжечка) серії КВ № 123456; записи будинкової книги.');
    expect(body.paragraphs[body.householdAt ?? -1]).toBe('Склад його сімʼї становить:');
  });

  it('the certification inscription names the signer’s role and the body', () => {
    const content: CertificationContent = {
      sort: 'certification',
      ...certificationCase({ signer: { role: 'deputy', name: name('Коваль', 'Микола'), headAbsence: 'confirmed_by_administrator' } }),
      submittedBy: 'subject',
      subject,
      address,
      signatory,
      templateVersion: 1,
    };
    const template = parsed(defaultTemplates.certification_inscription?.text ?? '', placeholdersFor('certification_inscription'));
    const body = renderTemplate(template, templateValuesFor(content));
    expect(body.missing).toEqual([]);
    expect(body.paragraphs[0]).toBe(
      'Підпис заступника голови квартального (будинкового) комітету «Квартальний комітет № 3» (Коваль Микола) на довідці від 01.03.2025 «Довідка про склад сімʼї», виданій гр. Шевченку Тарасу Григоровичу, засвідчую.',
    );
  });

  it('the refusal notice lists numbered grounds and the referral', () => {
    const content: RefusalContent = {
      sort: 'refusal',
      requested: { sort: 'certificate', kinds: ['registration'] },
      subject,
      address,
      applicant: { actsAs: 'self' },
      grounds: [{ ruleId: 'R7.4.2', text: 'Не подано будинкову книгу.' }],
      referral: 'Зверніться до відділу ведення реєстру.',
      facts: facts(),
      documents: [],
      signatory,
      templateVersion: 1,
    };
    const body = renderTemplate(parsed(defaultTemplates.refusal?.text ?? '', placeholdersFor('refusal')), templateValuesFor(content));
    expect(body.paragraphs).toContain('1. Не подано будинкову книгу.');
    expect(body.paragraphs).toContain('Зверніться до відділу ведення реєстру.');
    expect(body.paragraphs[1]).toContain('у видачі довідки (Довідка з місця реєстрації');
  });
});

describe('values helpers', () => {
  it('formatAddress keeps a typed street prefix', () => {
    expect(formatAddress({ settlement: 'с. Перемога', street: 'пров. Садовий', house: '3' })).toBe('с. Перемога, пров. Садовий, буд. 3');
  });

  it('prints the in-laws by whose parent they are, and «заявниця», «підопічна» by the member', () => {
    const relations = (subjectGender: 'male' | 'female') =>
      householdRows(
        [{ ...member('applicant', '1980-01-01'), name: name('Бойко', 'Саша') }, member('mother_in_law', '1950-01-01'), member('father_in_law', '1950-01-01'), { ...member('ward', '2012-01-01'), name: name('Бойко', 'Олена', 'Іванівна') }],
        TODAY,
        subjectGender,
      ).map((r) => r.relation);
    expect(relations('male')).toEqual(['заявник', 'теща', 'тесть', 'підопічна']);
    expect(relations('female')).toEqual(['заявниця', 'свекруха', 'свекор', 'підопічна']);
  });

  it('householdRows marks children on the date', () => {
    const rows = householdRows([member('applicant', '1980-01-01'), member('son', '2010-01-01')], TODAY);
    expect(rows.map((r) => [r.relation, r.birthDate, r.child])).toEqual([
      ['заявник', '01.01.1980', false],
      ['син', '01.01.2010', true],
    ]);
  });
});

describe('every label and message key the rules emit exists in uk and en', () => {
  const lookup = (dict: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict);
  it('checklist and certification items', () => {
    const verdicts = [
      evaluateCertificate(certificateCase({ kinds: ['registration', 'family', 'actual_residence_family', 'breadwinner_cohabitation'], documents: [], household: [member('son', '2015-01-01'), member('husband', '1970-01-01', { deathDate: '2024-01-01' })], facts: facts({ actingForOther: true, titleRequested: true, guardianshipInvolved: true, technicalPassportNeeded: true, deceasedMember: true }) }), { today: TODAY }),
      evaluateCertification(certificationCase({ documents: [], childrenMentioned: 1, dataMatch: false, sealPresent: false, certificateDate: '2030-01-01' }), committeeHistory(), { today: TODAY }),
    ];
    const keys = verdicts.flatMap((v) => v.items.map((item) => item.labelKey));
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) {
      expect(typeof lookup(uk, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});
