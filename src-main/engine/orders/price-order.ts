import type { ApprovalReason } from '../approvals/request-approval';
import { businessToday } from '../business-date';
import type { z } from 'zod';
import type { orderInput, PricedLine, Quote } from '../../../src-shared/contract/orders';
import { applyBasisPoints, formatMoney, MAX_AMOUNT } from '../../../src-shared/money';
import { roleCan } from '../../../src-shared/permissions';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { assertActiveWarehouse } from '../inventory/receive-goods';
import { assessCredit } from '../credit/assess-credit';
import { intraStateFor } from '../billing/place-of-supply';
import { documentTotals } from '../pricing/document-totals';
import { lineAmounts, type LineAmounts } from '../pricing/line-amounts';
import { candidateLists } from '../pricing/price-list-service';
import { resolvePrice } from '../pricing/resolve-price';
import { agreementPrices } from '../channel/end-buyer/agreement-prices';
import { endBuyerOf } from '../channel/end-buyer/end-buyer-party';
import { applySchemes, type SchemeLine, type SchemeProductInfo } from '../schemes/apply-schemes';
import { schemesFor } from '../schemes/scheme-service';
import { creditPosition, loadOrderCustomer, type OrderCustomer } from './order-customer';
import { orderPartiesFor, type OrderParties } from './order-parties';
import { marginAtEntry } from '../margin/margin-at-entry';
import { buyerLicenceProblems, licencePolicy, licenceRefusal } from '../licences/buyer-licences';

export type OrderInputParsed = z.output<typeof orderInput>;

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  brand: string;
  category: string;
  baseUnit: string;
  price: number;
  taxRate: number;
  status: string;
  licence: 'none' | 'drug' | 'food';
}

export interface PricedOrder extends Quote {
  customerRow: OrderCustomer;
  /** bill-to, ship-to, payer, end buyer as stored (null = the sold-to) */
  parties: OrderParties;
  lineTaxInclusive: boolean[];
  /** per line (by line number − 1): the end-buyer agreement line that priced it, or null */
  lineAgreementLineIds: (number | null)[];
  /** approvalReasons with their kinds: what the approval policy and the licence check at invoice read */
  approvalNeeds: ApprovalReason[];
}

function loadProducts(
  ctx: EngineContext,
  ids: number[],
): Map<number, ProductRow & { packs: { unit: string; factor: number }[] }> {
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT id, sku, name, brand, category, base_unit AS baseUnit, price, tax_rate_bps AS taxRate, status, licence FROM products WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(ids)])) as ProductRow[];
  const packs = sqlite
    .prepare(
      'SELECT product_id AS p, unit, factor FROM product_units WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY factor DESC',
    )
    .all(JSON.stringify([...new Set(ids)])) as {
    p: number;
    unit: string;
    factor: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { ...r, packs: packs.filter((p) => p.p === r.id).map(({ unit, factor }) => ({ unit, factor })) },
    ]),
  );
}

/** Free stock the customer may receive: unexpired and with at least their minimum shelf life left. */
function availability(ctx: EngineContext, productIds: number[], minShelfLifeDays: number) {
  const today = businessToday(ctx);
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.product_id AS productId, s.warehouse_id AS warehouseId, w.code, sum(s.on_hand - s.reserved) AS available
       FROM stock_balances s JOIN batches b ON b.id = s.batch_id JOIN warehouses w ON w.id = s.warehouse_id
       WHERE s.product_id IN (SELECT value FROM json_each(?)) AND w.active = 1 AND s.on_hand > s.reserved
         AND (b.expires_on IS NULL OR (b.expires_on > ? AND b.expires_on >= date(?, '+' || ? || ' days')))
       GROUP BY s.product_id, s.warehouse_id`,
    )
    .all(JSON.stringify([...new Set(productIds)]), today, today, minShelfLifeDays) as {
    productId: number;
    warehouseId: number;
    code: string;
    available: number;
  }[];
  return rows;
}

/**
 * Prices an order from the ledger: each line's price and where it came from, schemes and free
 * goods, the clerk's discounts and overrides, tax, totals, credit and stock, and why a manager
 * must approve it if they must. Reads only; placing the order is another step. `paidNow` is money
 * received for it in the same transaction (the counter), the only part that is not credit.
 */
export function priceOrder(
  ctx: EngineContext,
  input: OrderInputParsed,
  excludeOrderId: number | null = null,
  paidNow = 0,
): PricedOrder {
  const customer = loadOrderCustomer(ctx, input.customerId);
  const parties = orderPartiesFor(ctx, customer.id, input);
  const today = businessToday(ctx);
  const { sqlite } = ctx.ledger;
  const warehouse = sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').get(input.warehouseId) as
    { active: number } | undefined;
  if (!warehouse) throw invalid(`Warehouse ${input.warehouseId} does not exist`, 'warehouseId');
  if (warehouse.active !== 1) throw invalid('That warehouse is inactive', 'warehouseId');

  const schemes = schemesFor(
    ctx,
    {
      customerId: customer.id,
      customerType: customer.type,
      stateCode: customer.stateCode,
      district: customer.district,
    },
    today,
  );
  const freeIds = schemes.flatMap((s) => (s.rule.kind === 'free_goods' ? [s.rule.getProductId] : []));
  const products = loadProducts(ctx, [...input.lines.map((l) => l.productId), ...freeIds]);
  const lists = candidateLists(ctx, [...products.keys()]);
  const mayApprove = ctx.actor ? roleCan(ctx.actor.role, 'orders.approve') : false;
  const threshold =
    (sqlite.prepare('SELECT discount_approval_bps AS t FROM company WHERE id = 1').get() as { t: number } | undefined)
      ?.t ?? 500;
  // Each reason keeps its kind: the policy that decides who approves, and the licence check at invoice, ask by kind.
  const approvalNeeds: ApprovalReason[] = [];
  const need = (kind: string, message: string) => approvalNeeds.push({ kind, message });
  if (customer.status === 'on_hold') need('on_hold', `${customer.name} is on hold`);
  const ordered = input.lines.flatMap((l) => products.get(l.productId) ?? []);
  const licenceIssues = buyerLicenceProblems(ctx, customer.id, ordered, today);
  if (licenceIssues.length > 0 && licencePolicy(ctx) === 'block') throw licenceRefusal(licenceIssues, 'customerId');
  for (const issue of licenceIssues) need('licence', issue);

  const endBuyerId = endBuyerOf(ctx, input.endBuyerId ?? null);
  const agreements =
    endBuyerId === null
      ? new Map()
      : agreementPrices(ctx, {
          endBuyerId,
          soldToId: customer.id,
          productIds: [...products.keys()],
          date: today,
          excludeOrderId,
        });
  const priceFor = (productId: number, quantity: number) => {
    // An agreement's cap is all or nothing per line: a line over what is left is priced as if it had none, and says so.
    const agreement = agreements.get(productId);
    const fits = agreement && (agreement.remaining === null || quantity <= agreement.remaining);
    const resolved = resolvePrice([...(lists.get(productId) ?? []), ...(fits ? [agreement.candidate] : [])], {
      customerId: customer.id,
      customerType: customer.type,
      stateCode: customer.stateCode,
      district: customer.district,
      area: customer.area,
      endBuyer: input.endBuyer,
      endBuyerId,
      date: today,
      quantity,
      productPrice: products.get(productId)!.price,
    });
    if (!agreement || fits) return resolved;
    const capNote = `; end-buyer agreement ${agreement.number} has only ${agreement.remaining} left under its cap`;
    return { ...resolved, explanation: resolved.explanation + capNote };
  };

  const paid = input.lines.map((line, i) => {
    if (line.warehouseId !== null && line.warehouseId !== input.warehouseId) {
      const other = sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').get(line.warehouseId) as
        { active: number } | undefined;
      if (!other) throw invalid(`Warehouse ${line.warehouseId} does not exist`, `lines.${i}.warehouseId`);
      if (other.active !== 1) throw invalid('That warehouse is inactive', `lines.${i}.warehouseId`);
    }
    const product = products.get(line.productId);
    if (!product) throw invalid(`Product ${line.productId} does not exist`, `lines.${i}.productId`);
    if (product.status !== 'active')
      throw invalid(`${product.sku} is inactive and cannot be sold`, `lines.${i}.productId`);
    const resolved = priceFor(line.productId, line.quantity);
    let unitPrice = resolved.unitPrice;
    let priceSource = resolved.explanation;
    const overridden = line.priceOverride !== null && line.priceOverride !== resolved.unitPrice;
    if (overridden) {
      unitPrice = line.priceOverride!;
      priceSource = `price set by ${ctx.actor?.displayName ?? 'the clerk'} (list: ${formatMoney(resolved.unitPrice)} from ${resolved.explanation})`;
      if (!mayApprove)
        need(
          'price',
          `Line ${i + 1} ${product.sku}: price changed from ${formatMoney(resolved.unitPrice)} to ${formatMoney(unitPrice)}`,
        );
    }
    if (line.manualDiscountBps > threshold && !mayApprove) {
      need(
        'discount',
        `Line ${i + 1} ${product.sku}: discount ${line.manualDiscountBps / 100}% is above the ${threshold / 100}% a clerk may give`,
      );
    }
    const agreementLineId = resolved.agreementLineId;
    return { line, product, unitPrice, taxInclusive: resolved.taxInclusive, priceSource, overridden, agreementLineId };
  });

  const schemeLines: SchemeLine[] = paid.map((p, i) => ({
    key: i,
    productId: p.product.id,
    productName: p.product.name,
    category: p.product.category,
    brand: p.product.brand,
    quantity: p.line.quantity,
    unitPrice: p.unitPrice,
    gross: p.unitPrice * p.line.quantity,
    baseUnit: p.product.baseUnit,
    packs: p.product.packs,
  }));
  const infos = new Map<number, SchemeProductInfo>(
    [...products.values()].map((p) => [
      p.id,
      { name: p.name, unitPrice: priceFor(p.id, 1).unitPrice, baseUnit: p.baseUnit, packs: p.packs },
    ]),
  );
  const outcome = applySchemes(schemeLines, schemes, infos);

  const stock = availability(ctx, [...products.keys()], customer.minShelfLifeDays);
  const stockFor = (productId: number, warehouseId: number) => {
    const here = stock.find((s) => s.productId === productId && s.warehouseId === warehouseId)?.available ?? 0;
    const others = stock
      .filter((s) => s.productId === productId && s.warehouseId !== warehouseId)
      .map(({ warehouseId: w, code, available }) => ({ warehouseId: w, code, available }));
    return { here, others };
  };

  const intraState = intraStateFor(ctx, parties.shipToId ?? customer.id);
  const lines: PricedLine[] = [];
  const amountsOf: LineAmounts[] = [];
  const lineTaxInclusive: boolean[] = [];
  let orderTotal = 0;
  paid.forEach((p, i) => {
    const scheme = outcome.lineDiscounts.get(i);
    const schemeDiscount = scheme?.amount ?? 0;
    const gross = p.unitPrice * p.line.quantity;
    const manual = p.line.manualDiscountBps ? applyBasisPoints(gross - schemeDiscount, p.line.manualDiscountBps) : 0;
    const notes = [
      ...(scheme?.notes ?? []),
      ...(manual ? [`${p.line.manualDiscountBps / 100}% discount: ${formatMoney(manual)}`] : []),
    ];
    const amounts = lineAmounts({
      quantity: p.line.quantity,
      unitPrice: p.unitPrice,
      taxInclusive: p.taxInclusive,
      taxRate: p.product.taxRate,
      discount: schemeDiscount + manual,
      intraState,
    });
    // Each amount fits the ledger's ceiling (the sync protocol and reports carry up to 10^14 paise).
    orderTotal += amounts.total;
    if (amounts.total > MAX_AMOUNT || orderTotal > MAX_AMOUNT)
      throw invalid(
        `Line ${i + 1} brings the order to more than ${formatMoney(MAX_AMOUNT)}, the most one order can carry; check the quantity and price`,
        `lines.${i}.quantity`,
      );
    const warehouseId =
      p.line.shortageAction === 'other_warehouse' && p.line.warehouseId ? p.line.warehouseId : input.warehouseId;
    // The other warehouse must be one stock can come from; its batches then pass the same allocation rule.
    if (warehouseId !== input.warehouseId) assertActiveWarehouse(ctx, warehouseId, `lines.${i}.warehouseId`);
    const { here, others } = stockFor(p.product.id, warehouseId);
    lineTaxInclusive.push(p.taxInclusive);
    amountsOf.push(amounts);
    lines.push({
      lineNo: i + 1,
      productId: p.product.id,
      sku: p.product.sku,
      productName: p.product.name,
      baseUnit: p.product.baseUnit,
      quantity: p.line.quantity,
      enteredAs: p.line.enteredAs,
      unitPrice: p.unitPrice,
      taxInclusive: p.taxInclusive,
      priceSource: p.priceSource,
      priceOverridden: p.overridden,
      ...amounts,
      discountNote: notes.join('; '),
      manualDiscountBps: p.line.manualDiscountBps,
      isFree: false,
      schemeId: null,
      taxRate: p.product.taxRate,
      shortageAction: p.line.shortageAction,
      warehouseId: warehouseId === input.warehouseId ? null : warehouseId,
      available: here,
      otherWarehouses: others,
    });
  });
  for (const free of outcome.freeLines) {
    const product = products.get(free.productId)!;
    const unitPrice = infos.get(free.productId)!.unitPrice;
    const amounts = lineAmounts({
      quantity: free.quantity,
      unitPrice,
      taxInclusive: false,
      taxRate: product.taxRate,
      discount: unitPrice * free.quantity,
      intraState,
    });
    const { here, others } = stockFor(product.id, input.warehouseId);
    lineTaxInclusive.push(false);
    amountsOf.push(amounts);
    lines.push({
      lineNo: lines.length + 1,
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      baseUnit: product.baseUnit,
      quantity: free.quantity,
      enteredAs: '',
      unitPrice,
      taxInclusive: false,
      priceSource: 'free goods',
      priceOverridden: false,
      ...amounts,
      discountNote: free.note,
      manualDiscountBps: 0,
      isFree: true,
      schemeId: free.schemeId,
      taxRate: product.taxRate,
      shortageAction: 'backorder',
      warehouseId: null,
      available: here,
      otherWarehouses: others,
    });
  }

  // The same totals and round-off the invoice will have: the quote shows what will be billed.
  const { gross, discount, taxable, tax, roundOff, total } = documentTotals(amountsOf);
  // Money taken at the counter pays the rounded bill; only that, never a payment type, is not credit.
  // The payer's account carries the debt, so its limit and its overdue bills decide.
  const payer = parties.payerId === null ? customer : loadOrderCustomer(ctx, parties.payerId);
  const credit = assessCredit(creditPosition(ctx, payer, excludeOrderId), total, {
    mode: payer.creditPolicy,
    overdueBlockDays: payer.overdueBlockDays,
    paidNow,
  });
  if (credit.decision === 'needs_approval') for (const r of credit.reasons) need('credit', r);
  // Selling below cost: a clerk's bill waits for a manager (approval policy); a manager's own is only told.
  const atCost = marginAtEntry(ctx, lines, input.warehouseId);
  let marginNotice: string | null = null;
  if (atCost.reason !== null && atCost.policy === 'approval' && !mayApprove) need('below_cost', atCost.reason);
  else if (atCost.reason !== null && atCost.policy !== 'off') marginNotice = atCost.reason;
  return {
    lines,
    gross,
    discount,
    taxable,
    tax,
    roundOff,
    total,
    schemes: { applied: outcome.applied, nearMisses: outcome.nearMisses },
    credit,
    approvalReasons: approvalNeeds.map((n) => n.message),
    approvalNeeds,
    marginNotice,
    margin: atCost.margin,
    customer: {
      id: customer.id,
      code: customer.code,
      name: customer.name,
      status: customer.status,
      paymentTermsDays: customer.paymentTermsDays,
    },
    customerRow: customer,
    parties,
    lineTaxInclusive,
    // Free lines come after the paid ones and are never sold under an agreement.
    lineAgreementLineIds: lines.map((_, i) => paid[i]?.agreementLineId ?? null),
  };
}
