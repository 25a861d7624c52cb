import { create } from 'zustand';

interface ShortcutState {
  /** Increments on Alt+F / Ctrl+F; the journal's search box focuses itself when it changes. */
  searchRequest: number;
  /** The current screen's "print the document in front of me" action (Ctrl+P), if it has one. */
  printHandler: (() => void) | null;
  requestSearch(): void;
  setPrintHandler(handler: (() => void) | null): void;
}

export const useShortcutStore = create<ShortcutState>()((set) => ({
  searchRequest: 0,
  printHandler: null,
  requestSearch: () => set((state) => ({ searchRequest: state.searchRequest + 1 })),
  setPrintHandler: (printHandler) => set({ printHandler }),
}));

export type ShortcutAction = 'newCertificate' | 'search' | 'print';

/** Alt+N new certificate, Alt+F or Ctrl+F journal search, Ctrl+P print (documented in About). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): ShortcutAction | null {
  const key = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.shiftKey) return null;
  if (event.altKey && !ctrl && key === 'n') return 'newCertificate';
  if ((event.altKey && !ctrl && key === 'f') || (ctrl && !event.altKey && key === 'f')) return 'search';
  if (ctrl && !event.altKey && key === 'p') return 'print';
  return null;
}
