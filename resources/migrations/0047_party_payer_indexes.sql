-- What a customer pays for (outstanding, ageing, statement, receipts, the credit check) is read by
-- coalesce(payer_id, customer_id), the payerOf() of src-main/engine/customers/parties.ts. SQLite uses an index on
-- that same expression; drizzle-kit cannot write expression indexes for SQLite, so they live in this custom migration.
CREATE INDEX IF NOT EXISTS `invoices_payer_idx` ON `invoices` (coalesce(`payer_id`, `customer_id`), `status`, `due_date`);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `orders_payer_idx` ON `orders` (coalesce(`payer_id`, `customer_id`), `status`);
