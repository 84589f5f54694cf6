import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { now, users } from './users';
import { warehouses } from './warehouses';

export const customerTypes = sqliteTable('customer_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of type codes a customer of this type may be mapped under. */
  parentTypes: text('parent_types').notNull().default('[]'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Batches with fewer days to expiry are not sent to customers of this type. */
  minShelfLifeDays: integer('min_shelf_life_days').notNull().default(0),
  /** block | warn | approval: what a credit breach does for this type */
  creditPolicy: text('credit_policy').notNull().default('approval'),
  /** block orders when any invoice is overdue by more than this many days; null = off */
  overdueBlockDays: integer('overdue_block_days'),
});

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type')
      .notNull()
      .references(() => customerTypes.code),
    parentId: integer('parent_id').references((): AnySQLiteColumn => customers.id),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    gstin: text('gstin').notNull().default(''),
    billLine1: text('bill_line1').notNull().default(''),
    billLine2: text('bill_line2').notNull().default(''),
    billArea: text('bill_area').notNull().default(''),
    billCity: text('bill_city').notNull().default(''),
    billDistrict: text('bill_district').notNull().default(''),
    billStateCode: text('bill_state_code').notNull(),
    billPincode: text('bill_pincode').notNull().default(''),
    /** JSON of the ship-to address, or null when goods go to the bill-to address. */
    shipTo: text('ship_to'),
    /**
     * Default parties of this customer's orders (customers ids), null = the customer itself: the bill-to whose GSTIN
     * the invoice carries, the ship-to the goods go to (its state is the place of supply), the payer whose account
     * receivables and statements follow (a retailer's payer may be its distributor).
     */
    billToId: integer('bill_to_id').references((): AnySQLiteColumn => customers.id),
    shipToId: integer('ship_to_id').references((): AnySQLiteColumn => customers.id),
    payerId: integer('payer_id').references((): AnySQLiteColumn => customers.id),
    route: text('route').notNull().default(''),
    creditLimit: integer('credit_limit').notNull().default(0),
    paymentTermsDays: integer('payment_terms_days').notNull().default(0),
    /** Overrides the type's minimum shelf life when set. */
    minShelfLifeDays: integer('min_shelf_life_days'),
    creditPolicy: text('credit_policy'),
    overdueBlockDays: integer('overdue_block_days'),
    /** Overrides the user's default warehouse for this customer's orders when set. */
    defaultWarehouseId: integer('default_warehouse_id').references(() => warehouses.id),
    /** Retail drug licence numbers (form 20B: general drugs, 21B: Schedule C/C1) and their common expiry. */
    drugLicence20b: text('drug_licence_20b').notNull().default(''),
    drugLicence21b: text('drug_licence_21b').notNull().default(''),
    drugLicenceExpiry: text('drug_licence_expiry'),
    /** FSSAI licence or registration number (14 digits) and its expiry. */
    fssaiLicence: text('fssai_licence').notNull().default(''),
    fssaiExpiry: text('fssai_expiry'),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('customers_name_idx').on(t.name),
    index('customers_type_idx').on(t.type),
    index('customers_state_city_idx').on(t.billStateCode, t.billCity),
    index('customers_parent_idx').on(t.parentId),
    index('customers_status_idx').on(t.status),
  ],
);

export const customerUsers = sqliteTable(
  'customer_users',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.userId] }), index('customer_users_user_idx').on(t.userId)],
);
