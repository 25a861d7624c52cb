import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json.js';

/** The link before a journal's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry its hash covers (R7.7: an issued entry can never change unnoticed). */
export interface HashedEntryFields {
  readonly id: string;
  readonly journalId: string;
  readonly year: number;
  readonly number: number;
  readonly printedNumber: string;
  readonly sort: string;
  readonly kinds: readonly string[];
  readonly createdAt: string;
  readonly localDate: string;
  readonly createdBy: string;
  readonly content: unknown;
}

/** sha256hex(prevHash + canonicalJson(fields)). */
export function entryHash(prevHash: string, fields: HashedEntryFields): string {
  return entryHashOfCanonicalContent(prevHash, fields, canonicalJson(fields.content));
}

/**
 * `entryHash` when the content is already in canonical JSON — the text stored in the entry's row —
 * so issuing canonicalises the content once, not twice (it is on every issue's path). The same bytes are hashed:
 * `content` sorts first among the hashed keys, so the canonical body is the content's text
 * followed by the other fields' canonical JSON.
 */
export function entryHashOfCanonicalContent(prevHash: string, fields: Omit<HashedEntryFields, 'content'>, contentJson: string): string {
  const others = canonicalJson({
    id: fields.id,
    journalId: fields.journalId,
    year: fields.year,
    number: fields.number,
    printedNumber: fields.printedNumber,
    sort: fields.sort,
    kinds: fields.kinds,
    createdAt: fields.createdAt,
    localDate: fields.localDate,
    createdBy: fields.createdBy,
  });
  return createHash('sha256').update(`${prevHash}{"content":${contentJson},${others.slice(1)}`, 'utf8').digest('hex');
}
