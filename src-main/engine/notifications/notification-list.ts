import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { EngineContext } from '../context';

type Note = OutputOf<'notifications.list'>[number];

interface NoteRow {
  id: number;
  at: string;
  text: string;
  kind: Note['kind'];
  subjectType: string | null;
  subjectId: number | null;
  orderId: number | null;
  readAt: string | null;
}

/** The caller's notifications, newest first, one keyset page (index notifications_user_id_idx) from `before`. */
export function listNotifications(ctx: EngineContext, input: ParsedInputOf<'notifications.list'>): Note[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT id, at, text, kind, subject_type AS subjectType, subject_id AS subjectId, order_id AS orderId,
         read_at AS readAt
       FROM notifications WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(ctx.actor!.id, input.before ?? Number.MAX_SAFE_INTEGER, input.limit) as NoteRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    text: r.text,
    kind: r.kind,
    subject: r.subjectType !== null && r.subjectId !== null ? { type: r.subjectType, id: r.subjectId } : null,
    orderId: r.orderId,
    read: r.readAt !== null,
  }));
}

/** What the bell polls: cheap (the user's unread rows through notifications_user_idx) and the newest id. */
export function unreadNotifications(ctx: EngineContext) {
  const { sqlite } = ctx.ledger;
  const userId = ctx.actor!.id;
  const { n } = sqlite
    .prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL')
    .get(userId) as { n: number };
  const latest = sqlite.prepare('SELECT max(id) AS id FROM notifications WHERE user_id = ?').get(userId) as {
    id: number | null;
  };
  return { unread: n, latestId: latest.id };
}

/** Marks the caller's own notifications read: others' ids are ignored, not refused (the bell may be stale). */
export function markNotificationsRead(ctx: EngineContext, input: ParsedInputOf<'notifications.markRead'>) {
  const { sqlite } = ctx.ledger;
  const at = ctx.now().toISOString();
  const userId = ctx.actor!.id;
  if (input.all) {
    sqlite.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId);
  } else {
    const update = sqlite.prepare(
      'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
    );
    for (const id of input.ids) update.run(at, id, userId);
  }
  return { ok: true as const };
}
