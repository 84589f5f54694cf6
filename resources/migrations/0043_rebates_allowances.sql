CREATE TABLE `rebate_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`customer_id` integer,
	`customer_type` text,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`basis` text NOT NULL,
	`rate_kind` text NOT NULL,
	`method` text NOT NULL,
	`product_id` integer,
	`brand` text DEFAULT '' NOT NULL,
	`funded_by` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_type`) REFERENCES `customer_types`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funded_by`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rebate_agreements_code_unique` ON `rebate_agreements` (`code`);--> statement-breakpoint
CREATE INDEX `rebate_agreements_period_idx` ON `rebate_agreements` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `rebate_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`invoice_id` integer,
	`credit_note_id` integer,
	`value` integer DEFAULT 0 NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	`amount` integer NOT NULL,
	`rate` integer DEFAULT 0 NOT NULL,
	`projected` integer DEFAULT 0 NOT NULL,
	`entry_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `rebate_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rebate_entries_agreement_idx` ON `rebate_entries` (`agreement_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `rebate_entries_invoice_idx` ON `rebate_entries` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `rebate_settlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`settled_on` text NOT NULL,
	`achieved_value` integer NOT NULL,
	`achieved_units` integer NOT NULL,
	`rate` integer NOT NULL,
	`earned` integer NOT NULL,
	`accrued` integer NOT NULL,
	`credit_note_ids` text DEFAULT '[]' NOT NULL,
	`claim_id` integer,
	`settled_by` integer,
	FOREIGN KEY (`agreement_id`) REFERENCES `rebate_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rebate_settlements_key` ON `rebate_settlements` (`agreement_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `rebate_tiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`threshold` integer NOT NULL,
	`rate` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `rebate_agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rebate_tiers_key` ON `rebate_tiers` (`agreement_id`,`threshold`);--> statement-breakpoint
CREATE TABLE `return_allowances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer,
	`customer_type` text,
	`allowance_bps` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_type`) REFERENCES `customer_types`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rotation_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`allowance_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`credit_note_id` integer NOT NULL,
	`return_date` text NOT NULL,
	`value` integer NOT NULL,
	FOREIGN KEY (`allowance_id`) REFERENCES `return_allowances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rotation_returns_customer_idx` ON `rotation_returns` (`customer_id`,`return_date`);