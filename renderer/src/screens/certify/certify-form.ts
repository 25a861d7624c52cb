import { z } from 'zod';
import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import { caseFactsSchema, kindIdSchema, type CaseFacts } from '../../../../shared/domain/entry.js';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import type { DeskInput } from '../../desk/contract.js';
import { withoutUndefined } from '../issue/issue-input.js';
import { birthDateSchema, isValidIsoDate, pastOrTodayDateSchema } from '../../../../shared/domain/validation/dates.js';
import { personNameInputSchema } from '../../../../shared/domain/validation/names.js';
import { addressInputSchema } from '../../../../shared/domain/validation/address.js';
import { catalogue, customKindDefinition, type CustomKind, type KindDefinition } from '../../../../shared/rules/catalogue.js';
import { evaluateCertification, type BodyHistory, type CertificationCase } from '../../../../shared/rules/certification.js';
import type { Verdict } from '../../../../shared/rules/requirements.js';
import { documentsFromTicks, emptyName, type NameValues } from '../issue/issue-form.js';
import type { Tick } from '../issue/issue-store.js';

const builtInCertifiedKinds = catalogue.filter((kind) => kind.sort === 'certified');

/**
 * Kinds a committee or an ОСББ issues and the ЦНАП certifies (R7.5.1–12, R7.8, R7.9), then those an
 * executive committee decision added as certified (R7.15); the issued ones belong to the issue screen.
 */
export function certifiedKinds(customKinds: readonly CustomKind[]): KindDefinition[] {
  return [...builtInCertifiedKinds, ...customKinds.filter((kind) => kind.sort === 'certified').map(customKindDefinition)];
}

export interface CertifyFormValues {
  kind: string;
  bodyId: string;
  certificateDate: string;
  signer: { role: 'head' | 'deputy'; name: NameValues; headAbsence: 'not_applicable' | 'post_vacant' | 'confirmed_by_administrator' };
  sealPresent: boolean;
  submittedBy: 'body_head' | 'subject';
  subject: { name: NameValues; birthDate: string };
  address: { settlement: string; street: string; streetId: string; house: string; building: string; apartment: string };
  applicant: { actsAs: 'self' | 'representative'; name: NameValues };
  dataMatch: boolean;
  childrenMentioned: number;
  facts: Required<CaseFacts>;
  signatoryId: string;
}

export function emptyCertifyForm(): CertifyFormValues {
  return {
    kind: '',
    bodyId: '',
    certificateDate: '',
    signer: { role: 'head', name: emptyName(), headAbsence: 'not_applicable' },
    sealPresent: false,
    submittedBy: 'subject',
    subject: { name: emptyName(), birthDate: '' },
    address: { settlement: '', street: '', streetId: '', house: '', building: '', apartment: '' },
    applicant: { actsAs: 'self', name: emptyName() },
    dataMatch: false,
    childrenMentioned: 0,
    facts: { dwelling: 'private_house', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false, technicalPassportNeeded: false },
    signatoryId: '',
  };
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export function certifyFormSchema(today: string) {
  return z.object({
    kind: kindIdSchema,
    bodyId: z.string().min(1, 'ui.certify.chooseBody'),
    certificateDate: pastOrTodayDateSchema(today),
    signer: z.object({ role: z.enum(['head', 'deputy']), name: personNameInputSchema, headAbsence: z.enum(['not_applicable', 'post_vacant', 'confirmed_by_administrator']) }),
    sealPresent: z.boolean(),
    submittedBy: z.enum(['body_head', 'subject']),
    subject: z.object({ name: personNameInputSchema, birthDate: z.preprocess(blankToUndefined, birthDateSchema(today).optional()) }),
    address: addressInputSchema.extend({ streetId: optionalText(40) }),
    applicant: z.discriminatedUnion('actsAs', [
      z.object({ actsAs: z.literal('self') }),
      z.object({ actsAs: z.literal('representative'), name: personNameInputSchema }),
    ]),
    dataMatch: z.boolean(),
    childrenMentioned: z.number().int().min(0).max(30),
    facts: caseFactsSchema,
    signatoryId: z.string().min(1, 'ui.issue.chooseSignatory'),
  });
}
export type CertifyFormOutput = z.output<ReturnType<typeof certifyFormSchema>>;

function liveName(name: NameValues) {
  return { familyName: name.familyName.trim(), givenName: name.givenName.trim(), ...(name.patronymic.trim() ? { patronymic: name.patronymic.trim() } : {}) };
}

/** The certification as typed so far, for the live checks (R7.5, R7.6, R7.8). */
export function liveCertificationCase(values: CertifyFormValues, history: BodyHistory, bodyName: string, documents: PresentedDocument[]): CertificationCase {
  return {
    kind: values.kind,
    body: { type: history.type, bodyId: values.bodyId, name: bodyName || '—', hasSeal: history.hasSeal },
    certificateDate: isValidIsoDate(values.certificateDate) ? values.certificateDate : '',
    signer: { role: values.signer.role, name: liveName(values.signer.name), headAbsence: values.signer.role === 'head' ? 'not_applicable' : values.signer.headAbsence },
    sealPresent: values.sealPresent,
    applicant: values.applicant.actsAs === 'representative' ? { actsAs: 'representative', name: liveName(values.applicant.name) } : { actsAs: 'self' },
    dataMatch: values.dataMatch,
    facts: { ...values.facts, actingForOther: values.applicant.actsAs === 'representative' },
    documents,
    childrenMentioned: values.childrenMentioned,
  };
}

export interface LiveCertificationContext {
  readonly history: BodyHistory;
  readonly bodyName: string;
  readonly ticks: Record<string, Tick>;
  readonly today: string;
  /** R7.15: a kind added by decision is checked with its own grounds, as main checks it. */
  readonly customKinds: readonly CustomKind[];
}

export function liveCertificationVerdict(values: CertifyFormValues, live: LiveCertificationContext): { verdict: Verdict; documents: PresentedDocument[] } {
  const options = { today: live.today, customKinds: live.customKinds };
  const items = evaluateCertification(liveCertificationCase(values, live.history, live.bodyName, []), live.history, options).items;
  const documents = documentsFromTicks(items, live.ticks);
  return { verdict: evaluateCertification(liveCertificationCase(values, live.history, live.bodyName, documents), live.history, options), documents };
}

export type CertificationDraftInput = DeskInput<'entries.certify'>['certification'];

/** The certification as main takes it: main adds the body, signatory and template snapshots itself. */
export function buildCertificationDraft(values: CertifyFormOutput, documents: PresentedDocument[], declined: DeclinedName): CertificationDraftInput {
  return {
    kind: values.kind,
    bodyId: values.bodyId,
    certificateDate: values.certificateDate,
    signer: {
      role: values.signer.role,
      name: withoutUndefined(values.signer.name),
      headAbsence: values.signer.role === 'head' ? 'not_applicable' : values.signer.headAbsence,
    },
    sealPresent: values.sealPresent,
    submittedBy: values.submittedBy,
    subject: withoutUndefined({ name: withoutUndefined(values.subject.name), birthDate: values.subject.birthDate, declined }),
    address: withoutUndefined(values.address),
    applicant: values.applicant.actsAs === 'representative' ? { actsAs: 'representative', name: withoutUndefined(values.applicant.name) } : { actsAs: 'self' },
    dataMatch: values.dataMatch,
    childrenMentioned: values.childrenMentioned,
    // R7.6.4: acting for someone else is exactly applying as a representative.
    facts: { ...values.facts, actingForOther: values.applicant.actsAs === 'representative' },
    documents,
  };
}
