// placeholder: the approval-time branch replaces this file
import type { EngineContext } from '../context';

export interface NotificationInput {
  userId: number;
  text: string;
  kind: 'approval_requested' | 'approval_reminder' | 'approval_escalated' | 'approval_decided' | 'other';
  subject?: { type: string; id: number } | null;
  orderId?: number | null;
}

/** One in-app notification, inside the caller's transaction. */
export function notify(ctx: EngineContext, n: NotificationInput): void {
  ctx.ledger.sqlite
    .prepare('INSERT INTO notifications (user_id, at, text, order_id) VALUES (?, ?, ?, ?)')
    .run(n.userId, ctx.now().toISOString(), n.text, n.orderId ?? null);
}
