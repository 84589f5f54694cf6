import type { approvalTimeOperations } from '../../../src-shared/contract/approval-time';
import type { HandlerTable } from '../../api/handler-types';
import { listNotifications, markNotificationsRead, unreadNotifications } from './notification-list';

type NotificationOperation = Extract<keyof typeof approvalTimeOperations, `notifications.${string}`>;

/** Each user's notifications (the bell). Joined with the other parts in api/handlers.ts. */
export const notificationHandlers: HandlerTable<NotificationOperation> = {
  'notifications.list': (input, ctx) => listNotifications(ctx, input),
  'notifications.unread': (_, ctx) => unreadNotifications(ctx),
  'notifications.markRead': (input, ctx) => markNotificationsRead(ctx, input),
};
