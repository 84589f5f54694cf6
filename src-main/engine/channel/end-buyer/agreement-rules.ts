import type { z } from 'zod';
import type { agreementFields } from '../../../../src-shared/contract/channel-end-buyer';
import type { EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';

export type AgreementInput = z.output<typeof agreementFields>;

/**
 * What an agreement must be before it is saved, each problem named by its field: the brand, the end buyer and the
 * selling customers exist, the dates run forward, each product is on it once, and the brand's rate is not below
 * the agreed cost (the support per unit is never negative).
 */
export function checkAgreement(ctx: EngineContext, input: AgreementInput, id: number | null): void {
  const { sqlite } = ctx.ledger;
  const exists = (table: 'suppliers' | 'customers' | 'products', rowId: number) =>
    sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
  if (!exists('suppliers', input.supplierId)) throw notFound(`Brand (supplier) ${input.supplierId}`, 'supplierId');
  if (!exists('customers', input.endBuyerId)) throw invalid('Choose the end buyer from the customers', 'endBuyerId');
  input.soldToIds.forEach((customerId, i) => {
    if (!exists('customers', customerId)) throw invalid(`Customer ${customerId} does not exist`, `soldToIds.${i}`);
  });
  if (input.validTo < input.validFrom) throw invalid('Valid to must be on or after valid from', 'validTo');
  const clash = sqlite
    .prepare('SELECT id FROM end_buyer_agreements WHERE supplier_id = ? AND number = ? AND id IS NOT ?')
    .get(input.supplierId, input.number, id);
  if (clash) throw conflict(`This brand already has an agreement numbered ${input.number}`, 'number');
  const seen = new Set<number>();
  input.lines.forEach((line, i) => {
    if (!exists('products', line.productId))
      throw invalid(`Product ${line.productId} does not exist`, `lines.${i}.productId`);
    if (seen.has(line.productId)) throw invalid('This product is already on the agreement', `lines.${i}.productId`);
    seen.add(line.productId);
    if (line.agreedCost > line.listCost)
      throw invalid(
        'The agreed cost cannot be above the brand rate: the support would be negative',
        `lines.${i}.agreedCost`,
      );
  });
}
