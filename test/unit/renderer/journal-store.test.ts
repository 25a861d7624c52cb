import { describe, expect, it } from 'vitest';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { journalChannels } from '../../../shared/contract/channels/journal.js';
import { createJournalStore, searchInput, emptyFilters } from '../../../renderer/src/screens/journal/journal-store.js';

const record = (id: string, status: EntryRecord['status'] = 'issued') => ({ id, status }) as unknown as EntryRecord;

describe('journal search input', () => {
  it('leaves empty filters out and passes the channel’s schema', () => {
    const input = searchInput({ ...emptyFilters, text: '  шевченко ', dateFrom: '2026-03-01', status: 'issued' }, 2);
    expect(input).toEqual({ text: 'шевченко', dateFrom: '2026-03-01', status: 'issued', page: 2, pageSize: 100 });
    expect(journalChannels['journal.search'].input.safeParse(input).success).toBe(true);
  });
});

describe('journal store', () => {
  it('shows only the answer to the newest search', async () => {
    const resolvers: ((value: { items: EntryRecord[]; total: number }) => void)[] = [];
    const store = createJournalStore(() => new Promise((resolve) => resolvers.push(resolve)));
    const first = store.getState().search(1);
    const second = store.getState().search(2);
    resolvers[1]?.({ items: [record('new')], total: 1 });
    resolvers[0]?.({ items: [record('old')], total: 1 });
    await Promise.all([first, second]);
    expect(store.getState().items.map((item) => item.id)).toEqual(['new']);
    expect(store.getState().page).toBe(2);
  });

  it('replaces a changed entry in place (handover, annulment)', async () => {
    const store = createJournalStore(async () => ({ items: [record('a'), record('b')], total: 2 }));
    await store.getState().search();
    store.getState().replace(record('b', 'annulled'));
    expect(store.getState().items.map((item) => item.status)).toEqual(['issued', 'annulled']);
  });

  it('keeps the error of a failed search for the screen', async () => {
    const store = createJournalStore(async () => {
      throw new Error('offline');
    });
    await store.getState().search();
    expect(store.getState().error?.code).toBe('internal');
    expect(store.getState().loading).toBe(false);
  });
});
