import type { ReactNode } from 'react';
import { useHotkeys } from './use-hotkeys';

/** The side panel forms open in; Esc closes it, Ctrl+S saves. */
export function Drawer({
  title,
  onClose,
  onSave,
  saving,
  children,
  footer,
}: {
  title: string;
  onClose(): void;
  onSave?(): void;
  saving?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  useHotkeys({ escape: onClose, 'ctrl+s': () => onSave?.(), 'ctrl+enter': () => onSave?.() });
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-label={title}>
        <header>
          <h2>{title}</h2>
          <button className="ghost" onClick={onClose} title="Close (Esc)">
            ✕
          </button>
        </header>
        <form
          className="drawer-body"
          onSubmit={(e) => {
            e.preventDefault();
            onSave?.();
          }}
        >
          {children}
          <button type="submit" hidden />
        </form>
        <footer>
          {footer}
          {onSave && (
            <button className="primary" onClick={onSave} disabled={saving}>
              {saving ? 'Saving…' : 'Save'} <kbd>Ctrl+S</kbd>
            </button>
          )}
          <button onClick={onClose}>Cancel</button>
        </footer>
      </aside>
    </div>
  );
}
