import { noLicences } from '../../../src-shared/contract/customers';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { licenceProblems, type BuyerLicences, type LicensedProduct } from './licence-rule';

export type LicencePolicy = 'block' | 'approval';

function buyer(ctx: EngineContext, customerId: number): { name: string; licences: BuyerLicences } {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT name, drug_licence_20b AS drugLicence20b, drug_licence_21b AS drugLicence21b,
              drug_licence_expiry AS drugLicenceExpiry, fssai_licence AS fssaiLicence, fssai_expiry AS fssaiExpiry
       FROM customers WHERE id = ?`,
    )
    .get(customerId) as ({ name: string } & BuyerLicences) | undefined;
  const { name, ...licences } = row ?? { name: `Customer ${customerId}`, ...noLicences };
  return { name, licences };
}

function licensedProducts(ctx: EngineContext, productIds: number[]): LicensedProduct[] {
  return ctx.ledger.sqlite
    .prepare(
      "SELECT name, licence FROM products WHERE id IN (SELECT value FROM json_each(?)) AND licence <> 'none' ORDER BY name",
    )
    .all(JSON.stringify([...new Set(productIds)])) as LicensedProduct[];
}

export function licencePolicy(ctx: EngineContext): LicencePolicy {
  const row = ctx.ledger.sqlite.prepare('SELECT licence_policy AS p FROM company WHERE id = 1').get() as
    { p: LicencePolicy } | undefined;
  return row?.p ?? 'block';
}

/**
 * The licence problems of billing these products to this customer on a business day. The caller
 * has the products at hand already (confirm counts its statements), so only the buyer is read, and
 * only when a product needs a licence.
 */
export function buyerLicenceProblems(ctx: EngineContext, customerId: number, products: LicensedProduct[], day: string) {
  const needing = products.filter((p) => p.licence !== 'none');
  return needing.length === 0 ? [] : licenceProblems(buyer(ctx, customerId), needing, day);
}

/** The refusal every caller gives, so the clerk reads the same words at the order and at the invoice. */
export function licenceRefusal(problems: string[], field: string): DomainError {
  return new DomainError(
    'rule_violated',
    `${problems.join('; ')}. Record a valid licence on the customer first, or sell only unlicensed products`,
    field,
  );
}

/**
 * At invoicing, licences are checked again on the invoice date (one may have expired since the
 * order). Under the approval policy, an order a manager approved while its licence problem was
 * shown is billed as approved; anything else is refused.
 */
export function checkLicencesAtInvoice(
  ctx: EngineContext,
  lines: { orderId: number; productId: number }[],
  customerId: number,
  day: string,
): void {
  const products = licensedProducts(
    ctx,
    lines.map((l) => l.productId),
  );
  const problems = buyerLicenceProblems(ctx, customerId, products, day);
  if (problems.length === 0) return;
  if (licencePolicy(ctx) === 'approval') {
    const approved = ctx.ledger.sqlite.prepare(
      `SELECT 1 FROM approval_requests a WHERE a.order_id = ? AND a.status = 'approved'
         AND EXISTS (SELECT 1 FROM json_each(a.reasons) r WHERE json_extract(r.value, '$.kind') = 'licence')`,
    );
    if ([...new Set(lines.map((l) => l.orderId))].every((orderId) => approved.get(orderId))) return;
  }
  throw licenceRefusal(problems, 'deliveryNoteIds');
}
