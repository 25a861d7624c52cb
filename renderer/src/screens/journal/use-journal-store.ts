import { desk } from '../../desk/client.js';
import { createJournalStore } from './journal-store.js';

export const useJournalStore = createJournalStore((input) => desk.call('journal.search', input));
