import { z } from 'zod';
import { defineChannel } from '../define.js';
import {
  bodyCertificateRefSchema,
  certificateContentSchema,
  certificationContentSchema,
  deceasedSchema,
  entryRecordSchema,
  subjectSchema,
} from '../../domain/entry.js';
import { declinedNameSchema } from '../../domain/person.js';
import { calendarDateSchema } from '../../domain/validation/dates.js';
import { freeTextBlockSchema, freeTextSchema } from '../../domain/validation/free-text.js';
import { householdMemberSchema, isoDateSchema } from '../../domain/person.js';
import { addressInputSchema } from '../../domain/validation/address.js';
import { presentedDocumentInputSchema } from '../../domain/validation/documents.js';
import { personNameInputSchema } from '../../domain/validation/names.js';
import { chosenRefusalGroundSchema, refusalGroundList } from '../../rules/refusal-grounds.js';

/** A person or an address as the issue form has them so far; either may be absent. */
export const knownCaseInputSchema = z
  .object({
    person: z.object({ name: personNameInputSchema, birthDate: isoDateSchema.optional() }).strict().optional(),
    address: addressInputSchema.optional(),
  })
  .strict();

export const knownCaseOutputSchema = z.object({
  /** The latest certificate for this person, or else at this address; null when the register has none. */
  match: z.object({ by: z.enum(['person', 'address']), entry: entryRecordSchema }).nullable(),
});

const ISSUING_ROLES = ['head', 'admin', 'remote_admin'] as const;

/**
 * What the form sends: the content of the entry without what main fills in itself (the signatory
 * snapshot, template versions, the body snapshot). Names, documents and addresses pass the strict
 * shared validators here, before any rule is evaluated.
 */
const strictPeople = {
  subject: subjectSchema.extend({
    name: personNameInputSchema,
    // The forms main declines are replaced by its own; forms corrected by hand are free text.
    declined: declinedNameSchema.extend({ nominative: freeTextSchema(200, 1), dative: freeTextSchema(200, 1), genitive: freeTextSchema(200, 1) }),
  }),
  address: addressInputSchema,
  applicant: z.discriminatedUnion('actsAs', [
    z.object({ actsAs: z.literal('self') }),
    z.object({ actsAs: z.literal('representative'), name: personNameInputSchema }),
  ]),
  documents: z.array(presentedDocumentInputSchema).max(100),
};

export const certificateDraftSchema = certificateContentSchema
  .omit({ sort: true, signatory: true, templateVersions: true })
  .extend({
    ...strictPeople,
    purpose: freeTextSchema(300),
    household: z.array(householdMemberSchema.extend({ name: personNameInputSchema })).max(60),
    deceased: deceasedSchema.extend({ declinedGenitive: freeTextSchema(200, 1), kinship: freeTextSchema(60, 1) }).optional(),
    bodyCertificate: bodyCertificateRefSchema.extend({ bodyName: freeTextSchema(200, 1), number: freeTextSchema(40).optional() }).optional(),
  })
  .strict();
export type CertificateDraft = z.input<typeof certificateDraftSchema>;

export const certificationDraftSchema = certificationContentSchema
  .omit({ sort: true, signatory: true, templateVersion: true, body: true })
  .extend({
    ...strictPeople,
    bodyId: z.string().min(1).max(40),
    signer: certificationContentSchema.shape.signer.extend({ name: personNameInputSchema }),
  })
  .strict();
export type CertificationDraft = z.input<typeof certificationDraftSchema>;

const signatoryIdSchema = z.string().min(1).max(40);
/**
 * Made by the form when it opens (a UUID): the same form sent twice — a double click, a retried
 * request, a retry after a lost answer — gets back the entry it made, never a second number.
 */
const submissionKeySchema = z.string().uuid();
const journalIdSchema = z.string().min(1).max(40);

export const issueCertificateInputSchema = z
  .object({
    journalId: journalIdSchema,
    signatoryId: signatoryIdSchema,
    certificate: certificateDraftSchema,
    /** Reissue after an annulment (section E): the annulled entry this one replaces. */
    replacesEntryId: z.string().uuid().optional(),
    submissionKey: submissionKeySchema.optional(),
  })
  .strict();

export const certifyInputSchema = z
  .object({ journalId: journalIdSchema, signatoryId: signatoryIdSchema, certification: certificationDraftSchema, submissionKey: submissionKeySchema.optional() })
  .strict();

export const refuseInputSchema = z
  .object({
    journalId: journalIdSchema,
    signatoryId: signatoryIdSchema,
    request: z.discriminatedUnion('sort', [
      z.object({ sort: z.literal('certificate'), certificate: certificateDraftSchema }).strict(),
      z.object({ sort: z.literal('certification'), certification: certificationDraftSchema }).strict(),
    ]),
    /**
     * The grounds the administrator chose from the regulation's list (R7.4 or R7.6, with R7.1, R7.5,
     * R7.8, R7.15, R7.16), each with the words saying what exactly is missing or wrong.
     */
    grounds: z.array(chosenRefusalGroundSchema).max(refusalGroundList.length),
    submissionKey: submissionKeySchema.optional(),
  })
  .strict();

const entryOutput = z.object({ entry: entryRecordSchema });

/** Registering a certificate, a certification or a refusal: each a new journal entry (the issuing service). */
export const issuingChannels = {
  'entries.issueCertificate': defineChannel({
    input: issueCertificateInputSchema,
    output: entryOutput,
    access: ISSUING_ROLES,
    mutates: true,
    summary:
      'Issue a certificate (R7.1, combined R7.2): main re-checks the required documents (R7.4), declension and signatory, then numbers and registers it.',
  }),
  'entries.certify': defineChannel({
    input: certifyInputSchema,
    output: entryOutput,
    access: ISSUING_ROLES,
    mutates: true,
    summary:
      "Certify a committee's or ОСББ's certificate (R7.5–R7.9): signer held the post on the certificate's date, seal, data match (R7.6).",
  }),
  'entries.refuse': defineChannel({
    input: refuseInputSchema,
    output: entryOutput,
    access: ISSUING_ROLES,
    mutates: true,
    summary:
      "Register a refusal on the grounds the administrator chose from the regulation's list (R7.4, R7.6, R7.16), each worded for the notice; main refuses an empty list, a ground outside the action's list, or one left without the words it needs.",
  }),
} as const;

/** An entry once registered: read, handed over, annulled (the entries service). */
/**
 * A representative receives the document against a power of attorney (R7.4.4, section E): its
 * number, date and issuer are free text under the printed-text rules (free-text.ts) and a real
 * date; whether the date is in the future is main's check (it knows today).
 */
const powerOfAttorneyInputSchema = z
  .object({
    number: freeTextSchema(60, 1),
    date: calendarDateSchema,
    issuer: freeTextSchema(200, 1),
  })
  .strict();

/** Asked for a representative, and only for one: the citizen's own receipt needs no power of attorney. */
function powerOfAttorneyMatchesRecipient(input: { receivedBy: 'subject' | 'representative'; powerOfAttorney?: unknown }, ctx: z.RefinementCtx): void {
  if (input.receivedBy === 'representative' && input.powerOfAttorney === undefined)
    ctx.addIssue({ code: 'custom', message: 'validation.powerOfAttorney.required', path: ['powerOfAttorney'] });
  if (input.receivedBy === 'subject' && input.powerOfAttorney !== undefined)
    ctx.addIssue({ code: 'custom', message: 'validation.powerOfAttorney.onlyForRepresentative', path: ['powerOfAttorney'] });
}

export const entriesChannels = {
  'entries.get': defineChannel({
    input: z.object({ id: z.string().min(1) }).strict(),
    output: entryRecordSchema,
    access: 'session',
    mutates: false,
    summary: 'One journal entry with its handover and annulment; the view is logged in the audit.',
  }),
  'entries.handover': defineChannel({
    input: z
      .object({
        entryId: z.string().min(1),
        receivedBy: z.enum(['subject', 'representative']),
        recipientName: freeTextSchema(200, 1),
        powerOfAttorney: powerOfAttorneyInputSchema.optional(),
      })
      .strict()
      .superRefine(powerOfAttorneyMatchesRecipient),
    output: entryRecordSchema,
    access: 'session',
    mutates: true,
    summary: 'Record that the document was handed over, and to whom (section E); once per entry.',
  }),
  'entries.annul': defineChannel({
    input: z.object({ entryId: z.string().min(1), reason: freeTextBlockSchema(1000, 3) }).strict(),
    output: entryRecordSchema,
    access: 'session',
    mutates: true,
    summary: 'Annul an entry with a reason; its number stays taken and a corrected one is issued anew.',
  }),
  'entries.knownCase': defineChannel({
    input: knownCaseInputSchema,
    output: knownCaseOutputSchema,
    access: 'session',
    mutates: false,
    summary:
      'The latest certificate (not annulled) for this person, or else at this address, found through the full-text index and matched on the normalised name or address; its case fills the form for the administrator to confirm.',
  }),
} as const;
