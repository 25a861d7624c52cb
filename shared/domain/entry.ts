import { z } from 'zod';
import { documentTypeSchema, presentedDocumentSchema } from './documents.js';
import {
  addressSchema,
  declinedNameSchema,
  genderSchema,
  householdMemberSchema,
  isoDateSchema,
  personNameSchema,
} from './person.js';

/**
 * The content of a journal entry: what was decided and on what grounds. It is stored as canonical
 * JSON, covered by the journal's hash chain, and never changed after it is written. Everything a
 * printed document needs is in here as a snapshot (signatory, seal, body names, template version),
 * so later edits of directories never rewrite old entries.
 */

/** Kind ids: the catalogue's fixed ids, or `custom:<slug>` for kinds added by decision (R7.15). */
export const kindIdSchema = z.string().regex(/^(custom:)?[a-z][a-z0-9_]{1,60}$/);
export type KindId = z.infer<typeof kindIdSchema>;

export const entrySorts = ['certificate', 'certification', 'refusal'] as const;
export const entrySortSchema = z.enum(entrySorts);
export type EntrySort = z.infer<typeof entrySortSchema>;

/** R7.10 «Для довідок»; R7.13 the executive committee's seal with the керуючий справами signing. */
export const sealKinds = ['for_certificates', 'executive_committee'] as const;
export const sealKindSchema = z.enum(sealKinds);
export type SealKind = z.infer<typeof sealKindSchema>;

export const signatorySnapshotSchema = z.object({
  signatoryId: z.string().min(1).max(40),
  position: z.string().min(1).max(200),
  fullName: z.string().min(1).max(200),
  seal: sealKindSchema,
  sealName: z.string().min(1).max(200),
});
export type SignatorySnapshot = z.infer<typeof signatorySnapshotSchema>;

/** The facts of a case that decide which documents are required (R7.4, R7.6). */
export const caseFactsSchema = z.object({
  dwelling: z.enum(['private_house', 'apartment_building']),
  /** R7.4.4: the applicant acts for someone else and needs a power of attorney. */
  actingForOther: z.boolean(),
  /** R7.4.5: not registered at the address but owns it, and the administrator asked for title. */
  titleRequested: z.boolean(),
  /** R7.1.2: guardianship authority documents, when the household involves guardianship. */
  guardianshipInvolved: z.boolean(),
  /** R7.1.3: a deceased family member is listed (needs the death certificate). */
  deceasedMember: z.boolean(),
  /** R7.1.1: the house's technical passport is needed («за необхідності»); absent means no. */
  technicalPassportNeeded: z.boolean().optional(),
});
export type CaseFacts = z.infer<typeof caseFactsSchema>;

export const applicantSchema = z.discriminatedUnion('actsAs', [
  z.object({ actsAs: z.literal('self') }),
  z.object({ actsAs: z.literal('representative'), name: personNameSchema }),
]);
export type Applicant = z.infer<typeof applicantSchema>;

export const subjectSchema = z.object({
  name: personNameSchema,
  birthDate: isoDateSchema.optional(),
  /** Registration date at the address as the passport or house book shows it (`registration`). */
  registeredOn: isoDateSchema.optional(),
  declined: declinedNameSchema,
});
export type Subject = z.infer<typeof subjectSchema>;

/** breadwinner_cohabitation: the deceased and the kinship. */
export const deceasedSchema = z.object({
  name: personNameSchema,
  declinedGenitive: z.string().min(1).max(200),
  deathDate: isoDateSchema,
  kinship: z.string().min(1).max(60),
  kinshipDocument: documentTypeSchema,
  /** The deceased's gender, for «який помер» / «яка померла»; absent in entries made before it was kept. */
  gender: genderSchema.optional(),
  /**
   * R7.1.4: the administrator confirmed a kinship document that does not match the kinship (a
   * spouse's kinship is proved by a marriage certificate, a blood relative's by a birth certificate).
   */
  kinshipMismatchConfirmed: z.boolean().optional(),
});

/** actual_residence_family: the self-organisation body's certificate that confirms actual residence. */
export const bodyCertificateRefSchema = z.object({
  bodyName: z.string().min(1).max(200),
  date: isoDateSchema,
  number: z.string().max(40).optional(),
});

export const certificateContentSchema = z.object({
  sort: z.literal('certificate'),
  /** Several kinds make a combined certificate (R7.2). */
  kinds: z.array(kindIdSchema).min(1).max(8),
  purpose: z.string().max(300),
  subject: subjectSchema,
  address: addressSchema,
  applicant: applicantSchema,
  household: z.array(householdMemberSchema).max(60),
  deceased: deceasedSchema.optional(),
  bodyCertificate: bodyCertificateRefSchema.optional(),
  facts: caseFactsSchema,
  documents: z.array(presentedDocumentSchema).max(100),
  signatory: signatorySnapshotSchema,
  templateVersions: z.record(kindIdSchema, z.number().int().positive()),
});
export type CertificateContent = z.infer<typeof certificateContentSchema>;

export const bodyRefSchema = z.object({
  type: z.enum(['committee', 'osbb']),
  bodyId: z.string().min(1).max(40),
  /** Name as it was on the certificate's date. */
  name: z.string().min(1).max(200),
  hasSeal: z.boolean(),
});

export const certificationContentSchema = z.object({
  sort: z.literal('certification'),
  kind: kindIdSchema,
  body: bodyRefSchema,
  /** R7.5: the certificate's own date of issue is mandatory. */
  certificateDate: isoDateSchema,
  signer: z.object({
    role: z.enum(['head', 'deputy']),
    name: personNameSchema,
    /** The deputy signs only in the head's absence: post vacant on that date, or confirmed. */
    headAbsence: z.enum(['not_applicable', 'post_vacant', 'confirmed_by_administrator']),
    /** Set by main from the name (or the administrator's choice when the name cannot tell). */
    gender: genderSchema.optional(),
    /** «Бондаря Василя Петровича»: the inscription names the signer in the genitive («Підпис … засвідчую»). */
    declinedGenitive: z.string().min(1).max(200).optional(),
  }),
  sealPresent: z.boolean(),
  submittedBy: z.enum(['body_head', 'subject']),
  subject: subjectSchema,
  address: addressSchema,
  applicant: applicantSchema,
  /** R7.6.6: the administrator confirmed the certificate's data match the documents. */
  dataMatch: z.boolean(),
  /** R7.6.3: how many children the certificate mentions (each needs a birth certificate); absent means none. */
  childrenMentioned: z.number().int().min(0).max(30).optional(),
  facts: caseFactsSchema,
  documents: z.array(presentedDocumentSchema).max(100),
  signatory: signatorySnapshotSchema,
  templateVersion: z.number().int().positive(),
});
export type CertificationContent = z.infer<typeof certificationContentSchema>;

export const refusalGroundSchema = z.object({
  /** e.g. `R7.4.2`, `R7.6.6`, `R7.16`. */
  ruleId: z.string().regex(/^R7\.\d+(\.\d+)?$/),
  requirementId: z.string().max(60).optional(),
  text: z.string().min(1).max(1000),
});
export type RefusalGround = z.infer<typeof refusalGroundSchema>;

export const refusalContentSchema = z.object({
  sort: z.literal('refusal'),
  requested: z.object({ sort: z.enum(['certificate', 'certification']), kinds: z.array(kindIdSchema).min(1) }),
  subject: subjectSchema,
  address: addressSchema,
  applicant: applicantSchema,
  grounds: z.array(refusalGroundSchema).min(1).max(20),
  /** Where to go next, e.g. the territorial community register department for a missing house book. */
  referral: z.string().max(1000).optional(),
  facts: caseFactsSchema,
  documents: z.array(presentedDocumentSchema).max(100),
  signatory: signatorySnapshotSchema,
  templateVersion: z.number().int().positive(),
});
export type RefusalContent = z.infer<typeof refusalContentSchema>;

export const entryContentSchema = z.discriminatedUnion('sort', [
  certificateContentSchema,
  certificationContentSchema,
  refusalContentSchema,
]);
export type EntryContent = z.infer<typeof entryContentSchema>;

export const entryStatuses = ['issued', 'handed_over', 'annulled', 'refused'] as const;
export const entryStatusSchema = z.enum(entryStatuses);
export type EntryStatus = z.infer<typeof entryStatusSchema>;

/**
 * The power of attorney a representative showed when receiving the document (R7.4.4, section E):
 * its number, date and issuer, printed in the journal beside the recipient's signature.
 */
export const powerOfAttorneySchema = z.object({
  number: z.string().min(1).max(60),
  date: isoDateSchema,
  issuer: z.string().min(1).max(200),
});
export type PowerOfAttorney = z.infer<typeof powerOfAttorneySchema>;

export const handoverSchema = z.object({
  at: z.string(),
  receivedBy: z.enum(['subject', 'representative']),
  recipientName: z.string().min(1).max(200),
  /** Recorded for every handover to a representative since schema 11; older handovers have none. */
  powerOfAttorney: powerOfAttorneySchema.optional(),
  byUserId: z.string(),
  byUserName: z.string(),
});

export const annulmentSchema = z.object({
  at: z.string(),
  reason: z.string().min(3).max(1000),
  byUserId: z.string(),
  byUserName: z.string(),
  /** The entry issued in its place, when reissued. */
  replacedByEntryId: z.string().optional(),
  replacedByPrintedNumber: z.string().optional(),
});

/** A journal entry as the register returns it. */
export const entryRecordSchema = z.object({
  /** UUIDv7: sortable and globally unique, so journals of several offices merge without clashes. */
  id: z.string().uuid(),
  journalId: z.string(),
  journalIndex: z.string(),
  officeId: z.string(),
  officeCode: z.string(),
  year: z.number().int(),
  number: z.number().int().positive(),
  printedNumber: z.string(),
  sort: entrySortSchema,
  kinds: z.array(kindIdSchema),
  /** UTC instant the entry was written, ISO 8601. */
  createdAt: z.string(),
  /** The Europe/Kyiv calendar date of `createdAt`, yyyy-mm-dd: the date printed on documents. */
  localDate: isoDateSchema,
  createdBy: z.object({ userId: z.string(), fullName: z.string() }),
  content: entryContentSchema,
  prevHash: z.string(),
  hash: z.string(),
  status: entryStatusSchema,
  handover: handoverSchema.optional(),
  annulment: annulmentSchema.optional(),
  /** The annulled entry this one was issued in place of (section E). */
  reissueOf: z.object({ entryId: z.string(), printedNumber: z.string() }).optional(),
});
export type EntryRecord = z.infer<typeof entryRecordSchema>;
