import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { customers } from './customers';
import { users } from './users';
import { warehouses } from './warehouses';

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Assigned when the order is placed (SO/26-27/000001); drafts have none. */
    number: text('number').unique(),
    status: text('status').notNull().default('draft'),
    paymentStatus: text('payment_status').notNull().default('unpaid'),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    paymentType: text('payment_type').notNull().default('credit'),
    endBuyer: text('end_buyer').notNull().default(''),
    /** The order's parties (customers ids) besides the sold-to customer; null = the sold-to itself. */
    billToId: integer('bill_to_id').references(() => customers.id),
    shipToId: integer('ship_to_id').references(() => customers.id),
    payerId: integer('payer_id').references(() => customers.id),
    /** the end buyer as a party (a customer record), when an end-buyer agreement or forecast names it */
    endBuyerId: integer('end_buyer_id').references(() => customers.id),
    requiredDate: text('required_date'),
    reference: text('reference').notNull().default(''),
    remarks: text('remarks').notNull().default(''),
    orderDate: text('order_date').notNull(),
    gross: integer('gross').notNull().default(0),
    discount: integer('discount').notNull().default(0),
    taxable: integer('taxable').notNull().default(0),
    tax: integer('tax').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** JSON: applied schemes and near-misses, and the credit assessment at confirmation. */
    schemes: text('schemes').notNull().default('[]'),
    credit: text('credit').notNull().default('null'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('orders_status_idx').on(t.status, t.orderDate),
    index('orders_customer_idx').on(t.customerId, t.orderDate),
    index('orders_date_idx').on(t.orderDate),
    // Covers the customer orders report's days at a period's ends (whole months come from customer_order_months)
    // without reading the wide order rows.
    index('orders_date_customer_idx').on(t.orderDate, t.customerId, t.status, t.total),
    index('orders_creator_idx').on(t.createdBy, t.orderDate),
    // Orders that applied a scheme, by date: the dashboard's scheme cost reads the month's orders with a scheme
    // (JSON parsed only for them), not the month's every order. A query must say the same `> 0` term to use it.
    index('orders_with_schemes_idx')
      .on(t.orderDate)
      .where(sql`json_array_length(schemes, '$.applied') > 0`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** base units */
    quantity: integer('quantity').notNull(),
    /** what the clerk typed: "3 case + 5 pc" */
    enteredAs: text('entered_as').notNull().default(''),
    /** per base unit, before tax */
    unitPrice: integer('unit_price').notNull(),
    priceSource: text('price_source').notNull().default(''),
    taxInclusive: integer('tax_inclusive', { mode: 'boolean' }).notNull().default(false),
    priceOverridden: integer('price_overridden', { mode: 'boolean' }).notNull().default(false),
    gross: integer('gross').notNull(),
    discount: integer('discount').notNull().default(0),
    discountNote: text('discount_note').notNull().default(''),
    /** clerk's extra discount, basis points */
    manualDiscountBps: integer('manual_discount_bps').notNull().default(0),
    isFree: integer('is_free', { mode: 'boolean' }).notNull().default(false),
    schemeId: integer('scheme_id'),
    /**
     * The end-buyer agreement line (end_buyer_agreement_lines.id) that priced this line, when one did: its invoice
     * lines accrue the brand's ship-and-debit support. No foreign key here: that table's file imports this one.
     */
    endBuyerAgreementLineId: integer('end_buyer_agreement_line_id'),
    /**
     * For a free line, the rule that earns it, copied from its scheme when the order was priced so a
     * later edit of the scheme cannot change what was promised: every earn_buy_quantity paid units of
     * earned_by_product_id (summed over the order's paid lines) earn earn_get_quantity free, once or
     * for every multiple (earn_repeat), never more than the line's quantity. Null: not linked.
     */
    earnedByProductId: integer('earned_by_product_id').references(() => products.id),
    earnBuyQuantity: integer('earn_buy_quantity'),
    earnGetQuantity: integer('earn_get_quantity'),
    earnRepeat: integer('earn_repeat', { mode: 'boolean' }),
    taxRate: integer('tax_rate_bps').notNull(),
    taxable: integer('taxable').notNull(),
    tax: integer('tax').notNull(),
    total: integer('total').notNull(),
    shortageAction: text('shortage_action').notNull().default('backorder'),
    /** set when a shortage is filled from another warehouse than the order's */
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    allocated: integer('allocated').notNull().default(0),
    backordered: integer('backordered').notNull().default(0),
    allocationNote: text('allocation_note').notNull().default(''),
    picked: integer('picked').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_lines_order_no_uq').on(t.orderId, t.lineNo),
    index('order_lines_product_idx').on(t.productId),
  ],
);

/** Hard reservations, keyed by order line and batch: two clerks can never sell the same last unit. */
export const reservations = sqliteTable(
  'reservations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    quantity: integer('quantity').notNull(),
    /** active → picked/issued, or released when the order is cancelled or re-allocated */
    status: text('status').notNull().default('active'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('reservations_line_idx').on(t.orderLineId),
    index('reservations_stock_idx').on(t.warehouseId, t.batchId, t.status),
  ],
);

export const orderEvents = sqliteTable(
  'order_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

export const approvals = sqliteTable(
  'approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** JSON array of { kind, message }: credit breach, discount beyond threshold, price override */
    reasons: text('reasons').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('approvals_status_idx').on(t.status, t.id), index('approvals_order_idx').on(t.orderId)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    text: text('text').notNull(),
    orderId: integer('order_id').references(() => orders.id),
    readAt: text('read_at'),
    /** approval_requested | approval_reminder | approval_escalated | approval_decided | other */
    kind: text('kind').notNull().default('other'),
    /** what the note is about (an approval request, a customer…), for the link in the list */
    subjectType: text('subject_type'),
    subjectId: integer('subject_id'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt),
    // the bell's list pages newest first by id
    index('notifications_user_id_idx').on(t.userId, t.id),
  ],
);

/** Minimal invoice ledger for credit exposure; the billing issue extends it. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    invoiceDate: text('invoice_date').notNull(),
    dueDate: text('due_date').notNull(),
    total: integer('total').notNull(),
    paid: integer('paid').notNull().default(0),
    /** credit notes against this invoice (returns, price differences) */
    credited: integer('credited').notNull().default(0),
    status: text('status').notNull().default('posted'),
    placeOfSupply: text('place_of_supply').notNull().default(''),
    /** The parties copied from the order at posting (customers ids) besides the sold-to customer; null = the sold-to itself. */
    billToId: integer('bill_to_id').references(() => customers.id),
    shipToId: integer('ship_to_id').references(() => customers.id),
    payerId: integer('payer_id').references(() => customers.id),
    /** the end buyer as a party (a customer record), when an end-buyer agreement or forecast names it */
    endBuyerId: integer('end_buyer_id').references(() => customers.id),
    gross: integer('gross').notNull().default(0),
    discount: integer('discount').notNull().default(0),
    taxable: integer('taxable').notNull().default(0),
    cgst: integer('cgst').notNull().default(0),
    sgst: integer('sgst').notNull().default(0),
    igst: integer('igst').notNull().default(0),
    roundOff: integer('round_off').notNull().default(0),
    postedAt: text('posted_at'),
    postedBy: integer('posted_by'),
    /** a cancelled invoice keeps its number and lines; its delivery notes go back to "to invoice" */
    cancelledAt: text('cancelled_at'),
    cancelledOn: text('cancelled_on'),
    cancelledBy: integer('cancelled_by'),
    cancelReason: text('cancel_reason').notNull().default(''),
  },
  (t) => [
    index('invoices_customer_idx').on(t.customerId, t.status, t.dueDate),
    index('invoices_date_idx').on(t.invoiceDate),
    // What is still owed (or over-credited): a few thousand posted invoices, not every one ever posted, read
    // without the table for customer performance and the receivables ageing (invoice date and payer are in it
    // for the ageing and the payer). A query must say `status = 'posted' AND total <> paid + credited` to use
    // it (a settled invoice adds 0 to either sum).
    index('invoices_open_idx')
      .on(t.customerId, t.dueDate, t.total, t.paid, t.credited, t.invoiceDate, t.payerId)
      .where(sql`status = 'posted' AND total <> paid + credited`),
  ],
);

export const priceLists = sqliteTable(
  'price_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** end_buyer | customer | type_geography | type | geography */
    scope: text('scope').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    customerType: text('customer_type').notNull().default(''),
    stateCode: text('state_code').notNull().default(''),
    district: text('district').notNull().default(''),
    area: text('area').notNull().default(''),
    endBuyer: text('end_buyer').notNull().default(''),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    taxInclusive: integer('tax_inclusive', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('price_lists_scope_idx').on(t.scope, t.active)],
);

export const priceListItems = sqliteTable(
  'price_list_items',
  {
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** slab: this price from this many base units up */
    minQuantity: integer('min_quantity').notNull().default(1),
    price: integer('price').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.productId, t.minQuantity] }),
    index('price_list_items_product_idx').on(t.productId),
  ],
);

export const schemes = sqliteTable('schemes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** value | volume | free_goods */
  kind: text('kind').notNull(),
  /** JSON, checked by the scheme schema: slabs, products, free goods */
  rule: text('rule').notNull(),
  /** JSON: customer ids, types, states, districts it applies to (empty = everyone) */
  eligibility: text('eligibility').notNull().default('{}'),
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
  priority: integer('priority').notNull().default(100),
  exclusive: integer('exclusive', { mode: 'boolean' }).notNull().default(false),
  budgetCap: integer('budget_cap'),
  budgetUsed: integer('budget_used').notNull().default(0),
  /** the brand (suppliers.id) that funds the benefit and repays it on a scheme claim; null: the distributor's own */
  fundedBySupplierId: integer('funded_by_supplier_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});
