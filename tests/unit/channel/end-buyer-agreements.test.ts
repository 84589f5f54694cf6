import { describe, expect, it } from 'vitest';
import { cancelInvoice } from '../../../src-main/engine/billing/cancel-invoice';
import { postCreditNote } from '../../../src-main/engine/billing/credit-notes';
import { postInvoice } from '../../../src-main/engine/billing/post-invoice';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import type { EngineContext } from '../../../src-main/engine/context';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { deliverable, postDeliveryNote } from '../../../src-main/engine/fulfilment/delivery-notes';
import { createPickList } from '../../../src-main/engine/fulfilment/pick-lists';
import { completePickList, setPicked } from '../../../src-main/engine/fulfilment/picking';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { placeOrder } from '../../../src-main/engine/orders/place-order';
import { getOrderDetail } from '../../../src-main/engine/orders/order-store';
import { createSupplier } from '../../../src-main/engine/purchasing/supplier-service';
import { createAgreement, updateAgreement } from '../../../src-main/engine/channel/end-buyer/agreement-service';
import { raiseShipAndDebitClaim } from '../../../src-main/engine/channel/end-buyer/raise-claim';
import { accrualReport } from '../../../src-main/engine/channel/end-buyer/accrual-report';
import { agreementFields } from '../../../src-shared/contract/channel-end-buyer';
import { customerFields } from '../../../src-shared/contract/customers';
import { orderInput } from '../../../src-shared/contract/orders';
import { productFields } from '../../../src-shared/contract/products';
import { supplierFields } from '../../../src-shared/contract/purchasing';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

/**
 * The hand-worked story: the brand authorises hospital H to buy product P at ₹80 (special price) with an agreed net
 * cost of ₹70; the brand's rate to the distributor is ₹95, so the brand owes ₹95 − ₹70 = ₹25 for every unit sold.
 */
function world() {
  const ctx = engineContext();
  const { sqlite } = ctx.ledger;
  sqlite.prepare("UPDATE company SET invoice_flow = 'before_dispatch', eway_bill_threshold = 1e12").run();
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
  const customer = (code: string, name: string) =>
    createCustomer(ctx, customerFields.parse(retailer({ code, name, gstin: '', creditLimit: 1_00_00_000_00 }))).id;
  const retailerR = customer('R', 'Retailer R');
  const hospitalH = customer('H', 'Hospital H');
  // P's own price is ₹100 a unit, 18% GST.
  const product = createProduct(
    ctx,
    productFields.parse(biscuit({ sku: 'P', price: 100_00, mrp: 120_00, barcodes: [], packs: [] })) as ProductInput,
  ).id;
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: '',
    reference: '',
    lines: [
      { productId: product, batchNo: 'B1', manufacturedOn: null, expiresOn: '2028-01-01', mrp: null, quantity: 1000 },
    ],
  });
  const brand = createSupplier(ctx, supplierFields.parse({ code: 'BR', name: 'Brand', stateCode: '27' })).id;
  const terms = {
    supplierId: brand,
    endBuyerId: hospitalH,
    number: 'EBA-001',
    validFrom: '2026-11-01',
    validTo: '2026-12-31',
    lines: [{ productId: product, specialPrice: 80_00, listCost: 95_00, agreedCost: 70_00, quantityCap: 12 }],
  };
  const agreement = createAgreement(ctx, agreementFields.parse(terms));
  const order = (quantity: number, endBuyerId: number | null = hospitalH) => {
    const input = orderInput.parse({
      customerId: retailerR,
      warehouseId,
      endBuyerId,
      lines: [{ productId: product, quantity }],
    });
    const { id } = sqlite.transaction(() => placeOrder(ctx, { ...input, id: null, version: null }))();
    return getOrderDetail(ctx, id);
  };
  return { ctx, warehouseId, retailerR, hospitalH, product, brand, agreement, terms, order };
}

/** Picks, delivers and invoices the whole order. */
function invoiceWhole(ctx: EngineContext, warehouseId: number, orderId: number) {
  const list = createPickList(ctx, { warehouseId, orderIds: [orderId] });
  for (const l of list.lines) setPicked(ctx, { pickListId: list.id, lineId: l.id, picked: l.quantity });
  completePickList(ctx, list.id);
  expect(deliverable(ctx, orderId).length).toBeGreaterThan(0);
  const note = postDeliveryNote(ctx, { orderId, lines: null, packages: 1, weightGrams: 1 });
  return ctx.ledger.sqlite.transaction(() => postInvoice(ctx, { deliveryNoteIds: [note.id] }))();
}

const accruals = (ctx: EngineContext) =>
  ctx.ledger.sqlite
    .prepare('SELECT kind, quantity, amount, claim_id AS claimId FROM ship_and_debit_accruals ORDER BY id')
    .all();

describe('an end-buyer (ship-and-debit) agreement', () => {
  it('prices the end buyer’s line at ₹80, accrues ₹25 a unit, reverses a return and is claimed once', () => {
    const w = world();
    const placed = w.order(10);
    const line = placed.lines[0]!;
    expect(line.unitPrice).toBe(80_00);
    expect(line.priceSource).toContain('end-buyer agreement EBA-001');
    const remembered = w.ctx.ledger.sqlite
      .prepare('SELECT end_buyer_agreement_line_id AS l FROM order_lines WHERE order_id = ?')
      .get(placed.id) as { l: number };
    expect(remembered.l).toBe(w.agreement.lines[0]!.id);

    const invoice = invoiceWhole(w.ctx, w.warehouseId, placed.id);
    // GST on the special price: 10 × ₹80 = ₹800 taxable; 18% = ₹144 (₹72 CGST + ₹72 SGST); ₹944 in all.
    expect(invoice.taxable).toBe(800_00);
    expect(invoice.cgst + invoice.sgst + invoice.igst).toBe(144_00);
    expect(invoice.total).toBe(944_00);
    // 10 units × ₹25 = ₹250.00 accrued.
    expect(accruals(w.ctx)).toEqual([{ kind: 'sale', quantity: 10, amount: 250_00, claimId: null }]);

    // 2 units come back: −2 × ₹25 = −₹50.00.
    const invoiceLineId = invoice.lines[0]!.id;
    w.ctx.ledger.sqlite.transaction(() =>
      postCreditNote(w.ctx, {
        invoiceId: invoice.id,
        kind: 'return',
        reason: 'short expiry',
        lines: [{ invoiceLineId, quantity: 2, restock: 'sellable', taxable: 0 }],
      }),
    )();
    expect(accruals(w.ctx)).toContainEqual({ kind: 'return', quantity: -2, amount: -50_00, claimId: null });

    // ₹250 − ₹50 = ₹200.00 on one draft claim with one line; a second raise finds nothing.
    const period = { supplierId: w.brand, from: '2026-11-01', to: '2026-11-30' };
    const claim = w.ctx.ledger.sqlite.transaction(() => raiseShipAndDebitClaim(w.ctx, period))();
    expect(claim).toEqual({ claimId: expect.any(Number), amount: 200_00, lines: 1 });
    const stored = w.ctx.ledger.sqlite
      .prepare(
        `SELECT k.kind, k.status, k.amount, l.source_kind AS sourceKind, l.quantity FROM claims k
         JOIN claim_lines l ON l.claim_id = k.id`,
      )
      .all();
    expect(stored).toEqual([
      { kind: 'ship_and_debit', status: 'draft', amount: 200_00, sourceKind: 'ship_and_debit_accrual', quantity: 8 },
    ]);
    expect(raiseShipAndDebitClaim(w.ctx, period)).toEqual({ claimId: null, amount: 0, lines: 0 });

    const [row] = accrualReport(w.ctx, { supplierId: null, from: '2026-11-01', to: '2026-11-30' });
    expect(row).toMatchObject({ number: 'EBA-001', endBuyerName: 'Hospital H', quantity: 8, accrued: 200_00 });
    expect(row).toMatchObject({ claimed: 200_00, settled: 0, unclaimed: 0 });
  });

  it('prices a line over what is left of the cap normally, and says why', () => {
    const w = world();
    // Cap 12: this order holds 10 of it until invoiced, so 2 are left and a line of 3 does not fit.
    w.order(10);
    const over = w.order(3).lines[0]!;
    expect(over.unitPrice).toBe(100_00);
    expect(over.priceSource).toContain('EBA-001 has only 2 left under its cap');
    expect(w.order(2).lines[0]!.unitPrice).toBe(80_00);
    // Without the end buyer the agreement does not apply.
    expect(w.order(1, null).lines[0]!.unitPrice).toBe(100_00);
  });

  it('reverses the whole accrual when the invoice is cancelled: nothing left to claim', () => {
    const w = world();
    const placed = w.order(10);
    const invoice = invoiceWhole(w.ctx, w.warehouseId, placed.id);
    w.ctx.ledger.sqlite.transaction(() => cancelInvoice(w.ctx, { id: invoice.id, reason: 'wrong party' }))();
    expect(accruals(w.ctx)).toEqual([
      { kind: 'sale', quantity: 10, amount: 250_00, claimId: null },
      { kind: 'cancel', quantity: -10, amount: -250_00, claimId: null },
    ]);
    const period = { supplierId: w.brand, from: '2026-11-01', to: '2026-11-30' };
    expect(raiseShipAndDebitClaim(w.ctx, period).claimId).toBeNull();
  });

  it('names the field of a bad agreement and refuses a cap below what is sold', () => {
    const w = world();
    const save = (changes: object) => () => createAgreement(w.ctx, agreementFields.parse({ ...w.terms, ...changes }));
    expect(save({})).toThrow(expect.objectContaining({ field: 'number' }));
    expect(save({ number: 'X', validTo: '2026-10-01' })).toThrow(expect.objectContaining({ field: 'validTo' }));
    const costly = [{ ...w.terms.lines[0]!, agreedCost: 99_00 }];
    expect(save({ number: 'X', lines: costly })).toThrow(expect.objectContaining({ field: 'lines.0.agreedCost' }));
    w.order(10);
    const tighter = agreementFields.parse({ ...w.terms, lines: [{ ...w.terms.lines[0]!, quantityCap: 5 }] });
    const lower = () => updateAgreement(w.ctx, { ...tighter, id: w.agreement.id, version: w.agreement.version });
    expect(lower).toThrow(expect.objectContaining({ field: 'lines.0.quantityCap' }));
  });
});
