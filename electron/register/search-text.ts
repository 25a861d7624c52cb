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

/**
 * Turns what a person typed into an FTS5 query: every word a quoted prefix term (`"шевч"*`), all
 * required. Quoting keeps FTS5 operators in the text from being interpreted; words without a
 * letter or digit are dropped. Returns undefined when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | undefined {
  const terms = normalizeApostrophes(text)
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 12)
    .map((word) => `"${word}"*`);
  return terms.length ? terms.join(' ') : undefined;
}
