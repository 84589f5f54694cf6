import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';

/** The whole customer (outlet) as it stands after the change. */
export function customerPayload(ctx: EngineContext, customerId: number) {
  const c = ctx.ledger.sqlite
    .prepare(
      `SELECT code, name, gstin, bill_state_code AS stateCode, type, bill_district AS district, bill_city AS city, bill_pincode AS pincode,
              phone, credit_limit AS creditLimit, payment_terms_days AS creditDays, status
       FROM customers WHERE id = ?`,
    )
    .get(customerId) as {
    code: string;
    name: string;
    gstin: string;
    stateCode: string;
    type: string;
    district: string;
    city: string;
    pincode: string;
    phone: string;
    creditLimit: number;
    creditDays: number;
    status: string;
  };
  return {
    code: c.code,
    name: c.name,
    gstin: c.gstin || null,
    stateCode: c.stateCode,
    customerType: c.type || null,
    district: c.district.slice(0, 80),
    city: c.city.slice(0, 80),
    pincode: c.pincode.slice(0, 6),
    phone: c.phone.slice(0, 20),
    creditLimitPaise: c.creditLimit,
    creditDays: Math.min(365, c.creditDays),
    active: c.status === 'active',
  };
}

export function publishCustomerCreated(ctx: EngineContext, customerId: number): void {
  publishEvent(ctx, 'customer.created', customerPayload(ctx, customerId));
}

export function publishCustomerChanged(ctx: EngineContext, customerId: number): void {
  publishEvent(ctx, 'customer.changed', customerPayload(ctx, customerId));
}
