CREATE TABLE `order_status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
