CREATE TABLE `held_postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`input` text NOT NULL,
	`value` integer NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`document_id` integer,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `held_postings_status_idx` ON `held_postings` (`kind`,`status`);