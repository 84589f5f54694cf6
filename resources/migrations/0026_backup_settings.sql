CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`folder` text DEFAULT '' NOT NULL,
	`keep` integer DEFAULT 14 NOT NULL,
	`last_at` text,
	`last_business_date` text,
	`last_file` text,
	`last_size` integer,
	`last_result` text,
	`last_message` text DEFAULT '' NOT NULL
);
