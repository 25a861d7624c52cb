import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import type { DeclinedName } from '../../../../shared/domain/person.js';
import type { ChosenRefusalGround } from '../../../../shared/rules/refusal-grounds.js';
import type { DeskInput } from '../../desk/contract.js';
import { kinshipDocumentOf, type IssueFormOutput } from './issue-form.js';

export type CertificateDraftInput = DeskInput<'entries.issueCertificate'>['certificate'];

/** Canonical content never carries `"key": undefined` pairs. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The certificate as main takes it: content without the snapshots main adds itself (signatory, template versions). */
export function buildCertificateDraft(
  values: IssueFormOutput,
  documents: PresentedDocument[],
  declined: DeclinedName,
  deceasedDeclined: DeclinedName | null,
  /** R7.1.4: the administrator confirmed a kinship document that does not match the kinship. */
  kinshipMismatchConfirmed = false,
): CertificateDraftInput {
  const deceased = values.deceased
    ? withoutUndefined({
        ...values.deceased,
        name: withoutUndefined(values.deceased.name),
        declinedGenitive: deceasedDeclined?.genitive ?? values.deceased.name.familyName,
        gender: deceasedDeclined?.gender,
        kinshipDocument: kinshipDocumentOf(documents),
        kinshipMismatchConfirmed: kinshipMismatchConfirmed || undefined,
      })
    : undefined;
  return withoutUndefined({
    kinds: values.kinds,
    purpose: values.purpose,
    subject: withoutUndefined({
      name: withoutUndefined(values.subject.name),
      birthDate: values.subject.birthDate,
      registeredOn: values.kinds.includes('registration') ? values.subject.registeredOn : undefined,
      declined,
    }),
    address: withoutUndefined(values.address),
    applicant: values.applicant.actsAs === 'representative' ? { actsAs: 'representative' as const, name: withoutUndefined(values.applicant.name) } : { actsAs: 'self' as const },
    household: values.household.map((member) => withoutUndefined({ ...member, name: withoutUndefined(member.name) })),
    deceased,
    bodyCertificate: values.bodyCertificate ? withoutUndefined(values.bodyCertificate) : undefined,
    // R7.4.4: acting for someone else is exactly applying as a representative.
    facts: { ...values.facts, actingForOther: values.applicant.actsAs === 'representative' },
    documents,
  });
}

export function buildIssueInput(
  journalId: string,
  values: IssueFormOutput,
  documents: PresentedDocument[],
  declined: DeclinedName,
  deceasedDeclined: DeclinedName | null,
  sent: { submissionKey?: string; replacesEntryId?: string | undefined; kinshipMismatchConfirmed?: boolean } = {},
): DeskInput<'entries.issueCertificate'> {
  return {
    journalId,
    signatoryId: values.signatoryId,
    certificate: buildCertificateDraft(values, documents, declined, deceasedDeclined, sent.kinshipMismatchConfirmed ?? false),
    ...(sent.submissionKey ? { submissionKey: sent.submissionKey } : {}),
    ...(sent.replacesEntryId ? { replacesEntryId: sent.replacesEntryId } : {}),
  };
}

/** A refusal sends what was asked for and presented, and the grounds chosen from the regulation's list (R7.4, R7.16). */
export function buildRefusalInput(
  journalId: string,
  values: IssueFormOutput,
  documents: PresentedDocument[],
  declined: DeclinedName,
  grounds: ChosenRefusalGround[],
  submissionKey: string,
): DeskInput<'entries.refuse'> {
  return {
    journalId,
    signatoryId: values.signatoryId,
    request: { sort: 'certificate', certificate: buildCertificateDraft(values, documents, declined, null) },
    grounds,
    submissionKey,
  };
}
