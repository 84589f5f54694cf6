CREATE TABLE `approval_delegations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`approver_id` integer NOT NULL,
	`substitute_id` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`ended_at` text,
	`ended_by` integer,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`substitute_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_delegations_approver_idx` ON `approval_delegations` (`approver_id`,`starts_on`);--> statement-breakpoint
CREATE INDEX `approval_delegations_substitute_idx` ON `approval_delegations` (`substitute_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `business_calendar` (
	`id` integer PRIMARY KEY NOT NULL,
	`working_days` text DEFAULT '1,2,3,4,5,6' NOT NULL,
	`opens_at` text DEFAULT '09:30' NOT NULL,
	`closes_at` text DEFAULT '18:30' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `business_holidays` (
	`day` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scheduled_job_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` text,
	`last_error` text,
	`last_error_at` text
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `kind` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `subject_type` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `subject_id` integer;--> statement-breakpoint
CREATE INDEX `notifications_user_id_idx` ON `notifications` (`user_id`,`id`);