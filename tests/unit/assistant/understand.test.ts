import { describe, expect, it } from 'vitest';
import { understand, type Vocabulary } from '../../../src-main/engine/assistant/understand';

const vocabulary: Vocabulary = {
  customers: [
    { id: 1, code: 'RT0001', name: 'Sharma Traders' },
    { id: 2, code: 'RT0002', name: 'Sharma Kirana' },
    { id: 3, code: 'DB0001', name: 'Pune Distributors' },
    { id: 4, code: 'RT0900', name: 'Kulkarni Provision Stores' },
    { id: 5, code: 'KA0001', name: 'Mysuru Agencies' },
  ],
  cities: ['Pune', 'Nashik', 'Mumbai', 'Mysuru'],
  states: [
    { code: '27', name: 'Maharashtra' },
    { code: '29', name: 'Karnataka' },
    { code: '24', name: 'Gujarat' },
  ],
  products: [
    { id: 11, sku: 'SUN-0001', name: 'Sunrise Glucose Biscuit 150 g' },
    { id: 12, sku: 'AMR-0001', name: 'Amrut Premium Tea 250 g' },
  ],
  brands: ['Sunrise', 'Amrut'],
  categories: ['Biscuits', 'Beverages'],
};
const TODAY = '2026-11-22'; // a Sunday
const ask = (q: string) => understand(q, vocabulary, TODAY);
const query = (q: string) => {
  const u = ask(q);
  if (!u.ok) throw new Error(`${q}: ${u.message}`);
  return u.query;
};
const pending = ['confirmed', 'processing', 'picked', 'partially_delivered'];

describe('the assistant understands what clerks and owners ask (40 phrasings)', () => {
  it.each([
    ['show my pending orders', { kind: 'orders', statuses: pending, mine: true }],
    ['my pending orders', { kind: 'orders', statuses: pending, mine: true }],
    ['pending orders', { kind: 'orders', statuses: pending, mine: false }],
    ['backorders', { kind: 'orders', statuses: pending }],
    ['orders for Pune last week', { kind: 'orders', city: 'Pune', from: '2026-11-09', to: '2026-11-15' }],
    ['orders from pune this week', { kind: 'orders', city: 'Pune', from: '2026-11-16', to: '2026-11-22' }],
    ['orders in Nashik yesterday', { kind: 'orders', city: 'Nashik', from: '2026-11-21', to: '2026-11-21' }],
    ['orders today', { kind: 'orders', from: '2026-11-22', to: '2026-11-22' }],
    ['orders waiting for approval', { kind: 'orders', statuses: ['pending_approval'] }],
    ['which orders need approval', { kind: 'orders', statuses: ['pending_approval'] }],
    ['cancelled orders last month', { kind: 'orders', statuses: ['cancelled'], from: '2026-10-01', to: '2026-10-31' }],
    [
      'delivered orders this month',
      { kind: 'orders', statuses: ['delivered', 'invoiced'], from: '2026-11-01', to: '2026-11-22' },
    ],
    ['partly delivered orders', { kind: 'orders', statuses: ['partially_delivered'] }],
    ['orders ready to deliver', { kind: 'orders', statuses: ['picked'] }],
    ['draft orders', { kind: 'orders', statuses: ['draft'] }],
    ['orders of Kulkarni Provision Stores', { kind: 'orders', customerId: 4 }],
    ['orders of kulkarni provison stores', { kind: 'orders', customerId: 4 }],
    ['RT0900 orders since 1 April', { kind: 'orders', customerId: 4, from: '2026-04-01', to: '2026-11-22' }],
    ['orders for Maharashtra last 7 days', { kind: 'orders', stateCode: '27', from: '2026-11-16', to: '2026-11-22' }],
    ['pending orders for Karnataka', { kind: 'orders', stateCode: '29', statuses: pending }],
    ['orders of SUN-0001 in October', { kind: 'orders', productId: 11, from: '2026-10-01', to: '2026-10-31' }],
    ['overdue invoices of Sharma Traders', { kind: 'invoices', overdue: true, customerId: 1 }],
    ['overdue bills', { kind: 'invoices', overdue: true, customerId: null }],
    ['unpaid invoices of Mysuru Agencies', { kind: 'invoices', unpaid: true, overdue: false, customerId: 5 }],
    ['outstanding dues of Pune Distributors', { kind: 'invoices', unpaid: true, customerId: 3 }],
    ['invoices this month', { kind: 'invoices', overdue: false, from: '2026-11-01', to: '2026-11-22' }],
    [
      'sales by product this month as excel',
      {
        kind: 'report',
        report: 'sales_performance',
        format: 'xlsx',
        filters: expect.objectContaining({ groupBy: 'product', from: '2026-11-01', to: '2026-11-22' }),
      },
    ],
    [
      'sales by brand last month',
      {
        kind: 'report',
        report: 'sales_performance',
        filters: expect.objectContaining({ groupBy: 'brand', from: '2026-10-01', to: '2026-10-31' }),
      },
    ],
    [
      'sales by city this year as csv',
      {
        kind: 'report',
        report: 'sales_performance',
        format: 'csv',
        filters: expect.objectContaining({ groupBy: 'geography', from: '2026-04-01' }),
      },
    ],
    [
      'sales of Sunrise by category',
      {
        kind: 'report',
        report: 'sales_performance',
        filters: expect.objectContaining({ brand: 'Sunrise', groupBy: 'category' }),
      },
    ],
    [
      'sales by clerk today',
      {
        kind: 'report',
        report: 'sales_performance',
        filters: expect.objectContaining({ groupBy: 'clerk', from: '2026-11-22' }),
      },
    ],
    [
      'backlog report for Maharashtra',
      { kind: 'report', report: 'booking_billing_backlog', filters: expect.objectContaining({ stateCode: '27' }) },
    ],
    [
      'booking and billing by day this week',
      {
        kind: 'report',
        report: 'booking_billing_backlog',
        filters: expect.objectContaining({ period: 'day', from: '2026-11-16' }),
      },
    ],
    [
      'on-time delivery last month',
      { kind: 'report', report: 'on_time_delivery', filters: expect.objectContaining({ from: '2026-10-01' }) },
    ],
    [
      'on time delivery for Pune as pdf',
      { kind: 'report', report: 'on_time_delivery', format: 'pdf', filters: expect.objectContaining({ city: 'Pune' }) },
    ],
    ['order to cash cycle this year', { kind: 'report', report: 'order_to_cash' }],
    ['receivables ageing', { kind: 'report', report: 'receivables_ageing' }],
    [
      'scheme performance last month',
      { kind: 'report', report: 'scheme_performance', filters: expect.objectContaining({ to: '2026-10-31' }) },
    ],
    ['top customers this month', { kind: 'report', report: 'customer_performance' }],
    [
      'product contribution from 1 Nov to 15 Nov',
      {
        kind: 'report',
        report: 'product_contribution',
        filters: expect.objectContaining({ from: '2026-11-01', to: '2026-11-15' }),
      },
    ],
  ])('%s', (q, expected) => {
    expect(query(q)).toMatchObject(expected);
  });

  it('says how it understood the question', () => {
    const u = ask('orders for Pune last week');
    expect(u.ok && u.explanation).toEqual(['orders', 'dates: last week (2026-11-09 to 2026-11-15)', 'city: Pune']);
  });
});

describe('nonsense and ambiguous questions get suggestions, never an answer', () => {
  it.each([
    'hello',
    'what is the weather in Pune',
    'asdfgh qwerty',
    'sing me a song',
    '12345',
    'how are you',
    'tell me a joke',
    'buy bitcoin',
    '???',
  ])('%s', (q) => {
    const u = ask(q);
    expect(u.ok).toBe(false);
    expect(!u.ok && u.suggestions.length).toBeGreaterThan(0);
  });

  it('asks which customer when a name matches several', () => {
    const u = ask('orders of sharma');
    expect(u).toEqual({
      ok: false,
      message: '“sharma” matches 2 customers: Sharma Traders (RT0001), Sharma Kirana (RT0002). Which one?',
      suggestions: ['orders of Sharma Traders', 'orders of Sharma Kirana'],
    });
  });
});

describe('"how much does X owe"', () => {
  it.each([
    ['how much does Sharma Traders owe', 1],
    ['How much does sharma kirana owe us?', 2],
    ['balance of RT0900', 4],
    ['how much is pending from Mysuru Agencies', 5],
    ['what does kulkarni owe', 4],
  ])('%s → the balance of customer %i', (question, customerId) => {
    expect(query(question)).toEqual({ kind: 'balance', customerId });
  });

  it('asks back, naming every match, when the name fits several customers', () => {
    const u = ask('how much does sharma owe');
    expect(u).toEqual({
      ok: false,
      message: '“sharma” matches 2 customers: Sharma Traders (RT0001), Sharma Kirana (RT0002). Which one?',
      suggestions: ['how much does Sharma Traders owe', 'how much does Sharma Kirana owe'],
    });
  });

  it('asks whose balance when no customer is named', () => {
    const u = ask('how much do they owe');
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.message).toBe('Whose balance? Name the customer.');
  });
});
