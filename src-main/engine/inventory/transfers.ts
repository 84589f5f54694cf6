import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { assertActiveWarehouse } from './receive-goods';
import { postMovement, postValuedMovement } from './stock-ledger';

/**
 * Stock leaves the source at once and is in transit at the destination until received. Moving
 * one's own stock is not a supply, so it travels under a delivery challan (DC/yy-yy/nnnnnn, its
 * own gapless series), never a tax invoice.
 */
export function sendTransfer(
  ctx: EngineContext,
  input: { fromWarehouseId: number; toWarehouseId: number; lines: { batchId: number; quantity: number }[] },
) {
  if (input.fromWarehouseId === input.toWarehouseId)
    throw invalid('Choose a different destination warehouse', 'toWarehouseId');
  assertActiveWarehouse(ctx, input.fromWarehouseId, 'fromWarehouseId');
  assertActiveWarehouse(ctx, input.toWarehouseId, 'toWarehouseId');
  const { sqlite } = ctx.ledger;
  const number = nextDocumentNumber(ctx, 'TRF');
  const challanNumber = nextDocumentNumber(ctx, 'DC');
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO transfers (number, challan_number, from_warehouse_id, to_warehouse_id, status, sent_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        number,
        challanNumber,
        input.fromWarehouseId,
        input.toWarehouseId,
        'in_transit',
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  input.lines.forEach((line, i) => {
    const batch = sqlite.prepare('SELECT product_id AS productId FROM batches WHERE id = ?').get(line.batchId) as
      { productId: number } | undefined;
    if (!batch) throw invalid(`Batch ${line.batchId} does not exist`, `lines.${i}.batchId`);
    sqlite
      .prepare('INSERT INTO transfer_lines (transfer_id, product_id, batch_id, quantity) VALUES (?, ?, ?, ?)')
      .run(id, batch.productId, line.batchId, line.quantity);
    const common = { productId: batch.productId, batchId: line.batchId, documentType: 'transfer', documentId: id };
    const out = postValuedMovement(
      ctx,
      { ...common, warehouseId: input.fromWarehouseId, kind: 'transfer_out', quantity: -line.quantity },
      `lines.${i}.quantity`,
    );
    // The goods travel at the value they left with; the receiving warehouse's average takes it on arrival.
    postMovement(
      ctx,
      {
        ...common,
        warehouseId: input.toWarehouseId,
        kind: 'in_transit',
        quantity: 0,
        inTransit: line.quantity,
        value: -out.value,
      },
      `lines.${i}.quantity`,
    );
  });
  recordAudit(ctx, 'send', 'transfer', id, { number, challanNumber });
  return { id, number, challanNumber };
}

export function receiveTransfer(ctx: EngineContext, id: number) {
  const { sqlite } = ctx.ledger;
  const transfer = sqlite
    .prepare('SELECT to_warehouse_id AS to_, status, number FROM transfers WHERE id = ?')
    .get(id) as { to_: number; status: string; number: string } | undefined;
  if (!transfer) throw notFound(`Transfer ${id}`, 'id');
  if (transfer.status !== 'in_transit') throw conflict(`Transfer ${transfer.number} was already received`, 'id');
  const lines = sqlite
    .prepare('SELECT product_id AS productId, batch_id AS batchId, quantity FROM transfer_lines WHERE transfer_id = ?')
    .all(id) as { productId: number; batchId: number; quantity: number }[];
  for (const line of lines) {
    postMovement(ctx, {
      warehouseId: transfer.to_,
      productId: line.productId,
      batchId: line.batchId,
      kind: 'transfer_in',
      quantity: line.quantity,
      inTransit: -line.quantity,
      documentType: 'transfer',
      documentId: id,
    });
  }
  sqlite
    .prepare("UPDATE transfers SET status = 'received', received_at = ? WHERE id = ?")
    .run(ctx.now().toISOString(), id);
  recordAudit(ctx, 'receive', 'transfer', id, { number: transfer.number });
  return { ok: true as const };
}

export function listTransfers(ctx: EngineContext, status: string) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT t.id, t.number, t.challan_number AS challanNumber, f.code AS "from", w.code AS "to", t.status, t.sent_at AS sentAt, t.received_at AS receivedAt,
              count(l.id) AS lines, coalesce(sum(l.quantity), 0) AS quantity
       FROM transfers t JOIN warehouses f ON f.id = t.from_warehouse_id JOIN warehouses w ON w.id = t.to_warehouse_id
       LEFT JOIN transfer_lines l ON l.transfer_id = t.id
       ${status ? 'WHERE t.status = ?' : ''} GROUP BY t.id ORDER BY t.status = 'received', t.id DESC LIMIT 500`,
    )
    .all(...(status ? [status] : [])) as {
    id: number;
    number: string;
    challanNumber: string | null;
    from: string;
    to: string;
    status: string;
    sentAt: string;
    receivedAt: string | null;
    lines: number;
    quantity: number;
  }[];
}
