import type { ShippingTerms } from '../../../../src-shared/contract/channel-shipping';
import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { checkTerms, DEFAULT_TERMS, termsSummary, type TermsRow } from './shipping-rules';

const COLUMNS = `t.freight_basis AS freightBasis, t.transporter_id AS transporterId, t.carrier_account AS carrierAccount,
  t.packing_instructions AS packingInstructions, t.freight_rule AS freightRule, t.freight_amount AS freightAmount,
  t.freight_rate_bps AS freightRateBps`;

/** The stored terms with the transporter's name and GSTIN/TRANSIN, and their one-line summary. */
function describe(ctx: EngineContext, row: TermsRow): ShippingTerms {
  const transporter = row.transporterId
    ? (ctx.ledger.sqlite
        .prepare('SELECT name, transporter_id AS gstin FROM transporters WHERE id = ?')
        .get(row.transporterId) as { name: string; gstin: string } | undefined)
    : undefined;
  return {
    ...row,
    transporterName: transporter?.name ?? '',
    transporterGstin: transporter?.gstin ?? '',
    summary: termsSummary(row),
  };
}

function customerRow(ctx: EngineContext, customerId: number): TermsRow {
  const row = ctx.ledger.sqlite
    .prepare(`SELECT ${COLUMNS} FROM customer_shipping_terms t WHERE t.customer_id = ?`)
    .get(customerId) as TermsRow | undefined;
  return row ?? DEFAULT_TERMS;
}

function orderRow(ctx: EngineContext, orderId: number): TermsRow | null {
  return (
    (ctx.ledger.sqlite.prepare(`SELECT ${COLUMNS} FROM order_shipping_terms t WHERE t.order_id = ?`).get(orderId) as
      TermsRow | undefined) ?? null
  );
}

/** The preferred transporter must be one dispatch can pick: in the master and active. */
function checkTransporter(ctx: EngineContext, transporterId: number | null): void {
  if (transporterId === null) return;
  const t = ctx.ledger.sqlite.prepare('SELECT name, active FROM transporters WHERE id = ?').get(transporterId) as
    { name: string; active: number } | undefined;
  if (!t) throw invalid(`Transporter ${transporterId} is not in the transporter master`, 'transporterId');
  if (!t.active) throw invalid(`${t.name} is inactive: choose an active transporter`, 'transporterId');
}

const VALUES = `@freightBasis, @transporterId, @carrierAccount, @packingInstructions, @freightRule, @freightAmount,
  @freightRateBps, @updatedAt, @updatedBy`;
const SETS = `freight_basis = excluded.freight_basis, transporter_id = excluded.transporter_id,
  carrier_account = excluded.carrier_account, packing_instructions = excluded.packing_instructions,
  freight_rule = excluded.freight_rule, freight_amount = excluded.freight_amount,
  freight_rate_bps = excluded.freight_rate_bps, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
const TERM_COLUMNS = `freight_basis, transporter_id, carrier_account, packing_instructions, freight_rule, freight_amount,
  freight_rate_bps, updated_at, updated_by`;

export function customerTerms(ctx: EngineContext, customerId: number) {
  const exists = ctx.ledger.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId);
  if (!exists) throw notFound(`Customer ${customerId}`, 'customerId');
  return { customerId, ...describe(ctx, customerRow(ctx, customerId)) };
}

export function saveCustomerTerms(ctx: EngineContext, input: TermsRow & { customerId: number }) {
  const { customerId, ...rest } = input;
  const exists = ctx.ledger.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId);
  if (!exists) throw notFound(`Customer ${customerId}`, 'customerId');
  const terms = checkTerms(pickTerms(rest));
  checkTransporter(ctx, terms.transporterId);
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO customer_shipping_terms (customer_id, ${TERM_COLUMNS}) VALUES (@customerId, ${VALUES})
       ON CONFLICT (customer_id) DO UPDATE SET ${SETS}`,
    )
    .run({ customerId, ...terms, ...stamp(ctx) });
  recordAudit(ctx, 'update', 'customer_shipping_terms', customerId, terms);
  return customerTerms(ctx, customerId);
}

/** The terms an order ships and bills under: its own override, else its customer's. */
export function effectiveOrderTerms(ctx: EngineContext, orderId: number): TermsRow {
  const order = orderRow(ctx, orderId);
  if (order) return order;
  const o = ctx.ledger.sqlite.prepare('SELECT customer_id AS c FROM orders WHERE id = ?').get(orderId) as
    { c: number } | undefined;
  return o ? customerRow(ctx, o.c) : DEFAULT_TERMS;
}

export function orderTerms(ctx: EngineContext, orderId: number) {
  const o = ctx.ledger.sqlite.prepare('SELECT customer_id AS customerId FROM orders WHERE id = ?').get(orderId) as
    { customerId: number } | undefined;
  if (!o) throw notFound(`Order ${orderId}`, 'orderId');
  const customer = describe(ctx, customerRow(ctx, o.customerId));
  const own = orderRow(ctx, orderId);
  const override = own ? describe(ctx, own) : null;
  return { orderId, customerId: o.customerId, customer, override, effective: override ?? customer };
}

export function saveOrderTerms(ctx: EngineContext, input: { orderId: number; terms: TermsRow | null }) {
  const { sqlite } = ctx.ledger;
  const o = sqlite.prepare('SELECT number, status FROM orders WHERE id = ?').get(input.orderId) as
    { number: string; status: string } | undefined;
  if (!o) throw notFound(`Order ${input.orderId}`, 'orderId');
  // An invoice already billed (or not) freight under the old terms: changing them now would disagree with it.
  if (o.status === 'invoiced' || o.status === 'cancelled')
    throw conflict(`${o.number} is ${o.status}: its shipping terms can no longer change`, 'orderId');
  if (input.terms === null) {
    sqlite.prepare('DELETE FROM order_shipping_terms WHERE order_id = ?').run(input.orderId);
    recordAudit(ctx, 'update', 'order_shipping_terms', input.orderId, { override: null });
    return orderTerms(ctx, input.orderId);
  }
  const terms = checkTerms(pickTerms(input.terms));
  checkTransporter(ctx, terms.transporterId);
  sqlite
    .prepare(
      `INSERT INTO order_shipping_terms (order_id, ${TERM_COLUMNS}) VALUES (@orderId, ${VALUES})
       ON CONFLICT (order_id) DO UPDATE SET ${SETS}`,
    )
    .run({ orderId: input.orderId, ...terms, ...stamp(ctx) });
  recordAudit(ctx, 'update', 'order_shipping_terms', input.orderId, terms);
  return orderTerms(ctx, input.orderId);
}

const stamp = (ctx: EngineContext) => ({ updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor?.id ?? null });

const pickTerms = (t: TermsRow): TermsRow => ({
  freightBasis: t.freightBasis,
  transporterId: t.transporterId,
  carrierAccount: t.carrierAccount,
  packingInstructions: t.packingInstructions,
  freightRule: t.freightRule,
  freightAmount: t.freightAmount,
  freightRateBps: t.freightRateBps,
});

/** The terms a delivery note travels under (its order's), for the dispatch board and the driver's sheet. */
export function deliveryNoteTerms(ctx: EngineContext, deliveryNoteId: number): ShippingTerms {
  const note = ctx.ledger.sqlite
    .prepare('SELECT order_id AS orderId FROM delivery_notes WHERE id = ?')
    .get(deliveryNoteId) as { orderId: number | null } | undefined;
  return describe(ctx, note?.orderId ? effectiveOrderTerms(ctx, note.orderId) : DEFAULT_TERMS);
}
