import type { z } from 'zod';
import type { knownCaseInputSchema } from '../../../shared/contract/channels/entries.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import type { Address, PersonName } from '../../../shared/domain/person.js';
import { streetQueryKey } from '../../../shared/domain/directories.js';
import { nameComparisonKey } from '../../../shared/domain/validation/names.js';
import type { SessionUser } from './session.js';
import { searchEntryRecords } from '../repositories/entries.js';
import { searchWords } from '../search-text.js';
import { queueReadAudit } from './audit.js';
import { officeScope, type ServiceContext } from './context.js';
import { settlementQueryKey } from './directories.js';

type KnownCaseInput = z.output<typeof knownCaseInputSchema>;
type Match = { by: 'person' | 'address'; entry: EntryRecord };

/** Candidates read from the full-text index a page at a time, newest first, before the exact match. */
const PAGE = 25;
const MAX_PAGES = 4;

function samePart(a: string | undefined, b: string | undefined): boolean {
  return nameComparisonKey(a ?? '') === nameComparisonKey(b ?? '');
}

function samePerson(entry: EntryRecord, person: NonNullable<KnownCaseInput['person']>): boolean {
  const { name, birthDate } = entry.content.subject;
  const parts: (keyof PersonName)[] = ['familyName', 'givenName', 'patronymic'];
  if (!parts.every((part) => samePart(name[part], person.name[part]))) return false;
  return person.birthDate === undefined || birthDate === undefined || person.birthDate === birthDate;
}

/** The address as the register compares it: settlement and street without their kind words, numbers in one case. */
function addressKey(address: Address): string[] {
  return [
    settlementQueryKey(address.settlement),
    streetQueryKey(address.street ?? ''),
    ...[address.house, address.building, address.apartment].map((part) => (part ?? '').trim().toLocaleUpperCase('uk')),
  ];
}

function sameAddress(entry: EntryRecord, address: Address): boolean {
  const stored = entry.content.address;
  if (stored.streetId && address.streetId && stored.streetId !== address.streetId) return false;
  return addressKey(stored).join('\u0000') === addressKey(address).join('\u0000');
}

/** The words the full-text index is asked for: the name, or the address's own words (never its kind words). */
function wordsOf(input: { person: PersonName } | { address: Address }): string[] {
  if ('person' in input) return searchWords([input.person.familyName, input.person.givenName, input.person.patronymic].filter(Boolean).join(' '));
  const { address } = input;
  return searchWords([settlementQueryKey(address.settlement), streetQueryKey(address.street ?? ''), address.house, address.apartment].filter(Boolean).join(' '));
}

/**
 * The newest certificate, not annulled, that the index finds for the words and that matches exactly:
 * the index narrows (no `LIKE` over names or content), the normalised fields decide.
 */
async function newestMatching(ctx: ServiceContext, actor: SessionUser, words: string[], matches: (entry: EntryRecord) => boolean): Promise<EntryRecord | undefined> {
  if (words.length === 0) return undefined;
  const scope = officeScope(actor);
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { records } = await searchEntryRecords(ctx.db, { words, sort: 'certificate', ...(scope ? { officeId: scope } : {}), limit: PAGE, offset: page * PAGE });
    const found = records.find((entry) => entry.status !== 'annulled' && matches(entry));
    if (found || records.length < PAGE) return found;
  }
  return undefined;
}

/**
 * A known household (fewer keystrokes for the administrator): the latest certificate for this
 * person, or else the latest at this address. A remote administrator sees only their office's
 * entries (R3.5). Reading another entry's data is logged, as a search is.
 */
export async function findKnownCase(ctx: ServiceContext, actor: SessionUser, input: KnownCaseInput): Promise<{ match: Match | null }> {
  const { person, address } = input;
  const byPerson = person ? await newestMatching(ctx, actor, wordsOf({ person: person.name }), (entry) => samePerson(entry, person)) : undefined;
  const byAddress = !byPerson && address ? await newestMatching(ctx, actor, wordsOf({ address }), (entry) => sameAddress(entry, address)) : undefined;
  const match: Match | null = byPerson ? { by: 'person', entry: byPerson } : byAddress ? { by: 'address', entry: byAddress } : null;
  if (match) {
    queueReadAudit(ctx, { userId: actor.userId, action: 'entry.known_case', entity: 'entry', entityId: match.entry.id, summary: `${match.entry.printedNumber} by ${match.by}` });
  }
  return { match };
}
