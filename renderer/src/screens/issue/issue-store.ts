import { create } from 'zustand';
import type { PresentedDocument } from '../../../../shared/domain/documents.js';
import type { CertificateContent, EntryRecord } from '../../../../shared/domain/entry.js';
import type { DeclinedName, PersonName } from '../../../../shared/domain/person.js';
import { emptyIssueForm, formFromPrefill, type IssueFormValues } from './issue-form.js';

/** What the form is prefilled with: an earlier entry's data, its documents and its signatory among them. */
export type IssuePrefill = Partial<
  Pick<CertificateContent, 'kinds' | 'purpose' | 'subject' | 'address' | 'applicant' | 'household' | 'deceased' | 'bodyCertificate' | 'facts' | 'documents'>
> & { signatoryId?: string };

/** One checklist line as the administrator fills it: presented or not, and the document's details. */
export interface Tick {
  presented: boolean;
  type?: string;
  series?: string;
  number?: string;
  /** Details a document carried in from an earlier entry keeps though the checklist does not show them. */
  carried?: Pick<PresentedDocument, 'recordNumber' | 'issuer' | 'issuedOn' | 'note'>;
}

/** Where carried data came from: the annulled entry reissued, or the latest entry for this person or at this address. */
export interface CarriedFrom {
  entryId: string;
  printedNumber: string;
  localDate: string;
  reason: 'reissue' | 'person' | 'address';
}

/**
 * Data taken from an earlier entry wait for the administrator: documents are presented anew each
 * time (R7.4), so the carried ones count once the administrator confirms the citizen showed them.
 */
export interface Carried {
  from: CarriedFrom;
  confirmed: boolean;
  /** The form as it was before the data were carried in, for «Очистити». */
  before: { values: IssueFormValues; ticks: Record<string, Tick> } | null;
}

/** Forms of names an earlier entry confirmed, for the declension panels to restore (gender chosen, hand corrections). */
export interface RestoredNames {
  subject?: { name: PersonName; declined: DeclinedName };
  deceased?: { name: PersonName; declined: DeclinedName };
}

interface IssueState {
  /** What the form starts from (and returns to on reset); null for an empty form. */
  start: IssueFormValues | null;
  /** Changes whenever the form must be reset to `start` (new certificate, reissue, data carried in). */
  formVersion: number;
  /** The annulled entry this certificate replaces, shown as a reminder while reissuing. */
  reissueOf: { entryId: string; printedNumber: string } | null;
  ticks: Record<string, Tick>;
  carried: Carried | null;
  restoredNames: RestoredNames;
  /** Entries whose carried data the administrator cleared on this form: not offered again. */
  declinedCarries: readonly string[];
  /** The entry just written (certificate or refusal), for print / save / handover. */
  result: EntryRecord | null;
  /**
   * Made when a form starts (new, reissue, prefilled): sent with «Видати» or «Відмовити», so the
   * same form sent twice (a double click, a retry after a lost answer) gets back the entry it made.
   */
  submissionKey: string;
  startNew(): void;
  /** Starts a form from an earlier entry's data; `carried` names the entry when its documents come along. */
  prefillFrom(prefill: IssuePrefill, options?: { reissueOf?: { entryId: string; printedNumber: string }; carried?: CarriedFrom }): void;
  /** Carries a known household into the form being filled (`before` is what it held). */
  carryInto(values: IssueFormValues, ticks: Record<string, Tick>, from: CarriedFrom, restoredNames: RestoredNames, before: Carried['before']): void;
  confirmCarried(): void;
  /** Reissue: drops the carried documents; a known household: the form returns to what it held before. */
  clearCarried(): void;
  setTick(requirementId: string, patch: Partial<Tick>): void;
  setResult(entry: EntryRecord | null): void;
}

/**
 * Pulls the reusable data out of an earlier certificate entry: the person, the address, the
 * household, the documents and the signatory. A refusal gives the person and the address only.
 */
export function prefillFromEntry(entry: EntryRecord): IssuePrefill {
  const content = entry.content;
  const base = { subject: content.subject, address: content.address, applicant: content.applicant, facts: content.facts };
  if (content.sort !== 'certificate') return base;
  return {
    ...base,
    kinds: content.kinds,
    purpose: content.purpose,
    household: content.household,
    documents: content.documents,
    signatoryId: content.signatory.signatoryId,
    ...(content.deceased ? { deceased: content.deceased } : {}),
    ...(content.bodyCertificate ? { bodyCertificate: content.bodyCertificate } : {}),
  };
}

/** Documents as checklist ticks, each with every detail it was registered with. */
export function ticksFromDocuments(documents: readonly PresentedDocument[]): Record<string, Tick> {
  return Object.fromEntries(
    documents.map(({ requirementId, type, series, number, recordNumber, issuer, issuedOn, note }) => {
      const carried = { recordNumber, issuer, issuedOn, note };
      const kept = Object.fromEntries(Object.entries(carried).filter(([, value]) => value !== undefined));
      const tick: Tick = {
        presented: true,
        type,
        ...(series !== undefined ? { series } : {}),
        ...(number !== undefined ? { number } : {}),
        ...(Object.keys(kept).length > 0 ? { carried: kept } : {}),
      };
      return [requirementId, tick];
    }),
  );
}

/** The confirmed forms of the names an entry printed, for the declension panels. */
export function restoredNamesOf(prefill: IssuePrefill): RestoredNames {
  const { subject, deceased } = prefill;
  return {
    ...(subject ? { subject: { name: subject.name, declined: subject.declined } } : {}),
    ...(deceased
      ? {
          deceased: {
            name: deceased.name,
            declined: {
              nominative: [deceased.name.familyName, deceased.name.givenName, deceased.name.patronymic].filter(Boolean).join(' '),
              dative: deceased.declinedGenitive,
              genitive: deceased.declinedGenitive,
              corrected: false,
              ...(deceased.gender ? { gender: deceased.gender } : {}),
            },
          },
        }
      : {}),
  };
}

const fresh = () => ({ result: null, carried: null, restoredNames: {}, declinedCarries: [], submissionKey: crypto.randomUUID() });

export const useIssueStore = create<IssueState>()((set) => ({
  start: null,
  formVersion: 0,
  reissueOf: null,
  ticks: {},
  carried: null,
  restoredNames: {},
  declinedCarries: [],
  result: null,
  submissionKey: crypto.randomUUID(),
  startNew: () => set((state) => ({ ...fresh(), start: null, reissueOf: null, ticks: {}, formVersion: state.formVersion + 1 })),
  prefillFrom: (prefill, options = {}) =>
    set((state) => ({
      ...fresh(),
      start: formFromPrefill(prefill),
      reissueOf: options.reissueOf ?? null,
      ticks: options.carried ? ticksFromDocuments(prefill.documents ?? []) : {},
      carried: options.carried ? { from: options.carried, confirmed: false, before: null } : null,
      restoredNames: restoredNamesOf(prefill),
      formVersion: state.formVersion + 1,
    })),
  carryInto: (values, ticks, from, restoredNames, before) =>
    set((state) => ({ start: values, ticks, carried: { from, confirmed: false, before }, restoredNames, formVersion: state.formVersion + 1 })),
  confirmCarried: () => set((state) => (state.carried ? { carried: { ...state.carried, confirmed: true } } : {})),
  clearCarried: () =>
    set((state) => {
      const { carried } = state;
      if (!carried) return {};
      const declinedCarries = [...state.declinedCarries, carried.from.entryId];
      if (!carried.before) return { carried: null, ticks: {}, declinedCarries };
      return { carried: null, declinedCarries, start: carried.before.values, ticks: carried.before.ticks, restoredNames: {}, formVersion: state.formVersion + 1 };
    }),
  setTick: (requirementId, patch) =>
    set((state) => ({
      ticks: { ...state.ticks, [requirementId]: { ...(state.ticks[requirementId] ?? { presented: false }), ...patch } },
    })),
  setResult: (result) => set({ result }),
}));

/** The form a screen opens with. */
export function startValues(start: IssueFormValues | null): IssueFormValues {
  return start ?? emptyIssueForm();
}
