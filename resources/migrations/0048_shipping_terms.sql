CREATE TABLE `customer_shipping_terms` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`freight_basis` text DEFAULT 'paid' NOT NULL,
	`transporter_id` integer,
	`carrier_account` text DEFAULT '' NOT NULL,
	`packing_instructions` text DEFAULT '' NOT NULL,
	`freight_rule` text,
	`freight_amount` integer DEFAULT 0 NOT NULL,
	`freight_rate_bps` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transporter_id`) REFERENCES `transporters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoice_charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`sac` text NOT NULL,
	`taxable` integer NOT NULL,
	`tax_rate_bps` integer NOT NULL,
	`cgst` integer NOT NULL,
	`sgst` integer NOT NULL,
	`igst` integer NOT NULL,
	`total` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_charges_invoice_idx` ON `invoice_charges` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `order_shipping_terms` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`freight_basis` text DEFAULT 'paid' NOT NULL,
	`transporter_id` integer,
	`carrier_account` text DEFAULT '' NOT NULL,
	`packing_instructions` text DEFAULT '' NOT NULL,
	`freight_rule` text,
	`freight_amount` integer DEFAULT 0 NOT NULL,
	`freight_rate_bps` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transporter_id`) REFERENCES `transporters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `company` ADD `freight_gst_rate_bps` integer DEFAULT 1800 NOT NULL;