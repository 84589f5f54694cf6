ALTER TABLE `company` ADD `invoice_flow` text DEFAULT 'with_delivery_note' NOT NULL;--> statement-breakpoint
ALTER TABLE `company` ADD `eway_bill_threshold` integer DEFAULT 5000000 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfers` ADD `challan_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_challan_number_unique` ON `transfers` (`challan_number`);--> statement-breakpoint
ALTER TABLE `dispatch_notes` ADD `eway_bill` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `dispatch_notes` ADD `eway_bill_override` text DEFAULT '' NOT NULL;