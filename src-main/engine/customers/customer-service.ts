import { holdNewCustomer, holdTermsChange, recheckNewCustomer } from '../approvals/customer-approval';
import type { z } from 'zod';
import type { Customer, customerFields } from '../../../src-shared/contract/customers';
import type { Address } from '../../../src-shared/contract/common';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, isUniqueViolation, notFound } from '../errors';
import { checkDefaultWarehouse } from '../orders/default-warehouse';
import { checkGstinState, checkMapping } from './customer-rules';
import { checkPartiesOf } from './parties';
import { customerTypeOf } from './customer-types';
import { publishCustomerChanged, publishCustomerCreated } from '../sync/payloads/customer-payload';

export type CustomerInput = z.output<typeof customerFields>;

interface CustomerDbRow {
  id: number;
  code: string;
  name: string;
  type: string;
  parent_id: number | null;
  parent_name: string | null;
  phone: string;
  email: string;
  gstin: string;
  bill_line1: string;
  bill_line2: string;
  bill_area: string;
  bill_city: string;
  bill_district: string;
  bill_state_code: string;
  bill_pincode: string;
  ship_to: string | null;
  bill_to_id: number | null;
  ship_to_id: number | null;
  payer_id: number | null;
  route: string;
  credit_limit: number;
  payment_terms_days: number;
  status: Customer['status'];
  credit_policy: Customer['creditPolicy'];
  overdue_block_days: number | null;
  min_shelf_life_days: number | null;
  default_warehouse_id: number | null;
  drug_licence_20b: string;
  drug_licence_21b: string;
  drug_licence_expiry: string | null;
  fssai_licence: string;
  fssai_expiry: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

function toCustomer(ctx: EngineContext, r: CustomerDbRow): Customer {
  const assigned = ctx.ledger.sqlite
    .prepare('SELECT user_id AS id FROM customer_users WHERE customer_id = ? ORDER BY user_id')
    .all(r.id) as { id: number }[];
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    parentId: r.parent_id,
    parentName: r.parent_name,
    phone: r.phone,
    email: r.email,
    gstin: r.gstin,
    billTo: {
      line1: r.bill_line1,
      line2: r.bill_line2,
      area: r.bill_area,
      city: r.bill_city,
      district: r.bill_district,
      stateCode: r.bill_state_code,
      pincode: r.bill_pincode,
    },
    shipTo: r.ship_to ? (JSON.parse(r.ship_to) as Address) : null,
    billToId: r.bill_to_id,
    shipToId: r.ship_to_id,
    payerId: r.payer_id,
    route: r.route,
    creditLimit: r.credit_limit,
    paymentTermsDays: r.payment_terms_days,
    status: r.status,
    assignedUserIds: assigned.map((a) => a.id),
    creditPolicy: r.credit_policy,
    overdueBlockDays: r.overdue_block_days,
    minShelfLifeDays: r.min_shelf_life_days,
    defaultWarehouseId: r.default_warehouse_id,
    licences: {
      drugLicence20b: r.drug_licence_20b,
      drugLicence21b: r.drug_licence_21b,
      drugLicenceExpiry: r.drug_licence_expiry,
      fssaiLicence: r.fssai_licence,
      fssaiExpiry: r.fssai_expiry,
    },
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCustomer(ctx: EngineContext, id: number): Customer {
  const row = ctx.ledger.sqlite
    .prepare(
      'SELECT c.*, p.name AS parent_name FROM customers c LEFT JOIN customers p ON p.id = c.parent_id WHERE c.id = ?',
    )
    .get(id) as CustomerDbRow | undefined;
  if (!row) throw notFound(`Customer ${id}`, 'id');
  return toCustomer(ctx, row);
}

export function customerIdByCode(ctx: EngineContext, code: string): number | undefined {
  return (
    ctx.ledger.sqlite.prepare('SELECT id FROM customers WHERE code = ? COLLATE NOCASE').get(code) as
      { id: number } | undefined
  )?.id;
}

/**
 * What creating this customer would refuse, read-only (an import's check runs it in a read worker). `fileParent`:
 * the parent is a row earlier in the import file, not yet in the ledger.
 */
export function checkNewCustomer(
  ctx: EngineContext,
  input: CustomerInput,
  fileParent: { type: string; name: string } | null,
): void {
  if (!fileParent) return checkAgainstLedger(ctx, input, null);
  const type = customerTypeOf(ctx, input.type);
  if (!type) throw invalid(`Customer type ${input.type} is not configured`, 'type');
  checkGstinState(input.gstin, input.billTo.stateCode, 'gstin');
  checkMapping(input.type, type.parentTypes, fileParent.type, fileParent.name);
  checkDefaultWarehouse(ctx, input.defaultWarehouseId);
  checkAssignedUsers(ctx, input.assignedUserIds);
}

/** The checks the schema cannot make: they need the ledger (types, parents, users). */
function checkAgainstLedger(ctx: EngineContext, input: CustomerInput, selfId: number | null): void {
  const type = customerTypeOf(ctx, input.type);
  if (!type) throw invalid(`Customer type ${input.type} is not configured`, 'type');
  checkGstinState(input.gstin, input.billTo.stateCode, 'gstin');
  if (input.parentId !== null) {
    if (input.parentId === selfId) throw invalid('A customer cannot be mapped under itself', 'parentId');
    const parent = ctx.ledger.sqlite
      .prepare('SELECT id, name, type, parent_id AS parentId FROM customers WHERE id = ?')
      .get(input.parentId) as { id: number; name: string; type: string; parentId: number | null } | undefined;
    if (!parent) throw invalid(`Parent customer ${input.parentId} does not exist`, 'parentId');
    checkMapping(input.type, type.parentTypes, parent.type, parent.name);
    // Walk up from the parent: meeting ourselves would make a loop in the hierarchy.
    let cursor: number | null = parent.parentId;
    for (let hops = 0; cursor !== null && hops < 20; hops++) {
      if (cursor === selfId) throw invalid('That mapping would make a loop in the customer hierarchy', 'parentId');
      cursor = (
        ctx.ledger.sqlite.prepare('SELECT parent_id AS p FROM customers WHERE id = ?').get(cursor) as {
          p: number | null;
        }
      ).p;
    }
  }
  checkDefaultWarehouse(ctx, input.defaultWarehouseId);
  checkAssignedUsers(ctx, input.assignedUserIds);
  checkPartiesOf(ctx, { id: selfId ?? 0, name: input.name, parentId: input.parentId }, partyDefaults(input));
}

/** The default parties of the customer's orders, the customer itself stored as null. */
const partyDefaults = (input: CustomerInput) => ({
  billToId: input.billToId,
  shipToId: input.shipToId,
  payerId: input.payerId,
});

function checkAssignedUsers(ctx: EngineContext, userIds: number[]): void {
  for (const [i, userId] of userIds.entries()) {
    if (!ctx.ledger.sqlite.prepare('SELECT 1 FROM users WHERE id = ? AND active = 1').get(userId))
      throw invalid(`User ${userId} is not an active user`, `assignedUserIds.${i}`);
  }
}

function columns(input: CustomerInput) {
  return {
    code: input.code,
    name: input.name,
    type: input.type,
    parent_id: input.parentId,
    phone: input.phone,
    email: input.email,
    gstin: input.gstin,
    bill_line1: input.billTo.line1,
    bill_line2: input.billTo.line2,
    bill_area: input.billTo.area,
    bill_city: input.billTo.city,
    bill_district: input.billTo.district,
    bill_state_code: input.billTo.stateCode,
    bill_pincode: input.billTo.pincode,
    ship_to: input.shipTo ? JSON.stringify(input.shipTo) : null,
    bill_to_id: input.billToId,
    ship_to_id: input.shipToId,
    payer_id: input.payerId,
    route: input.route,
    credit_limit: input.creditLimit,
    payment_terms_days: input.paymentTermsDays,
    status: input.status,
    credit_policy: input.creditPolicy,
    overdue_block_days: input.overdueBlockDays,
    min_shelf_life_days: input.minShelfLifeDays,
    default_warehouse_id: input.defaultWarehouseId,
    drug_licence_20b: input.licences.drugLicence20b,
    drug_licence_21b: input.licences.drugLicence21b,
    drug_licence_expiry: input.licences.drugLicenceExpiry,
    fssai_licence: input.licences.fssaiLicence,
    fssai_expiry: input.licences.fssaiExpiry,
  };
}

function saveAssignedUsers(ctx: EngineContext, customerId: number, userIds: number[]): void {
  ctx.ledger.sqlite.prepare('DELETE FROM customer_users WHERE customer_id = ?').run(customerId);
  const insert = ctx.ledger.sqlite.prepare('INSERT OR IGNORE INTO customer_users (customer_id, user_id) VALUES (?, ?)');
  for (const userId of userIds) insert.run(customerId, userId);
}

function rethrowUnique(error: unknown, code: string): never {
  if (isUniqueViolation(error, 'code'))
    throw conflict(`Customer code ${code} is already used by another customer`, 'code');
  throw error;
}

export function createCustomer(ctx: EngineContext, input: CustomerInput): Customer {
  checkAgainstLedger(ctx, input, null);
  const cols = columns(input);
  const now = ctx.now().toISOString();
  let id: number;
  try {
    const names = Object.keys(cols);
    const result = ctx.ledger.sqlite
      .prepare(
        `INSERT INTO customers (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => `@${n}`).join(', ')}, @now, @now)`,
      )
      .run({ ...cols, now });
    id = Number(result.lastInsertRowid);
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  saveAssignedUsers(ctx, id, input.assignedUserIds);
  holdNewCustomer(ctx, id);
  recordAudit(ctx, 'create', 'customer', id, { code: input.code, name: input.name });
  publishCustomerCreated(ctx, id);
  return getCustomer(ctx, id);
}

export function updateCustomer(ctx: EngineContext, input: CustomerInput & { id: number; version: number }): Customer {
  const before = getCustomer(ctx, input.id);
  if (before.version !== input.version) {
    throw conflict(
      `${before.name} was changed by someone else since you opened it; reload to see their change`,
      'version',
    );
  }
  checkAgainstLedger(ctx, input, input.id);
  const cols = columns(holdTermsChange(ctx, input.id, input));
  try {
    ctx.ledger.sqlite
      .prepare(
        `UPDATE customers SET ${Object.keys(cols)
          .map((n) => `${n} = @${n}`)
          .join(', ')}, version = version + 1, updated_at = @now WHERE id = @id`,
      )
      .run({ ...cols, id: input.id, now: ctx.now().toISOString() });
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  saveAssignedUsers(ctx, input.id, input.assignedUserIds);
  recheckNewCustomer(ctx, input.id);
  const after = getCustomer(ctx, input.id);
  recordAudit(ctx, 'update', 'customer', input.id, changedFields(before, after));
  publishCustomerChanged(ctx, input.id);
  return after;
}

function changedFields(before: Customer, after: Customer): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Customer)[]) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
