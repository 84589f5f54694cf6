import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What HQ is owed: one immutable event per business change, written in the change's own
 * transaction. seq is the device's sequence (AUTOINCREMENT: never reused, even after a restore
 * trims rows), so HQ orders by it and never by clocks.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull().unique(),
    type: text('type').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    /** the device's clock: informational only */
    occurredAt: text('occurred_at').notNull(),
    businessDate: text('business_date').notNull(),
    /** the state at the time of the event, as JSON */
    payload: text('payload').notNull(),
    /** pending until HQ answers; accepted | duplicate once HQ holds it; parked when rejected; skipped by an admin */
    status: text('status').notNull().default('pending'),
    reason: text('reason').notNull().default(''),
    answeredAt: text('answered_at'),
  },
  (t) => [index('outbox_status_seq_idx').on(t.status, t.seq)],
);

/**
 * This installation's link to HQ: one row. The secret is HQ's bearer credential for this device;
 * it never leaves the main process (the API reports only whether one is held).
 */
export const syncSettings = sqliteTable('sync_settings', {
  id: integer('id').primaryKey(),
  hqAddress: text('hq_address').notNull().default(''),
  deviceId: text('device_id'),
  secret: text('secret'),
  distributorCode: text('distributor_code').notNull().default(''),
  distributorName: text('distributor_name').notNull().default(''),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  enrolledAt: text('enrolled_at'),
  lastPushAt: text('last_push_at'),
  lastPullAt: text('last_pull_at'),
  /** the last failure in words a clerk can act on; empty once a run succeeds */
  lastError: text('last_error').notNull().default(''),
  lastErrorAt: text('last_error_at'),
  pullCursor: text('pull_cursor'),
  /** what HQ last said it holds without gaps (deviceSeq 1..n) */
  hqHighWaterMark: integer('hq_high_water_mark').notNull().default(0),
  /** the last daily control-total answer from HQ, as JSON */
  lastControlTotals: text('last_control_totals'),
});

/** Every master version pulled from HQ, kept as sent; localRef names the row it became here, if any. */
export const hqMasters = sqliteTable(
  'hq_masters',
  {
    masterType: text('master_type').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    data: text('data').notNull(),
    localRef: text('local_ref'),
    pulledAt: text('pulled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.masterType, t.key, t.version] })],
);

/** Goods the brand invoiced to us: in transit until received against a goods receipt. */
export const primaryShipments = sqliteTable('primary_shipments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  brandInvoiceNumber: text('brand_invoice_number').notNull().unique(),
  invoiceDate: text('invoice_date').notNull(),
  /** the shipment as HQ published it (lines with batches, dates, quantities, rates), JSON */
  data: text('data').notNull(),
  version: integer('version').notNull(),
  /** in_transit | received */
  status: text('status').notNull().default('in_transit'),
  goodsReceiptId: integer('goods_receipt_id'),
  /** per line: expected, received, damaged, short, excess, JSON */
  receipt: text('receipt'),
  receivedAt: text('received_at'),
  pulledAt: text('pulled_at').notNull(),
});

/** The closing-stock snapshots already written: one per warehouse and business day, never two. */
export const closingStockDays = sqliteTable(
  'closing_stock_days',
  {
    warehouseId: integer('warehouse_id').notNull(),
    businessDate: text('business_date').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.businessDate] })],
);
