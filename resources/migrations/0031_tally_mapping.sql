CREATE TABLE `tally_mapping` (
	`id` integer PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tally_party_names` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`ledger_name` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tally_party_names_ledger_idx` ON `tally_party_names` (`ledger_name`);