CREATE TABLE `channel_import_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer,
	`outlet_text` text NOT NULL,
	`product_text` text NOT NULL,
	`customer_id` integer,
	`product_id` integer,
	`period_start` text NOT NULL,
	`report_date` text NOT NULL,
	`closing_quantity` integer,
	`sold_quantity` integer,
	`unit` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channel_import_rows_status_idx` ON `channel_import_rows` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `channel_product_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer,
	`code` text NOT NULL,
	`product_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_product_aliases_key` ON `channel_product_aliases` (`code`,`customer_id`);--> statement-breakpoint
CREATE TABLE `forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`month` text NOT NULL,
	`quantity` integer NOT NULL,
	`source` text NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forecasts_key` ON `forecasts` (`customer_id`,`product_id`,`month`);--> statement-breakpoint
CREATE INDEX `forecasts_month_idx` ON `forecasts` (`month`);