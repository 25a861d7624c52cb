import { create } from 'zustand';
import type { Journal, Office } from '../../../shared/domain/directories-core.js';
import type { Signatory } from '../../../shared/domain/directories.js';
import type { EntrySort } from '../../../shared/domain/entry.js';
import { desk } from '../desk/client.js';

/**
 * Reference data every desk screen needs (journals, offices, signatories), loaded once after
 * login and reloaded after a directory changes. The chosen journal is remembered for the session.
 */
interface ReferenceState {
  journals: Journal[];
  offices: Office[];
  signatories: Signatory[];
  journalId: string | null;
  loaded: boolean;
  load(officeId: string): Promise<void>;
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
  journalId: null,
  loaded: false,
  async load(officeId) {
    const [journals, offices, signatories] = await Promise.all([
      desk.call('journals.list', {}),
      desk.call('offices.list', {}),
      desk.call('directories.signatories.list', {}),
    ]);
    const current = get().journalId;
    const keep = current && journals.items.some((journal) => journal.id === current);
    set({
      journals: journals.items,
      offices: offices.items,
      signatories,
      journalId: keep ? current : (defaultJournal(journals.items, officeId, 'certificate')?.id ?? null),
      loaded: true,
    });
  },
  chooseJournal: (journalId) => set({ journalId }),
}));
