import type { EngineContext } from '../context';

export interface NotificationInput {
  userId: number;
  text: string;
  kind: 'approval_requested' | 'approval_reminder' | 'approval_escalated' | 'approval_decided' | 'other';
  /** what the note is about, so the bell links to it (an approval request, a customer…) */
  subject?: { type: string; id: number } | null;
  /** kept for the order notes the bell already links to the orders screen */
  orderId?: number | null;
}

/**
 * One in-app notification, written in the caller's transaction so it exists exactly when the change it tells of
 * does. The bell counts it unread; the desktop app raises a system notification when the count rises.
 */
export function notify(ctx: EngineContext, n: NotificationInput): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO notifications (user_id, at, text, order_id, kind, subject_type, subject_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      n.userId,
      ctx.now().toISOString(),
      n.text,
      n.orderId ?? null,
      n.kind,
      n.subject?.type ?? null,
      n.subject?.id ?? null,
    );
}
