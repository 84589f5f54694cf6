CREATE TABLE `channel_stock_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`period_start` text NOT NULL,
	`report_date` text NOT NULL,
	`closing_quantity` integer,
	`sold_quantity` integer,
	`source` text NOT NULL,
	`import_id` integer,
	`recorded_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_stock_reports_key` ON `channel_stock_reports` (`customer_id`,`product_id`,`report_date`);--> statement-breakpoint
CREATE INDEX `channel_stock_reports_product_idx` ON `channel_stock_reports` (`product_id`,`report_date`);--> statement-breakpoint
CREATE TABLE `claim_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` integer,
	`product_id` integer,
	`batch_id` integer,
	`quantity` integer DEFAULT 0 NOT NULL,
	`amount` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_lines_claim_idx` ON `claim_lines` (`claim_id`,`line_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `claim_lines_source_key` ON `claim_lines` (`source_kind`,`source_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text,
	`supplier_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`period_from` text,
	`period_to` text,
	`filed_on` text,
	`amount` integer DEFAULT 0 NOT NULL,
	`accepted_amount` integer,
	`settled_amount` integer,
	`brand_reference` text DEFAULT '' NOT NULL,
	`brand_credit_note` text DEFAULT '' NOT NULL,
	`settled_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_number_unique` ON `claims` (`number`);--> statement-breakpoint
CREATE INDEX `claims_supplier_idx` ON `claims` (`supplier_id`,`status`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`);--> statement-breakpoint
ALTER TABLE `customers` ADD `bill_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `ship_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `payer_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `invoices` ADD `bill_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `invoices` ADD `ship_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `invoices` ADD `payer_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `invoices` ADD `end_buyer_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `bill_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_to_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `payer_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `end_buyer_id` integer REFERENCES customers(id);