import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/api/handlers';
import { joinParts } from '../../../src-main/api/join-parts';
import { contract } from '../../../src-shared/contract';

/** joinParts' compile-time check wants every operation; these tests exercise its run-time checks on partial tables. */
const join = joinParts as (parts: Record<string, object>) => Record<string, unknown>;

describe('each part binds its own operations, joined into one table', () => {
  it('binds every contract operation, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('joins distinct parts, keeping each handler as bound', () => {
    const list = () => [];
    const get = () => null;
    const joined = join({ customers: { 'customers.list': list }, products: { 'products.get': get } });
    expect(joined).toEqual({ 'customers.list': list, 'products.get': get });
  });

  it('refuses at start-up an operation bound by two parts, naming it and both parts', () => {
    const parts = {
      billingHandlers: { 'invoices.get': () => null },
      syncHandlers: { 'sync.status': () => null },
      reportHandlers: { 'reports.run': () => null, 'invoices.get': () => null },
    };
    expect(() => join(parts)).toThrow(
      'Operation "invoices.get" is bound twice: by the billingHandlers part and by the reportHandlers part.',
    );
  });

  it("refuses an operation listed where a part's table belongs (a spread table)", () => {
    expect(() => join({ billingHandlers: { 'invoices.get': () => null }, 'sync.status': () => null })).toThrow(
      /"sync\.status" is not a part's table/,
    );
  });
});
