import { useEffect, useRef } from 'react';
import type { DeskInput, DeskOutput } from '../../desk/contract.js';
import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import { addressInputSchema } from '../../../../shared/domain/validation/address.js';
import { personNameInputSchema } from '../../../../shared/domain/validation/names.js';
import { isValidIsoDate } from '../../../../shared/domain/validation/dates.js';
import { kindsNeed } from '../../../../shared/rules/catalogue.js';
import { desk } from '../../desk/client.js';
import { formFromPrefill, type IssueFormValues } from './issue-form.js';
import { prefillFromEntry, ticksFromDocuments, useIssueStore, type RestoredNames, type Tick } from './issue-store.js';

type KnownCaseMatch = NonNullable<DeskOutput<'entries.knownCase'>['match']>;

const LOOKUP_DELAY_MS = 500;

/**
 * Documents that belong to the person, not to the household: they come along only when the same
 * person applies. A power of attorney and a self-organisation body's certificate are new each time.
 */
const PERSONAL_REQUIREMENTS = new Set(['identity', 'kinship_document', 'death_certificate']);
const NEVER_CARRIED = new Set(['power_of_attorney', 'body_certificate']);

function carriedRequirement(requirementId: string, by: KnownCaseMatch['by']): boolean {
  const base = requirementId.split(':')[0] ?? requirementId;
  if (NEVER_CARRIED.has(base)) return false;
  return by === 'person' || !PERSONAL_REQUIREMENTS.has(base);
}

/** The documents of an earlier entry that come along for this person, or for a household at this address. */
export function carriedDocuments(documents: readonly PresentedDocument[], by: KnownCaseMatch['by']): PresentedDocument[] {
  return documents.filter((doc) => carriedRequirement(doc.requirementId, by));
}

function addressTyped(values: IssueFormValues): boolean {
  return values.address.settlement.trim() !== '' || values.address.house.trim() !== '';
}

/**
 * The form with a known household carried in: the household with its relations and dates, the
 * facts of the dwelling, the documents (the person's own only when the same person applies), the
 * confirmed forms of the name and, for the same person, the address and dates. What the
 * administrator already typed stays.
 */
export function carriedCase(
  current: IssueFormValues,
  match: KnownCaseMatch,
  signatoryIsCurrent: (id: string) => boolean,
): { values: IssueFormValues; ticks: Record<string, Tick>; restoredNames: RestoredNames } {
  const prefill = prefillFromEntry(match.entry);
  const found = formFromPrefill(prefill);
  const samePerson = match.by === 'person';
  const documents = carriedDocuments(prefill.documents ?? [], match.by);
  const values: IssueFormValues = {
    ...current,
    subject: samePerson
      ? { ...current.subject, birthDate: current.subject.birthDate || found.subject.birthDate, registeredOn: current.subject.registeredOn || found.subject.registeredOn }
      : current.subject,
    address: samePerson && !addressTyped(current) ? found.address : current.address,
    household: found.household,
    facts: { ...found.facts, actingForOther: current.facts.actingForOther },
    deceased: samePerson && kindsNeed(current.kinds, 'deceased') && !current.deceased.name.familyName ? found.deceased : current.deceased,
    signatoryId: current.signatoryId || (signatoryIsCurrent(found.signatoryId) ? found.signatoryId : ''),
  };
  const { subject } = match.entry.content;
  return { values, ticks: ticksFromDocuments(documents), restoredNames: samePerson ? { subject: { name: subject.name, declined: subject.declined } } : {} };
}

/** What the form knows so far that the register can be asked about; null while neither the name nor the address is complete. */
export function knownCaseQuery(values: IssueFormValues): DeskInput<'entries.knownCase'> | null {
  const name = personNameInputSchema.safeParse(values.subject.name);
  const blank = (text: string) => (text.trim() === '' ? undefined : text);
  const { settlement, street, streetId, house, building, apartment } = values.address;
  const address = addressInputSchema.safeParse({ settlement, street: blank(street), streetId: blank(streetId), house, building: blank(building), apartment: blank(apartment) });
  if (!name.success && !address.success) return null;
  const birthDate = isValidIsoDate(values.subject.birthDate) ? values.subject.birthDate : undefined;
  return {
    ...(name.success ? { person: { name: name.data, ...(birthDate ? { birthDate } : {}) } } : {}),
    ...(address.success ? { address: address.data } : {}),
  };
}

/** Nothing typed yet that a carried household would replace: no household row, no document ticked. */
function roomForCarry(values: IssueFormValues, ticks: Record<string, Tick>): boolean {
  return values.household.length === 0 && !Object.values(ticks).some((tick) => tick.presented);
}

/**
 * While a new form is filled, asks the register for the latest certificate of the person typed
 * (or at the address typed) and carries its household in for the administrator to confirm.
 */
export function useKnownCase(
  values: IssueFormValues,
  read: () => IssueFormValues,
  signatoryIsCurrent: (id: string) => boolean,
): void {
  const query = knownCaseQuery(values);
  const key = query ? JSON.stringify(query) : '';
  const ticks = useIssueStore((state) => state.ticks);
  const idle = useIssueStore((state) => state.carried === null && state.reissueOf === null);
  const open = idle && roomForCarry(values, ticks);
  const latest = useRef({ read, signatoryIsCurrent });
  useEffect(() => {
    latest.current = { read, signatoryIsCurrent };
  });

  useEffect(() => {
    if (!key || !open) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      desk
        .call('entries.knownCase', JSON.parse(key) as DeskInput<'entries.knownCase'>)
        .then(({ match }) => {
          const store = useIssueStore.getState();
          const current = latest.current.read();
          // The form may have moved on while the register answered.
          if (cancelled || !match || store.carried || store.reissueOf || !roomForCarry(current, store.ticks)) return;
          if (store.declinedCarries.includes(match.entry.id)) return;
          const carried = carriedCase(current, match, latest.current.signatoryIsCurrent);
          store.carryInto(
            carried.values,
            carried.ticks,
            { entryId: match.entry.id, printedNumber: match.entry.printedNumber, localDate: match.entry.localDate, reason: match.by },
            carried.restoredNames,
            { values: current, ticks: store.ticks },
          );
        })
        // A lookup that fails leaves the form as typed: it only saves keystrokes.
        .catch(() => undefined);
    }, LOOKUP_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, open]);
}
