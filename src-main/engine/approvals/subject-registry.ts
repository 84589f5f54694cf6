import type { SubjectHandler } from './approval-subjects';
import { newCustomerSubject, termsSubject } from './customer-approval';
import { creditNoteSubject, writeOffSubject } from './held-subjects';
import { orderSubject } from './order-approval';

/** Every kind of document that can wait for approval, by approval_requests.subject_type. */
export const subjectHandlers: Record<string, SubjectHandler> = {
  order: orderSubject,
  customer: newCustomerSubject,
  customer_terms: termsSubject,
  write_off: writeOffSubject,
  credit_note: creditNoteSubject,
};
