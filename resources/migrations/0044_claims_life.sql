CREATE TABLE `claim_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`claim_line_id` integer,
	`filename` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_as` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_line_id`) REFERENCES `claim_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_evidence_claim_idx` ON `claim_evidence` (`claim_id`);--> statement-breakpoint
CREATE TABLE `price_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`old_rate` integer NOT NULL,
	`new_rate` integer NOT NULL,
	`effective_on` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_changes_product_idx` ON `price_changes` (`product_id`,`effective_on`);--> statement-breakpoint
ALTER TABLE `schemes` ADD `funded_by_supplier_id` integer;--> statement-breakpoint
ALTER TABLE `claim_lines` ADD `accepted_amount` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `answered_on` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `answer_reason` text DEFAULT '' NOT NULL;