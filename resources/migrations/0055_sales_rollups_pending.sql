CREATE TABLE `sales_rollups_pending` (
	`id` integer PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`confirmed_orders` integer DEFAULT 0 NOT NULL,
	`confirmed_qty` integer DEFAULT 0 NOT NULL,
	`confirmed_value` integer DEFAULT 0 NOT NULL,
	`booked_orders` integer DEFAULT 0 NOT NULL,
	`booked_qty` integer DEFAULT 0 NOT NULL,
	`booked_value` integer DEFAULT 0 NOT NULL,
	`free_goods_value` integer DEFAULT 0 NOT NULL,
	`discount_value` integer DEFAULT 0 NOT NULL,
	`cancelled_orders` integer DEFAULT 0 NOT NULL,
	`cancelled_qty` integer DEFAULT 0 NOT NULL,
	`cancelled_value` integer DEFAULT 0 NOT NULL
);
