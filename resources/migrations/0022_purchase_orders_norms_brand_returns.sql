CREATE TABLE `stock_norms` (
	`warehouse_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`min_quantity` integer,
	`max_quantity` integer,
	`cover_days` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`warehouse_id`, `product_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `brand_return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_return_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	`tax_rate_bps` integer NOT NULL,
	`tax` integer NOT NULL,
	FOREIGN KEY (`brand_return_id`) REFERENCES `brand_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brand_return_lines_no_idx` ON `brand_return_lines` (`brand_return_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `brand_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`supplier_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`return_date` text NOT NULL,
	`reason` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`value` integer NOT NULL,
	`cgst` integer DEFAULT 0 NOT NULL,
	`sgst` integer DEFAULT 0 NOT NULL,
	`igst` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`status` text DEFAULT 'claimed' NOT NULL,
	`accepted` integer,
	`claim_reference` text DEFAULT '' NOT NULL,
	`claim_settled_on` text,
	`posted_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brand_returns_number_unique` ON `brand_returns` (`number`);--> statement-breakpoint
CREATE INDEX `brand_returns_supplier_idx` ON `brand_returns` (`supplier_id`,`return_date`);--> statement-breakpoint
ALTER TABLE `purchase_orders` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `purchase_orders` ADD `cancel_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `purchase_orders` ADD `version` integer DEFAULT 1 NOT NULL;