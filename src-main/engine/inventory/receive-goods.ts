import { businessToday } from '../business-date';
import type { z } from 'zod';
import type { inventoryOperations } from '../../../src-shared/contract/inventory';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { ensureBatch } from './batch-master';
import { postMovement } from './stock-ledger';
import { publishGoodsReceived } from '../sync/payloads/goods-received-payload';

type ReceiveInput = z.output<(typeof inventoryOperations)['inventory.receive']['input']>;

export function assertActiveWarehouse(ctx: EngineContext, warehouseId: number, field: string): void {
  const row = ctx.ledger.sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').get(warehouseId) as
    { active: number } | undefined;
  if (!row) throw invalid(`Warehouse ${warehouseId} does not exist`, field);
  if (row.active !== 1) throw invalid('That warehouse is inactive', field);
}

/** A goods receipt: one document, one movement per line, batches matched or created. */
export function receiveGoods(ctx: EngineContext, input: ReceiveInput) {
  assertActiveWarehouse(ctx, input.warehouseId, 'warehouseId');
  const today = businessToday(ctx);
  const number = nextDocumentNumber(ctx, input.kind === 'opening' ? 'OPN' : 'GRN');
  const id = Number(
    ctx.ledger.sqlite
      .prepare(
        'INSERT INTO goods_receipts (number, warehouse_id, supplier, reference, kind, posted_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        number,
        input.warehouseId,
        input.supplier,
        input.reference,
        input.kind,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  let quantity = 0;
  input.lines.forEach((line, i) => {
    const field = `lines.${i}`;
    if (line.expiresOn && line.expiresOn <= today)
      throw invalid(
        `Batch ${line.batchNo} expired on ${line.expiresOn}; expired stock cannot be received`,
        `${field}.expiresOn`,
      );
    const batchId = ensureBatch(ctx, line, field);
    postMovement(
      ctx,
      {
        warehouseId: input.warehouseId,
        productId: line.productId,
        batchId,
        kind: input.kind,
        quantity: line.quantity,
        documentType: 'goods_receipt',
        documentId: id,
        value: line.value,
      },
      `${field}.quantity`,
    );
    quantity += line.quantity;
  });
  recordAudit(ctx, 'post', 'goods_receipt', id, { number, lines: input.lines.length, quantity });
  publishGoodsReceived(ctx, id);
  return { id, number, lines: input.lines.length, quantity };
}
