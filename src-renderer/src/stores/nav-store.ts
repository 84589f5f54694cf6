import { create } from 'zustand';

/** Where the user is, and what a link asked that screen to show (a dashboard tile's status). */
interface NavState {
  place: string;
  params: Record<string, string>;
  go(place: string, params?: Record<string, string>): void;
}

export const useNav = create<NavState>((set) => ({
  place: '',
  params: {},
  go: (place, params = {}) => set({ place, params }),
}));
