import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { OutputOf } from '../../../src-shared/contract';
import { call } from '../api/client';
import { zoneOffsetMs, DEFAULT_TIME_ZONE } from '../../../src-shared/dates';
import { useNav } from '../stores/nav-store';
import { useSession } from '../stores/session-store';
import { askForDesktopNotices, showDesktopNotice } from './desktop-notice';

type Note = OutputOf<'notifications.list'>[number];
const PAGE = 30;

/** When a note came, on the office's clock (the stored instant is UTC). */
function noteTime(at: string): string {
  const zone = useSession.getState().company?.timeZone ?? DEFAULT_TIME_ZONE;
  const ms = Date.parse(at);
  return new Date(ms + zoneOffsetMs(ms, zone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** The screen a note's subject opens on, and the link's words. */
function linkFor(n: Note): { place: string; label: string } | null {
  const type = n.subject?.type ?? (n.orderId ? 'order' : null);
  if (type === 'order') return { place: 'orders', label: 'Orders' };
  if (type === 'approval_request') return { place: 'approvals', label: 'Approvals' };
  if (type === 'customer') return { place: 'customers', label: 'Customers' };
  if (type === 'approval_delegation') return { place: 'away', label: 'Away' };
  return null;
}

/**
 * The bell: the unread count, polled every 20 seconds (one cheap count), and the list when opened. When the count
 * rises the desktop app (or a browser that allowed it) shows a system notification as well.
 */
export function NotificationsButton({ onOpenAway }: { onOpenAway(): void }) {
  const go = useNav((s) => s.go);
  const [unread, setUnread] = useState(0);
  const [notes, setNotes] = useState<Note[]>([]);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState(false);
  const seen = useRef<number | null>(null);

  useEffect(() => {
    const poll = () =>
      void call('notifications.unread', {})
        .then((u) => {
          setUnread(u.unread);
          const fresh = seen.current !== null && u.latestId !== null && u.latestId > seen.current;
          if (fresh && u.unread > 0)
            void call('notifications.list', { limit: 1 }).then(([latest]) => {
              if (latest && !latest.read) showDesktopNotice('Stockist', latest.text, () => setOpen(true));
            });
          seen.current = u.latestId ?? 0;
        })
        .catch(() => undefined);
    poll();
    const t = setInterval(poll, 20_000);
    return () => clearInterval(t);
  }, []);

  const load = (before: number | null) =>
    void call('notifications.list', { before, limit: PAGE }).then((page) => {
      setNotes((shown) => (before === null ? page : [...shown, ...page]));
      setMore(page.length === PAGE);
    });
  useEffect(() => {
    if (open) load(null);
  }, [open]);

  const follow = (n: Note) => {
    const link = linkFor(n)!;
    if (link.place === 'away') onOpenAway();
    else go(link.place);
    setOpen(false);
  };
  const markAll = () =>
    void call('notifications.markRead', { all: true }).then(() => {
      setNotes(notes.map((n) => ({ ...n, read: true })));
      setUnread(0);
    });

  return (
    <>
      <button
        className="link"
        onClick={() => {
          askForDesktopNotices();
          setOpen(true);
        }}
        aria-label={`Notifications, ${unread} unread`}
      >
        Notifications {unread > 0 && <span className="badge">{unread}</span>}
      </button>
      {open &&
        // Out of the sidebar, whose light-on-dark colours would otherwise wash out the list.
        createPortal(
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
                      <span className="muted">{noteTime(n.at)}</span> {n.text}{' '}
                      {linkFor(n) && (
                        <button className="link" onClick={() => follow(n)}>
                          {linkFor(n)!.label}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {more && (
                  <button className="link" onClick={() => load(notes[notes.length - 1]!.id)}>
                    Older notifications
                  </button>
                )}
              </div>
              <footer>
                <button onClick={markAll} disabled={unread === 0}>
                  Mark all read
                </button>
                <button onClick={() => setOpen(false)}>Close</button>
              </footer>
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
