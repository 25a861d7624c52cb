import { create } from 'zustand';
import type { Journal, Office } from '../../../shared/domain/directories-core.js';
import type { Signatory } from '../../../shared/domain/directories.js';
import type { EntrySort } from '../../../shared/domain/entry.js';
import type { CustomKind } from '../../../shared/rules/catalogue.js';
import type { KindDecision } from '../../../shared/domain/kind-decisions.js';
import { desk } from '../desk/client.js';

/**
 * Reference data every desk screen needs (journals, offices, signatories, kinds added by decision),
 * loaded once after login and reloaded after a directory changes. The chosen journal is remembered
 * for the session.
 */
interface ReferenceState {
  journals: Journal[];
  offices: Office[];
  signatories: Signatory[];
  /** R7.15: kinds the executive committee added; issued and evaluated like the built-in ones. */
  customKinds: CustomKind[];
  /** Section F: the council's decisions that stop a kind from a date (the form shows the kind as not issued). */
  kindDecisions: KindDecision[];
  journalId: string | null;
  loaded: boolean;
  load(officeId: string): Promise<void>;
  loadCustomKinds(): Promise<void>;
  loadKindDecisions(): Promise<void>;
  chooseJournal(journalId: string): void;
}

/** The journal a new entry of this sort goes to by default: the user's own office first (R7.11). */
export function defaultJournal(journals: readonly Journal[], officeId: string, sort: EntrySort): Journal | undefined {
  const usable = journals.filter((journal) => journal.active && journal.sorts.includes(sort));
  return usable.find((journal) => journal.officeId === officeId) ?? usable[0];
}

export const useReferenceStore = create<ReferenceState>()((set, get) => ({
  journals: [],
  offices: [],
  signatories: [],
  customKinds: [],
  kindDecisions: [],
  journalId: null,
  loaded: false,
  async load(officeId) {
    const [journals, offices, signatories, customKinds, kindDecisions] = await Promise.all([
      desk.call('journals.list', {}),
      desk.call('offices.list', {}),
      desk.call('directories.signatories.list', {}),
      desk.call('kinds.listCustom', {}),
      desk.call('kinds.decisions.list', {}),
    ]);
    const current = get().journalId;
    const keep = current && journals.items.some((journal) => journal.id === current);
    set({
      journals: journals.items,
      offices: offices.items,
      signatories,
      customKinds,
      kindDecisions,
      journalId: keep ? current : (defaultJournal(journals.items, officeId, 'certificate')?.id ?? null),
      loaded: true,
    });
  },
  async loadCustomKinds() {
    set({ customKinds: await desk.call('kinds.listCustom', {}) });
  },
  async loadKindDecisions() {
    set({ kindDecisions: await desk.call('kinds.decisions.list', {}) });
  },
  chooseJournal: (journalId) => set({ journalId }),
}));
