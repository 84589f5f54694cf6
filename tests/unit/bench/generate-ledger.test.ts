import { describe, expect, it } from 'vitest';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { generateLedger, scales } from '../../bench/generate-ledger';
import { tempDbPath } from '../../support/test-server';

describe('the benchmark ledger generator (scale S)', () => {
  it('writes the sizes it promises and keeps the stock books straight', () => {
    const file = tempDbPath();
    const ledger = generateLedger(file, 'S');
    const count = (t: string) => (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('products')).toBe(scales.S.products);
    expect(count('customers')).toBe(scales.S.customers);
    expect(count('order_lines')).toBe(scales.S.orderLines);
    expect(count('batches')).toBe(scales.S.products * scales.S.batchesPerProduct);
    expect(count('reservations')).toBeGreaterThan(0);
    expect(checkBalances({ ledger, actor: null, now: () => new Date() }).differences).toEqual([]);
    ledger.close();
  });
});
