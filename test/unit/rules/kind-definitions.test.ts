import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../../../shared/i18n/rules.en.js';
import uk from '../../../shared/i18n/rules.uk.js';
import { catalogue, type KindDefinition } from '../../../shared/rules/catalogue.js';
import type { IssuedKindSpec } from '../../../shared/rules/kinds/define.js';
import { evaluateCertificate } from '../../../shared/rules/checklist.js';
import { allPlaceholders, parseTemplate, placeholdersFor, type PlaceholderName } from '../../../shared/rules/templates.js';
import { openTestDesk, PRESENTED, type TestDesk } from '../app/desk-harness.js';
import { childResidence, childResidenceStrings } from './fixtures/child-residence-kind.js';

/**
 * One kind, one definition: a built-in kind is its file in `shared/rules/kinds/` plus its two
 * strings. The form's sections, the checklist, the template's placeholders and default text and
 * the printed title follow from it. A kind written the same way, added to the list with its
 * strings (the mocks below) and nothing else, is issued, checked and printed end to end.
 */

vi.mock('../../../shared/rules/kinds/index.js', async (importOriginal) => {
  const original = await importOriginal<{ issuedKindSpecs: readonly IssuedKindSpec[] }>();
  const { childResidence: added } = await import('./fixtures/child-residence-kind.js');
  return { ...original, issuedKindSpecs: [...original.issuedKindSpecs, added] };
});
const { withAddedStrings } = vi.hoisted(() => ({
  /** The rules strings of one language with the added kind's title and ground label. */
  withAddedStrings: async (language: 'uk' | 'en', original: { rules: Record<string, Record<string, string>> }) => {
    const { childResidenceStrings: strings } = await import('./fixtures/child-residence-kind.js');
    const added = strings[language];
    return {
      ...original,
      rules: {
        ...original.rules,
        kinds: { ...original.rules.kinds, child_residence: added.title },
        requirements: { ...original.rules.requirements, child_residence_birth: added.ground },
      },
    };
  },
}));
type RulesStrings = { default: { rules: Record<string, Record<string, string>> } };
vi.mock('../../../shared/i18n/rules.uk.js', async (importOriginal) => ({ default: await withAddedStrings('uk', (await importOriginal<RulesStrings>()).default) }));
vi.mock('../../../shared/i18n/rules.en.js', async (importOriginal) => ({ default: await withAddedStrings('en', (await importOriginal<RulesStrings>()).default) }));

type Strings = { rules: Record<string, Record<string, string> | undefined> };
const hasString = (strings: Strings, key: string) => {
  const [, area, name] = key.split('.');
  return typeof strings.rules[area ?? '']?.[name ?? ''] === 'string';
};

/** Placeholders a template must use because the kind needs that data printed. */
const NEEDED_PLACEHOLDER: Record<string, PlaceholderName> = { household: 'household', bodyCertificate: 'bodyCertificate', deceased: 'deceased.genitive' };

/** What is missing or wrong in a kind's definition; empty when it is complete. */
function definitionProblems(kind: KindDefinition): string[] {
  const problems: string[] = [];
  for (const [language, strings] of [['uk', uk], ['en', en]] as const) {
    if (!hasString(strings as Strings, kind.titleKey)) problems.push(`${language}: no title ${kind.titleKey}`);
    for (const item of kind.grounds) if (item.labelKey && !hasString(strings as Strings, item.labelKey)) problems.push(`${language}: no label ${item.labelKey}`);
  }
  if (!/^R7\.\d+(\.\d+)?$/.test(kind.rule)) problems.push(`rule ${kind.rule}`);
  if (kind.sort === 'certified') return problems;
  if (!kind.defaultTemplate || !kind.placeholders) return [...problems, 'an issued kind states its placeholders and default template'];
  const parsed = parseTemplate(kind.defaultTemplate, placeholdersFor(kind.id));
  if (!parsed.ok) return [...problems, `template: ${parsed.errors.map((error) => error.messageKey).join(', ')}`];
  for (const need of kind.needs) {
    const placeholder = NEEDED_PLACEHOLDER[need];
    if (placeholder && !parsed.template.placeholders.includes(placeholder)) problems.push(`needs ${need} but its template never prints {{${placeholder}}}`);
  }
  for (const name of kind.placeholders) if (!allPlaceholders.includes(name)) problems.push(`unknown placeholder ${name}`);
  for (const retired of kind.retiredTemplates ?? []) if (!parseTemplate(retired).ok) problems.push('a retired template does not parse');
  return problems;
}

describe('kind definitions', () => {
  it('are complete for every kind in the catalogue: strings in both languages, rule, template and placeholders', () => {
    expect(catalogue.length).toBeGreaterThan(4);
    for (const kind of catalogue) expect(definitionProblems(kind), kind.id).toEqual([]);
  });

  it('find what an incomplete definition lacks', () => {
    const family = catalogue.find((kind) => kind.id === 'family');
    if (!family) throw new Error('family is built in');
    expect(definitionProblems({ ...family, titleKey: 'rules.kinds.nowhere' })).toEqual(['uk: no title rules.kinds.nowhere', 'en: no title rules.kinds.nowhere']);
    expect(definitionProblems({ ...family, defaultTemplate: 'Склад сімʼї: {{purpose}}.' })).toContain('needs household but its template never prints {{household}}');
    expect(definitionProblems({ ...family, defaultTemplate: `${family.defaultTemplate ?? ''}\n{{nowhere}}` }).join()).toMatch(/template:/);
    expect(definitionProblems({ ...family, placeholders: ['household', 'nowhere' as PlaceholderName] })).toEqual(['unknown placeholder nowhere']);
  });
});

describe('a kind added as one definition and its strings', () => {
  let t: TestDesk;
  beforeAll(async () => {
    t = await openTestDesk();
  });
  afterAll(async () => t.close());

  const draft = (documents: readonly object[]) => ({
    kinds: [childResidence.id],
    purpose: 'для пред’явлення до школи',
    subject: {
      name: { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' },
      birthDate: '1982-05-01',
      declined: { nominative: 'Шевченко Марʼяна Іванівна', dative: 'Шевченко Марʼяні Іванівні', genitive: 'Шевченко Марʼяни Іванівни', corrected: false },
    },
    address: { settlement: 'м. Глухів', street: 'вул. Київська', house: '12' },
    applicant: { actsAs: 'self' as const },
    household: [
      { name: { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' }, relation: 'applicant' as const, birthDate: '1982-05-01' },
      { name: { familyName: 'Шевченко', givenName: 'Ґаля', patronymic: 'Тарасівна' }, relation: 'daughter' as const, birthDate: '2015-07-20' },
    ],
    facts: { dwelling: 'apartment_building' as const, actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents,
  });
  const childBirth = { ...PRESENTED.childBirth, requirementId: 'child_birth:1' };
  const ownGround = { requirementId: 'child_residence_birth', type: 'birth_certificate', series: 'I-БП', number: '111222' };

  it('is in the catalogue with its title, and its checklist asks for its own ground', () => {
    const kind = catalogue.find((item) => item.id === childResidence.id);
    expect(kind?.title).toBe(childResidenceStrings.uk.title);
    const verdict = evaluateCertificate(draft([PRESENTED.identity, PRESENTED.apartmentCards, childBirth]) as never, { today: '2026-12-08' });
    expect(verdict.missing.map((item) => item.id)).toContain('child_residence_birth');
  });

  it('is refused by main without its ground, then issued and printed with its title and template', async () => {
    const issue = (documents: readonly object[]) =>
      t.raw('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: draft(documents) });
    const refused = await issue([PRESENTED.identity, PRESENTED.apartmentCards, childBirth]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', messageKey: 'errors.rules.checklistIncomplete' } });

    const issued = await issue([PRESENTED.identity, PRESENTED.apartmentCards, childBirth, ownGround]);
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    const entryId = (issued.value as { entry: { id: string } }).entry.id;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kind-definition-')), 'certificate.pdf');
    writeFileSync(file, Buffer.from((await t.call('documents.render', { entryId })).pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(childResidenceStrings.uk.title.replace(/^Довідка/, 'ДОВІДКА'));
    expect(text).toContain('Шевченко Марʼяні Іванівні');
    expect(text).toContain('разом з дітьми');
    expect(text).toContain('Шевченко Ґаля Тарасівна');
  });
});
