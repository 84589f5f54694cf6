import { roleCan } from '../../../src-shared/permissions';
import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import type { SubjectHandler } from './approval-subjects';
import { endPendingRequests, hashOf, requestApproval } from './request-approval';

/**
 * Customers a sales clerk creates wait for approval before anything can be sold to them; a raised credit
 * limit or changed terms wait too, and the old terms apply meanwhile. Someone who may approve does not wait.
 */
const mayApprove = (ctx: EngineContext) => ctx.actor === null || roleCan(ctx.actor.role, 'orders.approve');

/** SQL for "this customer waits for approval as a new customer": folded into the callers' own customer reads. */
export const AWAITING_APPROVAL_SQL = (customerId: string) =>
  `EXISTS (SELECT 1 FROM approval_requests ar WHERE ar.subject_type = 'customer' AND ar.subject_id = ${customerId}
     AND ar.status = 'pending')`;

export function refusePendingCustomer(name: string, field: string, doing: string): never {
  throw new DomainError(
    'rule_violated',
    `${name} is a new customer waiting for approval; ${doing} once approved`,
    field,
  );
}

interface CustomerFacts {
  id: number;
  name: string;
  type: string;
  stateCode: string;
  district: string;
  creditLimit: number;
}

const factsOf = (c: CustomerFacts, amount: number) => ({
  subjects: [],
  amount,
  customerType: c.type,
  stateCode: c.stateCode,
  district: c.district,
  discountBps: 0,
  marginBps: null,
});

function customerFacts(ctx: EngineContext, id: number): CustomerFacts {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, name, type, bill_state_code AS stateCode, bill_district AS district, credit_limit AS creditLimit
       FROM customers WHERE id = ?`,
    )
    .get(id) as CustomerFacts;
}

/** After a customer is created: a clerk's new customer waits for approval. */
export function holdNewCustomer(ctx: EngineContext, id: number): void {
  if (mayApprove(ctx)) return;
  const c = customerFacts(ctx, id);
  requestApproval(ctx, {
    subjectType: 'customer',
    subjectId: id,
    orderId: null,
    reasons: [{ kind: 'new_customer', message: `New customer ${c.name}, credit limit ${formatMoney(c.creditLimit)}` }],
    facts: factsOf(c, c.creditLimit),
    snapshot: customerSnapshot(ctx, id),
    label: `New customer ${c.name}`,
  });
}

interface Terms {
  creditLimit: number;
  paymentTermsDays: number;
  creditPolicy: string | null;
}

const termsOf = (ctx: EngineContext, id: number) =>
  ctx.ledger.sqlite
    .prepare(
      'SELECT credit_limit AS creditLimit, payment_terms_days AS paymentTermsDays, credit_policy AS creditPolicy FROM customers WHERE id = ?',
    )
    .get(id) as Terms;

/**
 * Before a customer is updated: a clerk's raised limit or changed terms are held back (the update keeps the
 * old ones) and asked for; a newer change voids the older request. Returns the terms the update may write.
 */
export function holdTermsChange<T extends Terms>(ctx: EngineContext, id: number, wanted: T): T {
  const now = termsOf(ctx, id);
  const raised = wanted.creditLimit > now.creditLimit;
  const changed =
    raised || wanted.paymentTermsDays !== now.paymentTermsDays || wanted.creditPolicy !== now.creditPolicy;
  if (!changed || mayApprove(ctx)) return wanted;
  endPendingRequests(ctx, 'customer_terms', id, 'void', 'A newer change of terms was asked for');
  const c = customerFacts(ctx, id);
  const proposal: Terms = {
    creditLimit: wanted.creditLimit,
    paymentTermsDays: wanted.paymentTermsDays,
    creditPolicy: wanted.creditPolicy,
  };
  const said = [
    ...(wanted.creditLimit !== now.creditLimit
      ? [`credit limit ${formatMoney(now.creditLimit)} → ${formatMoney(wanted.creditLimit)}`]
      : []),
    ...(wanted.paymentTermsDays !== now.paymentTermsDays
      ? [`terms ${now.paymentTermsDays} → ${wanted.paymentTermsDays} days`]
      : []),
    ...(wanted.creditPolicy !== now.creditPolicy
      ? [`credit policy ${now.creditPolicy ?? 'type’s'} → ${wanted.creditPolicy ?? 'type’s'}`]
      : []),
  ].join(', ');
  requestApproval(ctx, {
    subjectType: 'customer_terms',
    subjectId: id,
    orderId: null,
    reasons: [{ kind: 'terms', message: `${c.name}: ${said}` }],
    facts: factsOf(c, wanted.creditLimit),
    snapshot: now,
    proposal,
    label: `New terms for ${c.name}`,
  });
  return {
    ...wanted,
    creditLimit: now.creditLimit,
    paymentTermsDays: now.paymentTermsDays,
    creditPolicy: now.creditPolicy,
  };
}

function customerSnapshot(ctx: EngineContext, id: number) {
  return ctx.ledger.sqlite
    .prepare(
      'SELECT name, gstin, type, credit_limit AS creditLimit, payment_terms_days AS terms FROM customers WHERE id = ?',
    )
    .get(id) as object;
}

const nameOf = (ctx: EngineContext, id: number) => customerFacts(ctx, id).name;

export const newCustomerSubject: SubjectHandler = {
  noun: 'customer',
  snapshot: customerSnapshot,
  creator: () => null,
  label: (ctx, id) => `New customer ${nameOf(ctx, id)}`,
  approved(ctx, id, { who }) {
    recordAudit(ctx, 'approved', 'customer', id, { by: who });
  },
  rejected(ctx, id, { who, comment }) {
    // A refused customer is kept (its code and history) but blocked: nothing is sold to it.
    ctx.ledger.sqlite.prepare("UPDATE customers SET status = 'blocked', version = version + 1 WHERE id = ?").run(id);
    recordAudit(ctx, 'rejected', 'customer', id, { by: who, comment });
  },
};

export const termsSubject: SubjectHandler = {
  noun: 'change of terms',
  snapshot: termsOf,
  creator: () => null,
  label: (ctx, id) => `New terms for ${nameOf(ctx, id)}`,
  approved(ctx, id, { who }) {
    const row = ctx.ledger.sqlite
      .prepare(
        "SELECT snapshot FROM approval_requests WHERE subject_type = 'customer_terms' AND subject_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(id) as { snapshot: string };
    const { proposal } = JSON.parse(row.snapshot) as { proposal: Terms };
    ctx.ledger.sqlite
      .prepare(
        'UPDATE customers SET credit_limit = ?, payment_terms_days = ?, credit_policy = ?, version = version + 1 WHERE id = ?',
      )
      .run(proposal.creditLimit, proposal.paymentTermsDays, proposal.creditPolicy, id);
    recordAudit(ctx, 'approved', 'customer', id, { terms: proposal, by: who });
  },
  rejected(ctx, id, { who, comment }) {
    recordAudit(ctx, 'rejected', 'customer', id, { terms: 'unchanged', by: who, comment });
  },
};

/** The request a customer's form shows: a new customer's or a change of terms still waiting. */
export function pendingCustomerRequest(ctx: EngineContext, id: number) {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT r.id, r.subject_type AS kind, r.reasons, r.requested_at AS requestedAt, coalesce(u.display_name, '') AS requestedBy
       FROM approval_requests r LEFT JOIN users u ON u.id = r.requested_by
       WHERE r.subject_type IN ('customer', 'customer_terms') AND r.subject_id = ? AND r.status = 'pending' ORDER BY r.id DESC LIMIT 1`,
    )
    .get(id) as { id: number; kind: string; reasons: string; requestedAt: string; requestedBy: string } | undefined;
  if (!row) return null;
  const text = (JSON.parse(row.reasons) as { message: string }[]).map((r) => r.message).join('; ');
  return {
    id: row.id,
    kind: row.kind as 'customer' | 'customer_terms',
    text,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy,
  };
}

/**
 * After a customer is updated: a new customer still waiting whose approved fields changed is asked for again
 * (the old request is void), so an edit can never slip it past approval.
 */
export function recheckNewCustomer(ctx: EngineContext, id: number): void {
  const pending = ctx.ledger.sqlite
    .prepare(
      "SELECT snapshot_hash AS h FROM approval_requests WHERE subject_type = 'customer' AND subject_id = ? AND status = 'pending'",
    )
    .get(id) as { h: string } | undefined;
  if (!pending || pending.h === hashOf(customerSnapshot(ctx, id))) return;
  endPendingRequests(ctx, 'customer', id, 'void', 'The customer was changed while it waited; asked again');
  const c = customerFacts(ctx, id);
  requestApproval(ctx, {
    subjectType: 'customer',
    subjectId: id,
    orderId: null,
    reasons: [{ kind: 'new_customer', message: `New customer ${c.name}, credit limit ${formatMoney(c.creditLimit)}` }],
    facts: factsOf(c, c.creditLimit),
    snapshot: customerSnapshot(ctx, id),
    label: `New customer ${c.name}`,
  });
}
