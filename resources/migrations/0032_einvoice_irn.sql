CREATE TABLE `einvoice_irns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_type` text NOT NULL,
	`invoice_id` integer,
	`credit_note_id` integer,
	`irn_status` text NOT NULL,
	`irn` text,
	`ack_no` text,
	`ack_date` text,
	`ack_at` text,
	`signed_qr_code` text,
	`signed_invoice` text,
	`errors` text DEFAULT '[]' NOT NULL,
	`irn_cancelled_at` text,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `einvoice_irns_invoice_uq` ON `einvoice_irns` (`invoice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `einvoice_irns_credit_note_uq` ON `einvoice_irns` (`credit_note_id`);--> statement-breakpoint
ALTER TABLE `company` ADD `einvoice_from` text;--> statement-breakpoint
ALTER TABLE `products` ADD `uqc` text DEFAULT '' NOT NULL;