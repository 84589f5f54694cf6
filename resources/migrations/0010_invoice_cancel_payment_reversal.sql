ALTER TABLE `company` ADD `invoice_cancel_days` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `cancelled_at` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `cancelled_on` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `cancelled_by` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `cancel_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `reversed_at` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `reversed_on` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `reversed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `payments` ADD `reversal_reason` text DEFAULT '' NOT NULL;