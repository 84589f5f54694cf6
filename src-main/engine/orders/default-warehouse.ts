import type { EngineContext } from '../context';
import { invalid } from '../errors';

export interface WarehouseChoice {
  id: number;
  code: string;
  stateCode: string;
  active: boolean;
}

/**
 * Which warehouse a new order ships from. The customer's own choice wins (a Nashik shop served
 * from Nashik), then the order-taker's (a Pune clerk books from Pune), then one in the
 * company's own state (no inter-state tax by accident), then the first active one by code.
 * An inactive or missing choice falls through to the next rule, and the reason says so.
 */
export function chooseDefaultWarehouse(input: {
  customerDefault: number | null;
  userDefault: number | null;
  companyState: string;
  warehouses: WarehouseChoice[];
}): { warehouseId: number | null; reason: string } {
  const active = input.warehouses.filter((w) => w.active);
  const byId = (id: number | null) => (id === null ? undefined : active.find((w) => w.id === id));
  const customers = byId(input.customerDefault);
  if (customers) return { warehouseId: customers.id, reason: `${customers.code}: this customer’s warehouse` };
  const users = byId(input.userDefault);
  if (users) return { warehouseId: users.id, reason: `${users.code}: your default warehouse` };
  const sorted = [...active].sort((a, b) => a.code.localeCompare(b.code));
  const inState = sorted.find((w) => w.stateCode === input.companyState);
  if (inState) return { warehouseId: inState.id, reason: `${inState.code}: in the company’s state` };
  const first = sorted[0];
  if (first) return { warehouseId: first.id, reason: `${first.code}: the first active warehouse` };
  return { warehouseId: null, reason: 'No active warehouse; add one under Warehouses' };
}

/** Reads what the rule needs for the signed-in user and, when chosen, the customer. */
export function defaultWarehouse(ctx: EngineContext, customerId: number | null) {
  const sqlite = ctx.ledger.sqlite;
  const customerDefault =
    customerId === null
      ? null
      : ((
          sqlite.prepare('SELECT default_warehouse_id AS w FROM customers WHERE id = ?').get(customerId) as
            { w: number | null } | undefined
        )?.w ?? null);
  const userDefault = ctx.actor
    ? ((
        sqlite.prepare('SELECT default_warehouse_id AS w FROM users WHERE id = ?').get(ctx.actor.id) as
          { w: number | null } | undefined
      )?.w ?? null)
    : null;
  const companyState =
    (sqlite.prepare('SELECT state_code AS s FROM company WHERE id = 1').get() as { s: string } | undefined)?.s ?? '';
  const warehouses = (
    sqlite.prepare('SELECT id, code, state_code AS stateCode, active FROM warehouses').all() as (Omit<
      WarehouseChoice,
      'active'
    > & { active: number })[]
  ).map((w) => ({ ...w, active: w.active === 1 }));
  return chooseDefaultWarehouse({ customerDefault, userDefault, companyState, warehouses });
}

/** A default warehouse must exist and be active when it is set; null clears it. */
export function checkDefaultWarehouse(
  ctx: EngineContext,
  warehouseId: number | null,
  field = 'defaultWarehouseId',
): void {
  if (warehouseId === null) return;
  const row = ctx.ledger.sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').get(warehouseId) as
    { active: number } | undefined;
  if (!row) throw invalid(`Warehouse ${warehouseId} does not exist`, field);
  if (row.active !== 1) throw invalid('That warehouse is inactive; choose an active one', field);
}
