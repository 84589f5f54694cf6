CREATE TABLE `customer_distances` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`km` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `eway_bills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`number` text NOT NULL,
	`generated_at` text NOT NULL,
	`valid_upto` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eway_bills_invoice_id_unique` ON `eway_bills` (`invoice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `eway_bills_number_unique` ON `eway_bills` (`number`);--> statement-breakpoint
CREATE TABLE `transporters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`transporter_id` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transporters_transporter_id_unique` ON `transporters` (`transporter_id`);--> statement-breakpoint
ALTER TABLE `dispatches` ADD `transporter_id` integer;--> statement-breakpoint
ALTER TABLE `dispatches` ADD `vehicle_type` text DEFAULT 'R' NOT NULL;--> statement-breakpoint
ALTER TABLE `dispatches` ADD `lr_date` text;--> statement-breakpoint
ALTER TABLE `dispatches` ADD `distance_km` integer;