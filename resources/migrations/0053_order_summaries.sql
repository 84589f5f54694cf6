CREATE TABLE `customer_order_months` (
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`last_order` text,
	PRIMARY KEY(`customer_id`, `month`)
);
--> statement-breakpoint
CREATE TABLE `order_day_statuses` (
	`order_date` text NOT NULL,
	`status` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`order_date`, `status`)
);
--> statement-breakpoint
CREATE TABLE `scheme_days` (
	`order_date` text NOT NULL,
	`scheme_id` integer NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`benefit` integer DEFAULT 0 NOT NULL,
	`order_value` integer DEFAULT 0 NOT NULL,
	`free_goods` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`order_date`, `scheme_id`)
);
--> statement-breakpoint
CREATE INDEX `orders_date_customer_idx` ON `orders` (`order_date`,`customer_id`,`status`,`total`);