import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';

type Note = OutputOf<'notifications.list'>[number];

/** Approval requests and decisions reach the clerk here; checked every 20 seconds. */
export function NotificationsButton({ onOpenOrder }: { onOpenOrder(orderId: number): void }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const load = () =>
      void call('notifications.list', {})
        .then(setNotes)
        .catch(() => undefined);
    load();
    const t = setInterval(load, 20_000);
    return () => clearInterval(t);
  }, []);
  const unread = notes.filter((n) => !n.read);
  return (
    <>
      <button className="link" onClick={() => setOpen(true)} aria-label={`Notifications, ${unread.length} unread`}>
        Notifications {unread.length > 0 && <span className="badge">{unread.length}</span>}
      </button>
      {open && (
        <div className="drawer-backdrop center" onClick={() => setOpen(false)}>
          <div className="modal" role="dialog" aria-label="Notifications" onClick={(e) => e.stopPropagation()}>
            <header>
              <h2>Notifications</h2>
            </header>
            <div className="modal-body">
              {notes.length === 0 && <p className="muted">Nothing yet.</p>}
              <ul className="notes">
                {notes.map((n) => (
                  <li key={n.id} className={n.read ? 'read' : ''}>
                    <span className="muted">{n.at.slice(0, 16).replace('T', ' ')}</span> {n.text}
                    {n.orderId && (
                      <button
                        className="link"
                        onClick={() => {
                          onOpenOrder(n.orderId!);
                          setOpen(false);
                        }}
                      >
                        Orders
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
            <footer>
              <button
                onClick={() =>
                  void call('notifications.markRead', { ids: unread.map((n) => n.id) }).then(() =>
                    setNotes(notes.map((n) => ({ ...n, read: true }))),
                  )
                }
              >
                Mark all read
              </button>
              <button onClick={() => setOpen(false)}>Close</button>
            </footer>
          </div>
        </div>
      )}
    </>
  );
}
