import { businessDate } from '../business-date';
import type { EngineContext } from '../context';
import { getInvoice } from '../billing/invoice-view';
import { postInvoice } from '../billing/post-invoice';
import { postDeliveryNote } from '../fulfilment/delivery-notes';
import { completePickList, setPicked } from '../fulfilment/picking';
import { createPickList } from '../fulfilment/pick-lists';
import { placeOrder } from '../orders/place-order';
import { recordPayment } from '../payments/record-payment';
import { seededRandom } from './seed-demo';

/**
 * Six weeks of business for the demo distributor, made through the real engine with the clock
 * moved day by day: orders placed, picked, delivered, invoiced and mostly paid; the last days'
 * orders still open, so every dashboard tile and report has something to show.
 */
export function seedDemoHistory(ctx: EngineContext, days = 42, ordersPerDay = 3): void {
  const rnd = seededRandom(4242);
  const { sqlite } = ctx.ledger;
  const retailers = (
    sqlite.prepare("SELECT id FROM customers WHERE type = 'retailer' AND status = 'active' ORDER BY id").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  const warehouse = (sqlite.prepare('SELECT id FROM warehouses ORDER BY id LIMIT 1').get() as { id: number }).id;
  const products = (
    sqlite
      .prepare(
        'SELECT DISTINCT product_id AS id FROM stock_balances WHERE warehouse_id = ? AND on_hand > 50 ORDER BY product_id LIMIT 120',
      )
      .all(warehouse) as { id: number }[]
  ).map((r) => r.id);
  const realNow = ctx.now();
  for (let d = days; d >= 0; d--) {
    const day = new Date(realNow.getTime() - d * 86_400_000);
    const at = { ...ctx, now: () => day };
    const todays: number[] = [];
    for (let k = 0; k < ordersPerDay; k++) {
      const lines = Array.from({ length: rnd.int(3, 8) }, () => ({
        productId: rnd.pick(products),
        quantity: rnd.int(6, 48),
        enteredAs: '',
        priceOverride: null,
        manualDiscountBps: 0,
        shortageAction: 'backorder' as const,
        warehouseId: null,
      }));
      const unique = [...new Map(lines.map((l) => [l.productId, l])).values()];
      try {
        const order = sqlite.transaction(() =>
          placeOrder(at, {
            customerId: rnd.pick(retailers),
            warehouseId: warehouse,
            paymentType: 'credit',
            endBuyer: '',
            endBuyerId: null,
            reference: '',
            remarks: '',
            id: null,
            version: null,
            requiredDate: businessDate(ctx, new Date(day.getTime() + rnd.int(1, 4) * 86_400_000)),
            lines: unique,
          }),
        )();
        if (order.status === 'confirmed') todays.push(order.id);
      } catch {
        // A credit block or a shortage in generated data: the clerk would have taken another order.
      }
    }
    // Orders of the last three days stay open; older ones go through to cash.
    if (d < 3 || todays.length === 0) continue;
    const later = { ...ctx, now: () => new Date(day.getTime() + rnd.int(1, 3) * 86_400_000) };
    try {
      sqlite.transaction(() => {
        const list = createPickList(later, { warehouseId: warehouse, orderIds: todays });
        for (const l of list.lines) setPicked(later, { pickListId: list.id, lineId: l.id, picked: l.quantity });
        completePickList(later, list.id);
        for (const orderId of todays) {
          const note = postDeliveryNote(later, {
            orderId,
            lines: null,
            packages: rnd.int(1, 6),
            weightGrams: rnd.int(5, 60) * 1000,
          });
          const invoice =
            note.invoiceId !== null
              ? getInvoice(later, note.invoiceId)
              : postInvoice(later, { deliveryNoteIds: [note.id] });
          if (rnd.next() < 0.75 && d > 7) {
            const paidOn = new Date(Math.min(realNow.getTime(), later.now().getTime() + rnd.int(2, 12) * 86_400_000));
            recordPayment(
              { ...ctx, now: () => paidOn },
              {
                customerId: invoice.customerId,
                receivedOn: businessDate(ctx, paidOn),
                mode: rnd.pick(['cash', 'upi', 'bank'] as const),
                reference: 'demo',
                bank: '',
                chequeDate: null,
                amount: invoice.total,
                allocations: null,
              },
            );
          }
        }
      })();
    } catch {
      // Leave that day's orders open if anything in the made-up day does not fit.
    }
  }
}
