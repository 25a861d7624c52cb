import type { EntryContent } from '../../shared/domain/entry.js';
import type { Address, PersonName } from '../../shared/domain/person.js';
import { normalizeApostrophes } from '../../shared/domain/text.js';
import type { EntrySearchText } from './repositories/entries.js';

function fullName(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(' ');
}

function addressText(address: Address): string {
  return [address.settlement, address.street, address.house, address.building, address.apartment].filter(Boolean).join(' ');
}

/** People an entry is about: subject, representative, household members, the deceased. */
function namesOf(content: EntryContent): PersonName[] {
  const names: PersonName[] = [content.subject.name];
  if (content.applicant.actsAs === 'representative') names.push(content.applicant.name);
  if (content.sort === 'certificate') {
    names.push(...content.household.map((member) => member.name));
    if (content.deceased) names.push(content.deceased.name);
  }
  return names;
}

/** What the full-text index holds for an entry, apostrophes normalised to U+02BC. */
export function searchTextOf(content: EntryContent, printedNumber: string): EntrySearchText {
  return {
    names: normalizeApostrophes(namesOf(content).map(fullName).join(' ')),
    address: normalizeApostrophes(addressText(content.address)),
    number: printedNumber,
  };
}

/** What a person typed, as the words a search requires: apostrophes normalised, at most twelve. */
export function searchWords(text: string): string[] {
  return normalizeApostrophes(text)
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 12);
}

/**
 * An FTS5 query: every word a quoted prefix term (`"шевч"*`), all required. Quoting keeps FTS5
 * operators in the text from being interpreted.
 */
export function toFtsQuery(words: readonly string[]): string {
  return words.map((word) => `"${word}"*`).join(' ');
}

/**
 * Folds text the way FTS5's `unicode61 remove_diacritics 2` tokenizer does, so PostgreSQL finds
 * what SQLite finds whatever the server's locale: lower case, diacritics dropped (й → и, ї → і),
 * split at anything that is not a letter, digit or the apostrophe ʼ (a letter to Unicode).
 */
export function foldedTokens(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A tsquery literal with FTS5's meaning: words all required; a word the tokenizer splits
 * (`01-21/3`, `Коваль-Петренко`) is a phrase of adjacent tokens, the last one a prefix.
 */
export function toTsQuery(words: readonly string[]): string {
  return words
    .map((word) => foldedTokens(normalizeApostrophes(word)))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => tokens.map((token, index) => (index === tokens.length - 1 ? `${tsLexeme(token)}:*` : tsLexeme(token))).join(' <-> '))
    .join(' & ');
}

/** Positions between columns, so a phrase never runs from the names into the address. */
const COLUMN_GAP = 100;

/** A tsvector literal of the entry's searchable text with positions; lexemes taken as they are (no parser, no locale). */
export function toTsVector(search: EntrySearchText): string {
  const lexemes: string[] = [];
  let position = 0;
  for (const text of [search.names, search.address, search.number]) {
    for (const token of foldedTokens(text)) lexemes.push(`${tsLexeme(token)}:${(position += 1)}`);
    position += COLUMN_GAP;
  }
  return lexemes.join(' ');
}

function tsLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
