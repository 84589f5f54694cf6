ALTER TABLE `company` ADD `margin_policy` text DEFAULT 'approval' NOT NULL;--> statement-breakpoint
ALTER TABLE `delivery_note_lines` ADD `cost` integer;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `cost` integer;--> statement-breakpoint
ALTER TABLE `credit_note_lines` ADD `cost` integer;