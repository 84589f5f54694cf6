import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import {
  createCustomer,
  getCustomer,
  updateCustomer,
  type CustomerInput,
} from '../../../src-main/engine/customers/customer-service';
import { listCustomers, type CustomerListInput } from '../../../src-main/engine/customers/list-customers';
import { customerFields } from '../../../src-shared/contract/customers';
import { engineContext } from '../../support/engine';
import { retailer } from '../../support/fixtures';

let ctx: EngineContext;
const make = (overrides: Parameters<typeof retailer>[0]) =>
  createCustomer(ctx, customerFields.parse(retailer({ gstin: '', ...overrides })) as CustomerInput);
const list = (input: Partial<CustomerListInput>) =>
  listCustomers(ctx, {
    search: '',
    type: '',
    status: '',
    stateCode: '',
    city: '',
    assignedUserId: null,
    sort: 'name',
    dir: 'asc',
    offset: 0,
    limit: 100,
    ...input,
  });

beforeEach(() => {
  ctx = engineContext();
});

describe('customer mapping', () => {
  it('maps a retailer under a distributor under a super stockist', () => {
    const ss = make({ code: 'SS1', name: 'Western Agencies', type: 'super_stockist' });
    const db = make({ code: 'DB1', name: 'Pune Distributors', type: 'distributor', parentId: ss.id });
    const rt = make({ code: 'RT1', name: 'Sharma Traders', parentId: db.id });
    expect(getCustomer(ctx, rt.id).parentName).toBe('Pune Distributors');
    expect(getCustomer(ctx, db.id).parentName).toBe('Western Agencies');
  });

  it('refuses a distributor mapped under a retailer, naming the field', () => {
    const rt = make({ code: 'RT1' });
    expect(() => make({ code: 'DB1', type: 'distributor', parentId: rt.id })).toThrow(
      /distributor can be mapped under super_stockist; Sharma Traders is a retailer/,
    );
  });

  it('refuses a loop in the hierarchy', () => {
    const ss = make({ code: 'SS1', type: 'super_stockist' });
    const ss2 = make({ code: 'SS2', type: 'super_stockist' });
    // super stockists take no parent at all
    expect(() =>
      updateCustomer(ctx, {
        ...(customerFields.parse(
          retailer({ code: 'SS1', type: 'super_stockist', gstin: '', parentId: ss2.id }),
        ) as CustomerInput),
        id: ss.id,
        version: 1,
      }),
    ).toThrow(/can be mapped under no parent/);
    const db = make({ code: 'DB1', type: 'distributor', parentId: ss.id });
    expect(() =>
      updateCustomer(ctx, {
        ...(customerFields.parse(
          retailer({ code: 'DB1', type: 'distributor', gstin: '', parentId: db.id }),
        ) as CustomerInput),
        id: db.id,
        version: 1,
      }),
    ).toThrow(/cannot be mapped under itself/);
  });

  it('bumps the version on each save so a stale form is refused', () => {
    const rt = make({ code: 'RT1' });
    const input = customerFields.parse(
      retailer({ code: 'RT1', gstin: '', name: 'Sharma Traders & Sons' }),
    ) as CustomerInput;
    expect(updateCustomer(ctx, { ...input, id: rt.id, version: 1 }).version).toBe(2);
    expect(() => updateCustomer(ctx, { ...input, id: rt.id, version: 1 })).toThrow(/changed by someone else/);
  });
});

describe('finding customers', () => {
  beforeEach(() => {
    make({
      code: 'RT1',
      name: 'Sharma Traders',
      phone: '9822011111',
      billTo: { line1: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' },
    });
    make({
      code: 'RT2',
      name: 'Patil General Stores',
      phone: '9822022222',
      billTo: { line1: '', city: 'Nashik', district: 'Nashik', stateCode: '27', pincode: '' },
    });
    make({
      code: 'KA1',
      name: 'Iyer Medicals',
      status: 'on_hold',
      billTo: { line1: '', city: 'Mysuru', district: 'Mysuru', stateCode: '29', pincode: '' },
    });
  });

  it('matches a fragment anywhere in the name, code, city or phone', () => {
    expect(list({ search: 'arma' }).rows.map((r) => r.code)).toEqual(['RT1']);
    expect(list({ search: 'nashik' }).rows.map((r) => r.code)).toEqual(['RT2']);
    expect(list({ search: '22022' }).rows.map((r) => r.code)).toEqual(['RT2']);
    expect(list({ search: 'stores patil' }).rows.map((r) => r.code)).toEqual(['RT2']);
  });

  it('matches one or two letters as a prefix', () => {
    expect(list({ search: 'Iy' }).rows.map((r) => r.code)).toEqual(['KA1']);
    expect(list({ search: 'RT' }).total).toBe(2);
  });

  it('filters by state and status and pages with a total', () => {
    expect(list({ stateCode: '29' }).rows.map((r) => r.code)).toEqual(['KA1']);
    expect(list({ status: 'on_hold' }).total).toBe(1);
    const page = list({ limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });

  it('finds a renamed customer by its new name only', () => {
    const rt1 = list({ search: 'Sharma' }).rows[0]!;
    const input = customerFields.parse(retailer({ code: 'RT1', gstin: '', name: 'Deshmukh Kirana' })) as CustomerInput;
    updateCustomer(ctx, { ...input, id: rt1.id, version: 1 });
    expect(list({ search: 'Sharma' }).total).toBe(0);
    expect(list({ search: 'Deshmukh' }).rows.map((r) => r.code)).toEqual(['RT1']);
  });
});
