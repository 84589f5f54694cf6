/**
 * What each role may do. The main process checks these on every call; the renderer only uses
 * them to hide what a user cannot do anyway.
 */
export const permissions = [
  'customers.read',
  'customers.write',
  'products.read',
  'products.write',
  'warehouses.read',
  'warehouses.write',
  'inventory.read',
  'inventory.write',
  'inventory.settings',
  'orders.read',
  'orders.write',
  'orders.approve',
  'pricing.read',
  'pricing.write',
  'picking.write',
  'dispatch.write',
  'billing.read',
  'billing.write',
  'company.read',
  'company.write',
  'users.read',
  'users.write',
  'audit.read',
  'sync.admin',
  'purchasing.read',
  'purchasing.write',
  'payables.write',
  'cost.read',
  /** back up the ledger, choose the folder, restore: the administrator's alone */
  'backups.admin',
  /** see and end other terminals' sessions, turn LAN mode on: admin only */
  'devices.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'manager', 'sales_clerk', 'warehouse_clerk', 'billing_clerk', 'accountant'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  sales_clerk: 'Sales clerk',
  warehouse_clerk: 'Warehouse clerk',
  billing_clerk: 'Billing clerk',
  accountant: 'Accountant',
};

const readMasters: Permission[] = [
  'customers.read',
  'products.read',
  'warehouses.read',
  'company.read',
  'inventory.read',
  'orders.read',
  'pricing.read',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: [
    ...readMasters,
    'customers.write',
    'products.write',
    'warehouses.write',
    'inventory.write',
    'inventory.settings',
    'orders.write',
    'orders.approve',
    'pricing.write',
    'picking.write',
    'dispatch.write',
    'billing.read',
    'billing.write',
    'users.read',
    'audit.read',
    'purchasing.read',
    'purchasing.write',
    'payables.write',
    'cost.read',
  ],
  sales_clerk: [...readMasters, 'customers.write', 'orders.write', 'billing.read'],
  warehouse_clerk: [...readMasters, 'inventory.write', 'picking.write', 'dispatch.write'],
  // A distributor's billing desk posts the delivery note (which raises the invoice) and loads the vehicle.
  billing_clerk: [...readMasters, 'orders.write', 'billing.read', 'billing.write', 'dispatch.write'],
  // Cost and margin stay with the owner's side: the manager and the accountant who books the brand's invoices.
  accountant: [
    ...readMasters,
    'billing.read',
    'billing.write',
    'audit.read',
    'purchasing.read',
    'purchasing.write',
    'payables.write',
    'cost.read',
  ],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
