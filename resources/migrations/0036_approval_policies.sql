CREATE TABLE `approval_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`level` integer NOT NULL,
	`approver_id` integer,
	`on_behalf_of` integer,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `approval_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_decisions_request_idx` ON `approval_decisions` (`request_id`,`level`);--> statement-breakpoint
CREATE TABLE `approval_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `approval_policies_subject_idx` ON `approval_policies` (`subject`);--> statement-breakpoint
CREATE TABLE `approval_policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_id` integer NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`priority` integer DEFAULT 100 NOT NULL,
	`conditions` text DEFAULT '{}' NOT NULL,
	`mode` text DEFAULT 'sequence' NOT NULL,
	`levels` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`policy_id`) REFERENCES `approval_policies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_policy_versions_idx` ON `approval_policy_versions` (`policy_id`,`version`);--> statement-breakpoint
CREATE TABLE `approval_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`order_id` integer,
	`policy_version_id` integer,
	`plan` text NOT NULL,
	`reasons` text NOT NULL,
	`snapshot` text DEFAULT '{}' NOT NULL,
	`snapshot_hash` text DEFAULT '' NOT NULL,
	`level` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`level_started_at` text NOT NULL,
	`escalate_at` text,
	`escalated_to` integer,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_version_id`) REFERENCES `approval_policy_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalated_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_requests_status_idx` ON `approval_requests` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `approval_requests_subject_idx` ON `approval_requests` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `approval_requests_order_idx` ON `approval_requests` (`order_id`);--> statement-breakpoint
CREATE INDEX `approval_requests_escalate_idx` ON `approval_requests` (`status`,`escalate_at`);