import type { EngineContext } from '../context';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import { conflict, invalid, notFound } from '../errors';
import { ensureBatch } from '../inventory/batch-master';
import { assertActiveWarehouse } from '../inventory/receive-goods';
import { postMovement } from '../inventory/stock-ledger';
import { nextDocumentNumber } from '../numbering';
import { publishGoodsReceived } from './payloads/goods-received-payload';

interface ShipmentData {
  brandInvoiceNumber: string;
  invoiceDate: string;
  lines: { sku: string; batchNo: string; mfgDate: string; expiryDate: string; qty: number; ratePaise: number }[];
}

/** Shipments the brand invoiced to us, on their way: what the warehouse should expect, per batch. */
export function shipmentsInTransit(ctx: EngineContext) {
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      "SELECT id, brand_invoice_number AS brandInvoiceNumber, invoice_date AS invoiceDate, status, version, data FROM primary_shipments WHERE status = 'in_transit' ORDER BY invoice_date, id",
    )
    .all() as {
    id: number;
    brandInvoiceNumber: string;
    invoiceDate: string;
    status: string;
    version: number;
    data: string;
  }[];
  const nameOf = sqlite.prepare('SELECT name FROM products WHERE sku = ?');
  return rows.map(({ data, ...r }) => {
    const lines = (JSON.parse(data) as ShipmentData).lines.map((l, lineNo) => ({
      lineNo,
      sku: l.sku,
      productName: (nameOf.get(l.sku) as { name: string } | undefined)?.name ?? '(not in the catalogue yet)',
      batchNo: l.batchNo,
      mfgDate: l.mfgDate,
      expiryDate: l.expiryDate,
      qty: l.qty,
      ratePaise: l.ratePaise,
    }));
    return { ...r, lines, totalQty: lines.reduce((s, l) => s + l.qty, 0) };
  });
}

/**
 * Receives a primary shipment: a goods receipt (GRN) for what arrived, with the brand's batches and
 * dates; damaged units are written off to damage at once; short and excess are kept against the
 * shipment. HQ hears of it as goods.received, in the same transaction.
 */
export function receiveShipment(
  ctx: EngineContext,
  input: { id: number; warehouseId: number; lines: { lineNo: number; received: number; damaged: number }[] },
) {
  const { sqlite } = ctx.ledger;
  const shipment = sqlite
    .prepare('SELECT brand_invoice_number AS number, status, data FROM primary_shipments WHERE id = ?')
    .get(input.id) as { number: string; status: string; data: string } | undefined;
  if (!shipment) throw notFound(`Shipment ${input.id}`, 'id');
  if (shipment.status !== 'in_transit') throw conflict(`Shipment ${shipment.number} is already received`, 'id');
  assertActiveWarehouse(ctx, input.warehouseId, 'warehouseId');
  const data = JSON.parse(shipment.data) as ShipmentData;
  const number = nextDocumentNumber(ctx, 'GRN');
  const grnId = Number(
    sqlite
      .prepare(
        "INSERT INTO goods_receipts (number, warehouse_id, supplier, reference, kind, posted_at, user_id) VALUES (?, ?, 'HQ', ?, 'receipt', ?, ?)",
      )
      .run(number, input.warehouseId, shipment.number, ctx.now().toISOString(), ctx.actor?.id ?? null).lastInsertRowid,
  );
  const today = businessToday(ctx);
  const result = data.lines.map((line, lineNo) => {
    const i = input.lines.findIndex((l) => l.lineNo === lineNo);
    const field = `lines.${i}`;
    const got = input.lines[i] ?? { received: 0, damaged: 0 };
    if (got.damaged > got.received)
      throw invalid(`Line ${lineNo + 1} (${line.sku}): damaged cannot be more than received`, `${field}.damaged`);
    if (got.received > 0) {
      const product = sqlite.prepare('SELECT id FROM products WHERE sku = ?').get(line.sku) as
        { id: number } | undefined;
      if (!product)
        throw invalid(`${line.sku} is not in the catalogue; pull products from HQ first`, `${field}.received`);
      if (line.expiryDate <= today)
        throw invalid(`Batch ${line.batchNo} expired on ${line.expiryDate}`, `${field}.received`);
      const batchId = ensureBatch(
        ctx,
        {
          productId: product.id,
          batchNo: line.batchNo,
          manufacturedOn: line.mfgDate,
          expiresOn: line.expiryDate,
          mrp: null,
        },
        field,
      );
      const move = {
        warehouseId: input.warehouseId,
        productId: product.id,
        batchId,
        documentType: 'goods_receipt',
        documentId: grnId,
      };
      // At the brand's rate on the shipment (excluding tax) when it carries one, else at the moving average.
      const value = Number.isSafeInteger(line.ratePaise) ? line.ratePaise * got.received : undefined;
      postMovement(ctx, { ...move, kind: 'receipt', quantity: got.received, value }, `${field}.received`);
      if (got.damaged > 0)
        postMovement(ctx, {
          ...move,
          kind: 'damage',
          quantity: -got.damaged,
          reason: `damaged in transit (${shipment.number})`,
        });
    }
    return {
      lineNo,
      expected: line.qty,
      received: got.received,
      damaged: got.damaged,
      short: Math.max(0, line.qty - got.received),
      excess: Math.max(0, got.received - line.qty),
    };
  });
  const stray = input.lines.find((l) => l.lineNo >= data.lines.length);
  if (stray) throw invalid(`Shipment ${shipment.number} has no line ${stray.lineNo + 1}`, 'lines');
  if (result.every((r) => r.received === 0)) throw invalid('Enter what was received on at least one line', 'lines');
  sqlite
    .prepare(
      "UPDATE primary_shipments SET status = 'received', goods_receipt_id = ?, receipt = ?, received_at = ? WHERE id = ?",
    )
    .run(grnId, JSON.stringify(result), ctx.now().toISOString(), input.id);
  recordAudit(ctx, 'receive', 'primary_shipment', input.id, { number: shipment.number, grn: number, lines: result });
  publishGoodsReceived(ctx, grnId);
  return { goodsReceiptNumber: number, lines: result };
}
