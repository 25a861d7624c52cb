import type { DocumentType, PresentedDocument } from '../domain/documents.js';
import { kindsNeed } from './catalogue.js';


/**
 * R7.1.4: kinship with the deceased breadwinner is proved by a birth certificate or a marriage
 * certificate — which one follows from the kinship: a spouse's by the marriage certificate, a
 * child's, parent's, sibling's or grandchild's by a birth certificate. The kinship is typed in
 * words («дружина», «син»), so it is read by its words; a kinship it cannot read («зять»,
 * «падчерка») is not checked.
 */
const SPOUSE_WORDS = new Set(['чоловік', 'дружина', 'жінка', 'вдова', 'вдівець', 'подружжя']);
const BLOOD_WORDS = new Set([
  'син', 'дочка', 'донька', 'мати', 'матір', 'мама', 'батько', 'тато', 'брат', 'сестра',
  'онук', 'онука', 'онучка', 'дід', 'дідусь', 'баба', 'бабуся',
]);

export function expectedKinshipDocument(kinship: string): DocumentType | undefined {
  const words = kinship.toLocaleLowerCase('uk').split(/[^\p{L}ʼ'’-]+/u).filter(Boolean);
  if (words.some((word) => SPOUSE_WORDS.has(word))) return 'marriage_certificate';
  if (words.some((word) => BLOOD_WORDS.has(word))) return 'birth_certificate';
  return undefined;
}

export interface KinshipMismatch {
  readonly kinship: string;
  readonly presented: DocumentType;
  readonly expected: DocumentType;
}

/** The presented kinship document when it is not the one the kinship calls for; null when it is, or nothing to compare. */
export function kinshipMismatch(c: {
  readonly kinds: readonly string[];
  readonly deceased?: { readonly kinship: string } | undefined;
  readonly documents: readonly PresentedDocument[];
}): KinshipMismatch | null {
  if (!kindsNeed(c.kinds, 'deceased') || !c.deceased) return null;
  const presented = c.documents.find((doc) => doc.requirementId === 'kinship_document')?.type;
  const expected = expectedKinshipDocument(c.deceased.kinship);
  if (!presented || !expected || presented === expected) return null;
  return { kinship: c.deceased.kinship, presented, expected };
}
