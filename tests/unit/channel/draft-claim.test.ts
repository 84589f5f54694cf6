import { describe, expect, it } from 'vitest';
import { draftClaim } from '../../../src-main/engine/channel/claims/draft-claim';
import { createSupplier } from '../../../src-main/engine/purchasing/supplier-service';
import { supplierFields } from '../../../src-shared/contract/purchasing';
import { engineContext } from '../../support/engine';

function withBrand() {
  const ctx = engineContext();
  const brand = createSupplier(ctx, supplierFields.parse({ code: 'HUL', name: 'Brand HQ', stateCode: '27' }));
  return { ctx, brand };
}

describe('a draft claim on the brand', () => {
  it('keeps its lines and their total, with no number until filed', () => {
    const { ctx, brand } = withBrand();
    const { id, amount } = draftClaim(ctx, {
      supplierId: brand.id,
      kind: 'ship_and_debit',
      lines: [
        { sourceKind: 'ship_and_debit_accrual', sourceId: 1, quantity: 10, amount: 12_500 },
        { sourceKind: 'ship_and_debit_accrual', sourceId: 2, quantity: 4, amount: 5_000 },
      ],
    });
    expect(amount).toBe(17_500);
    const row = ctx.ledger.sqlite.prepare('SELECT number, status, amount FROM claims WHERE id = ?').get(id);
    expect(row).toEqual({ number: null, status: 'draft', amount: 17_500 });
  });

  it('refuses a source already claimed, and writes nothing', () => {
    const { ctx, brand } = withBrand();
    const line = { sourceKind: 'rebate_settlement', sourceId: 7, amount: 100 };
    draftClaim(ctx, { supplierId: brand.id, kind: 'rebate', lines: [line] });
    const again = () =>
      ctx.ledger.sqlite.transaction(() => draftClaim(ctx, { supplierId: brand.id, kind: 'rebate', lines: [line] }))();
    expect(again).toThrow(/already claimed/);
    expect(ctx.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM claims').get()).toEqual({ n: 1 });
  });

  it('names the line whose amount is not positive paise', () => {
    const { ctx, brand } = withBrand();
    const bad = () =>
      draftClaim(ctx, {
        supplierId: brand.id,
        kind: 'damage',
        lines: [{ sourceKind: 'x', sourceId: null, amount: 0 }],
      });
    expect(bad).toThrow(expect.objectContaining({ field: 'lines.0.amount' }));
  });
});
