CREATE TABLE `end_buyer_agreement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`special_price` integer NOT NULL,
	`list_cost` integer NOT NULL,
	`agreed_cost` integer NOT NULL,
	`quantity_cap` integer,
	FOREIGN KEY (`agreement_id`) REFERENCES `end_buyer_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `end_buyer_agreement_lines_key` ON `end_buyer_agreement_lines` (`agreement_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `end_buyer_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_id` integer NOT NULL,
	`end_buyer_id` integer NOT NULL,
	`number` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`sold_to_ids` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`end_buyer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `end_buyer_agreements_number_key` ON `end_buyer_agreements` (`supplier_id`,`number`);--> statement-breakpoint
CREATE INDEX `end_buyer_agreements_buyer_idx` ON `end_buyer_agreements` (`end_buyer_id`,`valid_to`);--> statement-breakpoint
CREATE TABLE `ship_and_debit_accruals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_line_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`invoice_line_id` integer NOT NULL,
	`credit_note_id` integer,
	`kind` text NOT NULL,
	`accrued_on` text NOT NULL,
	`quantity` integer NOT NULL,
	`claim_per_unit` integer NOT NULL,
	`amount` integer NOT NULL,
	`claim_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agreement_line_id`) REFERENCES `end_buyer_agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ship_and_debit_accruals_line_idx` ON `ship_and_debit_accruals` (`agreement_line_id`,`accrued_on`);--> statement-breakpoint
CREATE INDEX `ship_and_debit_accruals_invoice_line_idx` ON `ship_and_debit_accruals` (`invoice_line_id`);--> statement-breakpoint
CREATE INDEX `ship_and_debit_accruals_claim_idx` ON `ship_and_debit_accruals` (`claim_id`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `end_buyer_agreement_line_id` integer;