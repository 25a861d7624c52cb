import { create } from 'zustand';

export const screens = [
  'issue',
  'certify',
  'journal',
  'directories',
  'templates',
  'reports',
  'verify',
  'exchange',
  'settings',
  'about',
] as const;
export type Screen = (typeof screens)[number];

interface NavState {
  screen: Screen;
  go(screen: Screen): void;
}

/** Which screen the desk shows; there are no URLs in a desktop window, so no router. */
export const useNavStore = create<NavState>()((set) => ({
  screen: 'issue',
  go: (screen) => set({ screen }),
}));
