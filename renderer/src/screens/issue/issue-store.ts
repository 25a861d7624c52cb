import { create } from 'zustand';
import type { CertificateContent, EntryRecord } from '../../../../shared/domain/entry.js';

/** What the form is prefilled with: data of an earlier entry (never its ticks: R7.4's documents are presented anew). */
export type IssuePrefill = Partial<
  Pick<CertificateContent, 'kinds' | 'purpose' | 'subject' | 'address' | 'applicant' | 'household' | 'deceased' | 'bodyCertificate' | 'facts'>
>;

/** One checklist line as the administrator fills it: presented or not, and the document's details. */
export interface Tick {
  presented: boolean;
  type?: string;
  series?: string;
  number?: string;
}

interface IssueState {
  prefill: IssuePrefill | null;
  /** Changes whenever the form must be reset to `prefill` (new certificate, reissue, person found). */
  formVersion: number;
  /** The annulled entry this certificate replaces, shown as a reminder while reissuing. */
  reissueOf: { entryId: string; printedNumber: string } | null;
  ticks: Record<string, Tick>;
  /** The entry just written (certificate or refusal), for print / save / handover. */
  result: EntryRecord | null;
  /**
   * Made when a form starts (new, reissue, prefilled): sent with «Видати» or «Відмовити», so the
   * same form sent twice (a double click, a retry after a lost answer) gets back the entry it made.
   */
  submissionKey: string;
  startNew(): void;
  prefillFrom(prefill: IssuePrefill, reissueOf?: { entryId: string; printedNumber: string }): void;
  setTick(requirementId: string, patch: Partial<Tick>): void;
  setResult(entry: EntryRecord | null): void;
}

/** Pulls the reusable data out of an earlier certificate entry (documents are presented anew each time). */
export function prefillFromEntry(entry: EntryRecord): IssuePrefill {
  const content = entry.content;
  const base = { subject: content.subject, address: content.address, applicant: content.applicant, facts: content.facts };
  if (content.sort !== 'certificate') return base;
  return {
    ...base,
    kinds: content.kinds,
    purpose: content.purpose,
    household: content.household,
    ...(content.deceased ? { deceased: content.deceased } : {}),
    ...(content.bodyCertificate ? { bodyCertificate: content.bodyCertificate } : {}),
  };
}

export const useIssueStore = create<IssueState>()((set) => ({
  prefill: null,
  formVersion: 0,
  reissueOf: null,
  ticks: {},
  result: null,
  submissionKey: crypto.randomUUID(),
  startNew: () =>
    set((state) => ({ prefill: null, reissueOf: null, ticks: {}, result: null, formVersion: state.formVersion + 1, submissionKey: crypto.randomUUID() })),
  prefillFrom: (prefill, reissueOf) =>
    set((state) => ({
      prefill,
      reissueOf: reissueOf ?? null,
      ticks: {},
      result: null,
      formVersion: state.formVersion + 1,
      submissionKey: crypto.randomUUID(),
    })),
  setTick: (requirementId, patch) =>
    set((state) => ({
      ticks: { ...state.ticks, [requirementId]: { ...(state.ticks[requirementId] ?? { presented: false }), ...patch } },
    })),
  setResult: (result) => set({ result }),
}));
