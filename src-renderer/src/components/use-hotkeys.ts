import { useEffect, useRef } from 'react';

/** "alt+n", "ctrl+s", "/", "escape": a small matcher, so shortcuts read like the help text. */
function matches(combo: string, e: KeyboardEvent): boolean {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop()!;
  const want = { alt: parts.includes('alt'), ctrl: parts.includes('ctrl'), shift: parts.includes('shift') };
  if (want.alt !== e.altKey || want.ctrl !== (e.ctrlKey || e.metaKey) || (want.shift && !e.shiftKey)) return false;
  const pressed = e.key.toLowerCase();
  return pressed === key || e.code.toLowerCase() === `key${key}` || e.code.toLowerCase() === `digit${key}`;
}

function typingInField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return Boolean(
    t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable),
  );
}

export function useHotkeys(bindings: Record<string, (e: KeyboardEvent) => void>, enabled = true): void {
  const ref = useRef(bindings);
  ref.current = bindings;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      for (const [combo, run] of Object.entries(ref.current)) {
        // Plain keys ("/") must not steal typing; chords with alt/ctrl, Escape and F-keys always work.
        const plain = !/alt|ctrl/.test(combo) && combo !== 'escape' && !/^f\d+$/.test(combo);
        if (plain && typingInField(e)) continue;
        if (matches(combo, e)) {
          e.preventDefault();
          run(e);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
