CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`reasons` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_status_idx` ON `approvals` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `approvals_order_idx` ON `approvals` (`order_id`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`invoice_date` text NOT NULL,
	`due_date` text NOT NULL,
	`total` integer NOT NULL,
	`paid` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'posted' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`text` text NOT NULL,
	`order_id` integer,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`entered_as` text DEFAULT '' NOT NULL,
	`unit_price` integer NOT NULL,
	`price_source` text DEFAULT '' NOT NULL,
	`tax_inclusive` integer DEFAULT false NOT NULL,
	`price_overridden` integer DEFAULT false NOT NULL,
	`gross` integer NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`discount_note` text DEFAULT '' NOT NULL,
	`manual_discount_bps` integer DEFAULT 0 NOT NULL,
	`is_free` integer DEFAULT false NOT NULL,
	`scheme_id` integer,
	`tax_rate_bps` integer NOT NULL,
	`taxable` integer NOT NULL,
	`tax` integer NOT NULL,
	`total` integer NOT NULL,
	`shortage_action` text DEFAULT 'backorder' NOT NULL,
	`warehouse_id` integer,
	`allocated` integer DEFAULT 0 NOT NULL,
	`backordered` integer DEFAULT 0 NOT NULL,
	`allocation_note` text DEFAULT '' NOT NULL,
	`picked` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_no_uq` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`payment_status` text DEFAULT 'unpaid' NOT NULL,
	`customer_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`payment_type` text DEFAULT 'credit' NOT NULL,
	`end_buyer` text DEFAULT '' NOT NULL,
	`required_date` text,
	`reference` text DEFAULT '' NOT NULL,
	`remarks` text DEFAULT '' NOT NULL,
	`order_date` text NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`taxable` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`schemes` text DEFAULT '[]' NOT NULL,
	`credit` text DEFAULT 'null' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`,`order_date`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`,`order_date`);--> statement-breakpoint
CREATE INDEX `orders_date_idx` ON `orders` (`order_date`);--> statement-breakpoint
CREATE INDEX `orders_creator_idx` ON `orders` (`created_by`,`order_date`);--> statement-breakpoint
CREATE TABLE `price_list_items` (
	`price_list_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`min_quantity` integer DEFAULT 1 NOT NULL,
	`price` integer NOT NULL,
	PRIMARY KEY(`price_list_id`, `product_id`, `min_quantity`),
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_list_items_product_idx` ON `price_list_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`customer_id` integer,
	`customer_type` text DEFAULT '' NOT NULL,
	`state_code` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`end_buyer` text DEFAULT '' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`tax_inclusive` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_lists_scope_idx` ON `price_lists` (`scope`,`active`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_line_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reservations_line_idx` ON `reservations` (`order_line_id`);--> statement-breakpoint
CREATE INDEX `reservations_stock_idx` ON `reservations` (`warehouse_id`,`batch_id`,`status`);--> statement-breakpoint
CREATE TABLE `schemes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`rule` text NOT NULL,
	`eligibility` text DEFAULT '{}' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`priority` integer DEFAULT 100 NOT NULL,
	`exclusive` integer DEFAULT false NOT NULL,
	`budget_cap` integer,
	`budget_used` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schemes_code_unique` ON `schemes` (`code`);--> statement-breakpoint
ALTER TABLE `company` ADD `discount_approval_bps` integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_types` ADD `credit_policy` text DEFAULT 'approval' NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_types` ADD `overdue_block_days` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `credit_policy` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `overdue_block_days` integer;