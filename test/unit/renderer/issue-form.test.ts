import { describe, expect, it } from 'vitest';
import { emptyHouseholdRow, emptyIssueForm, issueFormSchema, liveVerdict, type IssueFormValues } from '../../../renderer/src/screens/issue/issue-form.js';
import { buildIssueInput, buildRefusalInput } from '../../../renderer/src/screens/issue/issue-input.js';
import { issueCertificateInputSchema, refuseInputSchema } from '../../../shared/contract/channels/entries.js';
import { prefillFromEntry, restoredNamesOf, ticksFromDocuments } from '../../../renderer/src/screens/issue/issue-store.js';
import { formFromPrefill } from '../../../renderer/src/screens/issue/issue-form.js';

const TODAY = '2026-03-02';

function familyCase(): IssueFormValues {
  const form = emptyIssueForm();
  form.kinds = ['family'];
  form.subject.name = { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' };
  form.address.settlement = 'Глухів';
  form.address.house = '12';
  form.facts.dwelling = 'apartment_building';
  form.household = [
    { ...emptyHouseholdRow(), name: { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' }, relation: 'applicant', birthDate: '1980-03-09' },
    { ...emptyHouseholdRow(), name: { familyName: 'Шевченко', givenName: 'Марія', patronymic: 'Тарасівна' }, relation: 'daughter', birthDate: '2016-05-10' },
  ];
  form.signatoryId = 'sig-1';
  return form;
}

const allButChild = {
  identity: { presented: true, series: 'АБ', number: '123456' },
  housing_records: { presented: true },
};

const declined = { nominative: 'Шевченко Тарас Григорович', dative: 'Шевченку Тарасу Григоровичу', genitive: 'Шевченка Тараса Григоровича', corrected: false };

describe('the live checklist of the issue form', () => {
  it('names the child’s birth certificate (R7.4.3) until it is ticked with its number', () => {
    const waiting = liveVerdict(familyCase(), allButChild, TODAY).verdict;
    expect(waiting.issuable).toBe(false);
    expect(waiting.missing.map((item) => `${item.id} ${item.ruleId}`)).toEqual(['child_birth:1 R7.4.3']);
    expect(waiting.missing[0]?.params).toEqual({ name: 'Шевченко Марія Тарасівна' });

    const unnumbered = liveVerdict(familyCase(), { ...allButChild, 'child_birth:1': { presented: true } }, TODAY).verdict;
    expect(unnumbered.issuable).toBe(false);

    const ready = liveVerdict(familyCase(), { ...allButChild, 'child_birth:1': { presented: true, series: 'I-БП', number: '654321' } }, TODAY);
    expect(ready.verdict.issuable).toBe(true);
    expect(ready.documents.map((doc) => doc.type)).toEqual(['passport_book', 'apartment_card', 'birth_certificate']);
  });

  it('asks nothing for a child without a valid date of birth yet, and asks again once it is typed', () => {
    const form = familyCase();
    const row = form.household[1];
    if (row) row.birthDate = '2016-05';
    expect(liveVerdict(form, allButChild, TODAY).verdict.missing).toEqual([]);
  });

  it('requires a power of attorney when a representative applies (R7.4.4)', () => {
    const form = familyCase();
    form.applicant = { actsAs: 'representative', name: { familyName: 'Коваль', givenName: 'Ірина', patronymic: '' } };
    const ids = liveVerdict(form, allButChild, TODAY).verdict.missing.map((item) => item.id);
    expect(ids).toContain('power_of_attorney');
  });
});

describe('what the form sends to main', () => {
  it('passes the issuing channel’s own input schema, with the form’s key and the reissued entry when there is one', () => {
    const values = issueFormSchema(['family'], TODAY).parse(familyCase());
    const { documents } = liveVerdict(familyCase(), { ...allButChild, 'child_birth:1': { presented: true, series: 'I-БП', number: '654321' } }, TODAY);
    const submissionKey = crypto.randomUUID();
    const input = buildIssueInput('journal-1', values, documents, declined, null, { submissionKey, replacesEntryId: '0195f0f8-9a3c-7c1e-8b2a-1d2e3f405162' });
    const parsed = issueCertificateInputSchema.safeParse(input);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(input.replacesEntryId).toBe('0195f0f8-9a3c-7c1e-8b2a-1d2e3f405162');
    expect(input.submissionKey).toBe(submissionKey);
    expect(input.certificate.purpose).toBe('');
    expect(input.certificate.facts.actingForOther).toBe(false);
  });

  it('builds a refusal the refusal channel accepts', () => {
    const values = issueFormSchema(['family'], TODAY).parse(familyCase());
    const input = buildRefusalInput('journal-1', values, [], declined, [{ ruleId: 'R7.4.2', details: 'будинкова книга' }], crypto.randomUUID());
    expect(refuseInputSchema.safeParse(input).success).toBe(true);
    expect(input.grounds).toEqual([{ ruleId: 'R7.4.2', details: 'будинкова книга' }]);
    expect(refuseInputSchema.safeParse({ ...input, submissionKey: 'twice' }).success).toBe(false);
    expect(input.request.sort).toBe('certificate');
  });

  it('refuses a form without a kind or with a Latin look-alike letter in a name', () => {
    const form = familyCase();
    form.kinds = [];
    form.subject.name.familyName = 'Шевчeнко';
    const result = issueFormSchema(form.kinds, TODAY).safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('kinds');
    expect(paths).toContain('subject.name.familyName');
  });
});

describe('prefill from an earlier entry', () => {
  it('carries the person, the household and the documents with every detail, the documents as ticks to confirm', () => {
    const values = issueFormSchema(['family'], TODAY).parse(familyCase());
    const presented = { requirementId: 'identity', type: 'passport_book' as const, series: 'АБ', number: '123456', issuer: 'Глухівський РВ', issuedOn: '2001-02-03' };
    const { certificate } = buildIssueInput('journal-1', values, [presented], { ...declined, gender: 'male' }, null);
    const entry = { content: { ...certificate, sort: 'certificate' as const, signatory: { signatoryId: 'sig-1' } } } as unknown as Parameters<typeof prefillFromEntry>[0];
    const prefill = prefillFromEntry(entry);
    const form = formFromPrefill(prefill);
    expect(form.subject.name.familyName).toBe('Шевченко');
    expect(form.household).toHaveLength(2);
    expect(form.signatoryId).toBe('sig-1');
    expect(restoredNamesOf(prefill).subject?.declined.gender).toBe('male');
    const ticks = ticksFromDocuments(prefill.documents ?? []);
    expect(ticks.identity).toMatchObject({ presented: true, series: 'АБ', number: '123456' });
    // Sent again, the document is the one registered, issuer and date included.
    const { documents } = liveVerdict(form, ticks, TODAY);
    expect(documents).toEqual([presented]);
  });
});
