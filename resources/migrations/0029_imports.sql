CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`next_row` integer NOT NULL,
	`next_offset` integer NOT NULL,
	`imported` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`state` text DEFAULT '{}' NOT NULL,
	`csv_file` text,
	`user_id` integer,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `imports_status_idx` ON `imports` (`status`);