import { create } from 'zustand';

interface Toast {
  id: number;
  kind: 'ok' | 'error';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string): void;
}

let next = 1;
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  show(kind, text) {
    const id = next++;
    set((s) => ({ toasts: [...s.toasts, { id, kind, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 4000);
  },
}));

export const toast = {
  ok: (text: string) => useToasts.getState().show('ok', text),
  error: (text: string) => useToasts.getState().show('error', text),
};
