import type { SubjectHandler } from './approval-subjects';
import { orderSubject } from './order-approval';

/** Every kind of document that can wait for approval, by approval_requests.subject_type. */
export const subjectHandlers: Record<string, SubjectHandler> = {
  order: orderSubject,
};
