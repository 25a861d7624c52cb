import { create } from 'zustand';
import type { EntryRecord, EntrySort, EntryStatus } from '../../../../shared/domain/entry.js';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { asDeskError } from '../../stores/session-store.js';

export interface JournalFilters {
  text: string;
  dateFrom: string;
  dateTo: string;
  journalId: string;
  kind: string;
  sort: EntrySort | '';
  status: EntryStatus | '';
}

export const emptyFilters: JournalFilters = { text: '', dateFrom: '', dateTo: '', journalId: '', kind: '', sort: '', status: '' };

export const JOURNAL_PAGE_SIZE = 100;

/** The journal.search input: empty filters are left out (the register searches case-insensitively). */
export function searchInput(filters: JournalFilters, page: number) {
  const text = filters.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(filters.dateFrom ? { dateFrom: filters.dateFrom } : {}),
    ...(filters.dateTo ? { dateTo: filters.dateTo } : {}),
    ...(filters.journalId ? { journalId: filters.journalId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    page,
    pageSize: JOURNAL_PAGE_SIZE,
  };
}

export type JournalSearch = (input: ReturnType<typeof searchInput>) => Promise<{ items: EntryRecord[]; total: number }>;

interface JournalState {
  filters: JournalFilters;
  page: number;
  items: EntryRecord[];
  total: number;
  loading: boolean;
  error: DeskError | null;
  selectedId: string | null;
  setFilters(patch: Partial<JournalFilters>): void;
  search(page?: number): Promise<void>;
  select(entryId: string | null): void;
  /** An entry changed (handover, annulment): the list shows the new state without a new search. */
  replace(entry: EntryRecord): void;
}

export function createJournalStore(searchEntries: JournalSearch) {
  let latest = 0;
  return create<JournalState>()((set, get) => ({
    filters: emptyFilters,
    page: 1,
    items: [],
    total: 0,
    loading: false,
    error: null,
    selectedId: null,
    setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
    async search(page = 1) {
      const request = ++latest;
      set({ loading: true, error: null, page });
      try {
        const result = await searchEntries(searchInput(get().filters, page));
        // Only the answer to the newest search is shown, however the replies arrive.
        if (request === latest) set({ items: result.items, total: result.total, loading: false });
      } catch (error) {
        if (request === latest) set({ error: asDeskError(error), loading: false });
      }
    },
    select: (selectedId) => set({ selectedId }),
    replace: (entry) => set((state) => ({ items: state.items.map((item) => (item.id === entry.id ? entry : item)) })),
  }));
}
