import { z } from 'zod';
import type { PresentedDocument, DocumentType } from '../../../../shared/domain/documents.js';
import { caseFactsSchema, kindIdSchema, type CaseFacts } from '../../../../shared/domain/entry.js';
import { relationSchema, type DeclinedName, type HouseholdMember, type Relation } from '../../../../shared/domain/person.js';
import { birthDateSchema, isValidIsoDate, pastOrTodayDateSchema } from '../../../../shared/domain/validation/dates.js';
import { personNameInputSchema } from '../../../../shared/domain/validation/names.js';
import { addressInputSchema } from '../../../../shared/domain/validation/address.js';
import { catalogue, kindsNeed, type CustomKind } from '../../../../shared/rules/catalogue.js';
import { evaluateCertificate, judgeIssue, type CertificateCase, type IssueJudgement } from '../../../../shared/rules/checklist.js';
import type { Verdict } from '../../../../shared/rules/requirements.js';
import type { IssuePrefill, Tick } from './issue-store.js';

/** A name as typed: three text fields, the patronymic may stay empty. */
export interface NameValues {
  familyName: string;
  givenName: string;
  patronymic: string;
}

export interface HouseholdRow {
  name: NameValues;
  relation: Relation;
  birthDate: string;
  registeredOn: string;
  deathDate: string;
}

/** The issue form's state: plain strings, as the inputs hold them. */
export interface IssueFormValues {
  kinds: string[];
  purpose: string;
  subject: { name: NameValues; birthDate: string; registeredOn: string };
  address: { settlement: string; street: string; streetId: string; house: string; building: string; apartment: string };
  applicant: { actsAs: 'self' | 'representative'; name: NameValues };
  household: HouseholdRow[];
  /** The kinship document is not here: it is the one ticked in the checklist (one source, R7.1.4). */
  deceased: { name: NameValues; deathDate: string; kinship: string };
  bodyCertificate: { bodyName: string; date: string; number: string };
  facts: Required<CaseFacts>;
  signatoryId: string;
}

/** The kinds the ЦНАП issues itself (R7.1); committee kinds are certified, not issued. */
export const issuedKinds = catalogue.filter((kind) => kind.sort === 'issued');

/** R7.15: kinds added by decision that the ЦНАП issues itself (the certified ones belong to the certify screen). */
export function issuedCustomKinds(customKinds: readonly CustomKind[]): CustomKind[] {
  return customKinds.filter((kind) => kind.sort === 'issued');
}

export const emptyName = (): NameValues => ({ familyName: '', givenName: '', patronymic: '' });

export const emptyHouseholdRow = (): HouseholdRow => ({ name: emptyName(), relation: 'other', birthDate: '', registeredOn: '', deathDate: '' });

export function emptyIssueForm(): IssueFormValues {
  return {
    kinds: [],
    purpose: '',
    subject: { name: emptyName(), birthDate: '', registeredOn: '' },
    address: { settlement: '', street: '', streetId: '', house: '', building: '', apartment: '' },
    applicant: { actsAs: 'self', name: emptyName() },
    household: [],
    deceased: { name: emptyName(), deathDate: '', kinship: '' },
    bodyCertificate: { bodyName: '', date: '', number: '' },
    facts: {
      dwelling: 'private_house',
      actingForOther: false,
      titleRequested: false,
      guardianshipInvolved: false,
      deceasedMember: false,
      technicalPassportNeeded: false,
    },
    signatoryId: '',
  };
}

const nameValues = (name: { familyName: string; givenName: string; patronymic?: string | undefined }): NameValues => ({
  familyName: name.familyName,
  givenName: name.givenName,
  patronymic: name.patronymic ?? '',
});

/** Form values from an earlier entry's data (its documents become ticks in the store, not form values). */
export function formFromPrefill(prefill: IssuePrefill | null): IssueFormValues {
  const form = emptyIssueForm();
  if (!prefill) return form;
  return {
    ...form,
    kinds: prefill.kinds ? [...prefill.kinds] : form.kinds,
    purpose: prefill.purpose ?? form.purpose,
    subject: prefill.subject
      ? { name: nameValues(prefill.subject.name), birthDate: prefill.subject.birthDate ?? '', registeredOn: prefill.subject.registeredOn ?? '' }
      : form.subject,
    address: prefill.address
      ? {
          settlement: prefill.address.settlement,
          street: prefill.address.street ?? '',
          streetId: prefill.address.streetId ?? '',
          house: prefill.address.house,
          building: prefill.address.building ?? '',
          apartment: prefill.address.apartment ?? '',
        }
      : form.address,
    applicant:
      prefill.applicant?.actsAs === 'representative'
        ? { actsAs: 'representative', name: nameValues(prefill.applicant.name) }
        : form.applicant,
    household: (prefill.household ?? []).map((member) => ({
      name: nameValues(member.name),
      relation: member.relation,
      birthDate: member.birthDate,
      registeredOn: member.registeredOn ?? '',
      deathDate: member.deathDate ?? '',
    })),
    deceased: prefill.deceased
      ? {
          name: nameValues(prefill.deceased.name),
          deathDate: prefill.deceased.deathDate,
          kinship: prefill.deceased.kinship,
        }
      : form.deceased,
    bodyCertificate: prefill.bodyCertificate
      ? { bodyName: prefill.bodyCertificate.bodyName, date: prefill.bodyCertificate.date, number: prefill.bodyCertificate.number ?? '' }
      : form.bodyCertificate,
    facts: prefill.facts ? { ...form.facts, ...prefill.facts, technicalPassportNeeded: prefill.facts.technicalPassportNeeded ?? false } : form.facts,
    signatoryId: prefill.signatoryId ?? form.signatoryId,
  };
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** Values the form keeps for a section the chosen kinds do not print are dropped. */
const dropped = z.unknown().transform(() => undefined);

/** The form schema: the shared domain schemas and validators, with sections per the chosen kinds. */
export function issueFormSchema(kinds: readonly string[], today: string) {
  const pastDate = pastOrTodayDateSchema(today);
  const optionalPastDate = z.preprocess(blankToUndefined, pastDate.optional());
  return z.object({
    kinds: z.array(kindIdSchema).min(1, 'ui.issue.chooseKind'),
    purpose: z.string().trim().max(300),
    subject: z.object({
      name: personNameInputSchema,
      birthDate: z.preprocess(blankToUndefined, birthDateSchema(today).optional()),
      registeredOn: optionalPastDate,
    }),
    address: addressInputSchema.extend({ streetId: optionalText(40) }),
    applicant: z.discriminatedUnion('actsAs', [
      z.object({ actsAs: z.literal('self') }),
      z.object({ actsAs: z.literal('representative'), name: personNameInputSchema }),
    ]),
    household: z
      .array(
        z.object({
          name: personNameInputSchema,
          relation: relationSchema,
          birthDate: birthDateSchema(today),
          registeredOn: optionalPastDate,
          deathDate: optionalPastDate,
        }),
      )
      .max(60),
    deceased: kindsNeed(kinds, 'deceased')
      ? z.object({
          name: personNameInputSchema,
          deathDate: pastDate,
          kinship: z.string().trim().min(1).max(60),
        })
      : dropped,
    bodyCertificate: kindsNeed(kinds, 'bodyCertificate')
      ? z.object({ bodyName: z.string().trim().min(1).max(200), date: pastDate, number: optionalText(40) })
      : dropped,
    facts: caseFactsSchema,
    signatoryId: z.string().min(1, 'ui.issue.chooseSignatory'),
  });
}
export type IssueFormOutput = z.output<ReturnType<typeof issueFormSchema>>;

function liveName(name: NameValues) {
  return { familyName: name.familyName.trim(), givenName: name.givenName.trim(), ...(name.patronymic.trim() ? { patronymic: name.patronymic.trim() } : {}) };
}

/** The case as typed so far, for the live checklist: rows without a valid date of birth are not counted yet. */
export function liveCase(values: IssueFormValues, documents: PresentedDocument[], customKinds: readonly CustomKind[] = []): CertificateCase {
  const known = new Set([...issuedKinds, ...issuedCustomKinds(customKinds)].map((kind) => kind.id));
  const household: HouseholdMember[] = values.household
    .filter((row) => isValidIsoDate(row.birthDate))
    .map((row) => ({
      name: liveName(row.name),
      relation: row.relation,
      birthDate: row.birthDate,
      ...(isValidIsoDate(row.deathDate) ? { deathDate: row.deathDate } : {}),
    }));
  const deceased = values.deceased;
  const body = values.bodyCertificate;
  return {
    kinds: values.kinds.filter((kind) => known.has(kind)),
    facts: values.facts,
    household,
    applicant: values.applicant.actsAs === 'representative' ? { actsAs: 'representative', name: liveName(values.applicant.name) } : { actsAs: 'self' },
    ...(kindsNeed(values.kinds, 'deceased') && deceased.name.familyName.trim() && isValidIsoDate(deceased.deathDate)
      ? {
          deceased: {
            name: liveName(deceased.name),
            declinedGenitive: deceased.name.familyName,
            deathDate: deceased.deathDate,
            kinship: deceased.kinship || '—',
            kinshipDocument: kinshipDocumentOf(documents),
          },
        }
      : {}),
    ...(kindsNeed(values.kinds, 'bodyCertificate') && body.bodyName.trim() && isValidIsoDate(body.date)
      ? { bodyCertificate: { bodyName: body.bodyName.trim(), date: body.date } }
      : {}),
    documents,
  };
}

/** R7.1.4: the kinship document is the one ticked for it (a birth certificate until one is ticked). */
export function kinshipDocumentOf(documents: readonly PresentedDocument[]): DocumentType {
  return documents.find((doc) => doc.requirementId === 'kinship_document')?.type ?? 'birth_certificate';
}

/** Ticked checklist lines as presented documents (the type defaults to the first one the item accepts). */
export function documentsFromTicks(
  items: readonly { id: string; kind: 'document' | 'check'; documentTypes: readonly DocumentType[] }[],
  ticks: Record<string, Tick>,
): PresentedDocument[] {
  return items.flatMap((item) => {
    const tick = ticks[item.id];
    if (item.kind !== 'document' || !tick?.presented) return [];
    const type = item.documentTypes.find((accepted) => accepted === tick.type) ?? item.documentTypes[0];
    if (!type) return [];
    return [
      {
        requirementId: item.id,
        type,
        ...(tick.series?.trim() ? { series: tick.series.trim() } : {}),
        ...(tick.number?.trim() ? { number: tick.number.trim() } : {}),
        ...tick.carried,
      },
    ];
  });
}

export interface LiveVerdict {
  verdict: Verdict;
  documents: PresentedDocument[];
}

/**
 * The live checklist (R7.1, R7.2, R7.4): which items apply to the case as typed, and which of them
 * the ticks satisfy. The same `evaluateCertificate` runs in main before anything is written.
 */
export function liveVerdict(values: IssueFormValues, ticks: Record<string, Tick>, today: string, customKinds: readonly CustomKind[] = []): LiveVerdict {
  const options = { today, customKinds: [...customKinds] };
  const items = evaluateCertificate(liveCase(values, [], customKinds), options).items;
  const documents = documentsFromTicks(items, ticks);
  return { verdict: evaluateCertificate(liveCase(values, documents, customKinds), options), documents };
}

/**
 * What main would answer to «Видати» for the case as typed: the live checklist and every reason
 * main's gate would refuse it for (`judgeIssue`, the very function main runs), with the forms of
 * the name the declension panel holds (a name whose gender is not told waits for the choice).
 */
export function issueJudgement(
  values: IssueFormValues,
  ticks: Record<string, Tick>,
  declined: DeclinedName,
  today: string,
  customKinds: readonly CustomKind[] = [],
): IssueJudgement & { documents: PresentedDocument[] } {
  const { documents } = liveVerdict(values, ticks, today, customKinds);
  const birthDate = isValidIsoDate(values.subject.birthDate) ? values.subject.birthDate : undefined;
  const judged = judgeIssue(
    { ...liveCase(values, documents, customKinds), subject: { name: liveName(values.subject.name), ...(birthDate ? { birthDate } : {}), declined } },
    { today, customKinds: [...customKinds] },
  );
  return { ...judged, documents };
}
