import { z } from 'zod';
import { isoDateSchema } from './person.js';

/** Types of documents an applicant presents (R7.1 grounds, R7.4 / R7.6 required documents). */
export const documentTypes = [
  'passport_book',
  'id_card',
  'residence_permit_temporary',
  'residence_permit_permanent',
  'house_book',
  'apartment_card',
  'housing_registration_certificate',
  'technical_passport',
  'birth_certificate',
  'marriage_certificate',
  'death_certificate',
  'power_of_attorney',
  'title_document',
  'guardianship_document',
  'committee_certificate',
  'other',
] as const;
export const documentTypeSchema = z.enum(documentTypes);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/**
 * One ticked checklist item: which requirement it satisfies and the document that satisfied it.
 * Ticks carried in from an earlier entry (a reissue, a known household) count only once the
 * administrator confirms the documents were presented anew.
 */
export const presentedDocumentSchema = z.object({
  /** Id of the checklist requirement this document satisfies (e.g. `identity`, `child_birth:0`). */
  requirementId: z.string().min(1).max(60),
  type: documentTypeSchema,
  series: z.string().max(20).optional(),
  number: z.string().max(40).optional(),
  /** УНЗР (`YYYYMMDD-NNNNC`) printed on an ID card or a residence permit card; optional, since other documents carry none. */
  recordNumber: z.string().max(20).optional(),
  issuer: z.string().max(200).optional(),
  issuedOn: isoDateSchema.optional(),
  note: z.string().max(300).optional(),
});
export type PresentedDocument = z.infer<typeof presentedDocumentSchema>;
