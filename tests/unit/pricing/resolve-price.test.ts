import { describe, expect, it } from 'vitest';
import {
  resolvePrice,
  type PriceContext,
  type PriceListCandidate,
} from '../../../src-main/engine/pricing/resolve-price';

const ctx: PriceContext = {
  customerId: 7,
  customerType: 'retailer',
  stateCode: '27',
  district: 'Pune',
  area: 'Kothrud',
  endBuyer: 'City Hospital',
  date: '2026-11-22',
  quantity: 10,
  productPrice: 1000,
};
let nextId = 1;
const list = (over: Partial<PriceListCandidate>): PriceListCandidate => ({
  id: nextId++,
  name: 'List',
  scope: 'type',
  customerId: null,
  customerType: '',
  stateCode: '',
  district: '',
  area: '',
  endBuyer: '',
  validFrom: null,
  validTo: null,
  taxInclusive: false,
  slabs: [{ minQuantity: 1, price: 900 }],
  ...over,
});

const endBuyer = list({
  name: 'Hospital contract',
  scope: 'end_buyer',
  endBuyer: 'city hospital',
  slabs: [{ minQuantity: 1, price: 500 }],
});
const customer = list({
  name: 'Customer 7',
  scope: 'customer',
  customerId: 7,
  slabs: [{ minQuantity: 1, price: 600 }],
});
const typeGeo = list({
  name: 'Retail Pune',
  scope: 'type_geography',
  customerType: 'retailer',
  stateCode: '27',
  district: 'Pune',
  slabs: [{ minQuantity: 1, price: 700 }],
});
const type = list({ name: 'Retail', scope: 'type', customerType: 'retailer', slabs: [{ minQuantity: 1, price: 800 }] });
const geo = list({ name: 'Maharashtra', scope: 'geography', stateCode: '27', slabs: [{ minQuantity: 1, price: 850 }] });
const all = [geo, type, typeGeo, customer, endBuyer];

describe('price precedence, one step at a time', () => {
  it('end buyer beats everything', () =>
    expect(resolvePrice(all, ctx)).toMatchObject({ unitPrice: 500, priceListId: endBuyer.id }));
  it('customer comes next', () => expect(resolvePrice(all, { ...ctx, endBuyer: '' }).unitPrice).toBe(600));
  it('then customer type in a geography', () => expect(resolvePrice([geo, type, typeGeo], ctx).unitPrice).toBe(700));
  it('then customer type', () => expect(resolvePrice([geo, type], ctx).unitPrice).toBe(800));
  it('then geography', () => expect(resolvePrice([geo], ctx).unitPrice).toBe(850));
  it('then the product price, saying no list applied', () =>
    expect(resolvePrice([], ctx)).toEqual({
      unitPrice: 1000,
      taxInclusive: false,
      priceListId: null,
      agreementLineId: null,
      explanation: 'product price (no price list applies)',
    }));

  it('ignores lists for another customer, type, end buyer or place', () => {
    const others = [
      list({ scope: 'customer', customerId: 8 }),
      list({ scope: 'type', customerType: 'distributor' }),
      list({ scope: 'end_buyer', endBuyer: 'Other' }),
      list({ scope: 'geography', stateCode: '29' }),
      list({ scope: 'type_geography', customerType: 'retailer', stateCode: '27', district: 'Nashik' }),
    ];
    expect(resolvePrice(others, ctx).priceListId).toBeNull();
  });

  it('a narrower geography beats a wider one at the same level', () => {
    const state = list({ scope: 'geography', stateCode: '27', slabs: [{ minQuantity: 1, price: 880 }] });
    const area = list({
      scope: 'geography',
      stateCode: '27',
      district: 'Pune',
      area: 'Kothrud',
      slabs: [{ minQuantity: 1, price: 890 }],
    });
    expect(resolvePrice([state, area], ctx).unitPrice).toBe(890);
  });

  it('says which list gave the price and why', () => {
    expect(resolvePrice(all, { ...ctx, endBuyer: '' }).explanation).toBe(
      'Customer 7 (customer price); 3 less specific or older list(s) also matched',
    );
  });
});

describe('validity and ties', () => {
  it('skips a list outside its dates, inclusive of both ends', () => {
    expect(resolvePrice([list({ validFrom: '2026-11-23', customerType: 'retailer' })], ctx).priceListId).toBeNull();
    expect(resolvePrice([list({ validTo: '2026-11-21', customerType: 'retailer' })], ctx).priceListId).toBeNull();
    expect(
      resolvePrice([list({ validFrom: '2026-11-22', validTo: '2026-11-22', customerType: 'retailer' })], ctx)
        .priceListId,
    ).not.toBeNull();
  });

  it('breaks a tie by the newest validity, then the lower price, then the lower id; never an error', () => {
    const older = list({ customerType: 'retailer', validFrom: '2026-01-01', slabs: [{ minQuantity: 1, price: 100 }] });
    const newer = list({ customerType: 'retailer', validFrom: '2026-06-01', slabs: [{ minQuantity: 1, price: 200 }] });
    expect(resolvePrice([older, newer], ctx).priceListId).toBe(newer.id);
    const cheap = list({ customerType: 'retailer', slabs: [{ minQuantity: 1, price: 300 }] });
    const dear = list({ customerType: 'retailer', slabs: [{ minQuantity: 1, price: 400 }] });
    expect(resolvePrice([dear, cheap], ctx).priceListId).toBe(cheap.id);
    const twinA = list({ customerType: 'retailer', slabs: [{ minQuantity: 1, price: 300 }] });
    const twinB = list({ customerType: 'retailer', slabs: [{ minQuantity: 1, price: 300 }] });
    expect(resolvePrice([twinB, twinA], ctx).priceListId).toBe(twinA.id);
  });
});

describe('quantity slabs', () => {
  const slabbed = list({
    customerType: 'retailer',
    slabs: [
      { minQuantity: 1, price: 1000 },
      { minQuantity: 24, price: 950 },
      { minQuantity: 96, price: 900 },
    ],
  });
  it.each([
    [23, 1000],
    [24, 950],
    [25, 950],
    [95, 950],
    [96, 900],
    [97, 900],
  ])('%i units cost %i each', (quantity, price) => {
    expect(resolvePrice([slabbed], { ...ctx, quantity }).unitPrice).toBe(price);
  });

  it('a list whose smallest slab is not reached does not apply at all', () => {
    const bulkOnly = list({ scope: 'customer', customerId: 7, slabs: [{ minQuantity: 100, price: 1 }] });
    expect(resolvePrice([bulkOnly, slabbed], { ...ctx, quantity: 10 }).priceListId).toBe(slabbed.id);
  });
});

describe('tax-inclusive lists', () => {
  it('passes the flag on with the explanation', () => {
    const incl = list({ name: 'MRP-inclusive', customerType: 'retailer', taxInclusive: true });
    expect(resolvePrice([incl], ctx)).toMatchObject({
      taxInclusive: true,
      explanation: 'MRP-inclusive (customer type price, tax inclusive)',
    });
  });
});
