CREATE TABLE `closing_stock_days` (
	`warehouse_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`warehouse_id`, `business_date`)
);
--> statement-breakpoint
CREATE TABLE `hq_masters` (
	`master_type` text NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`data` text NOT NULL,
	`local_ref` text,
	`pulled_at` text NOT NULL,
	PRIMARY KEY(`master_type`, `key`, `version`)
);
--> statement-breakpoint
CREATE TABLE `primary_shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_invoice_number` text NOT NULL,
	`invoice_date` text NOT NULL,
	`data` text NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'in_transit' NOT NULL,
	`goods_receipt_id` integer,
	`receipt` text,
	`received_at` text,
	`pulled_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `primary_shipments_brand_invoice_number_unique` ON `primary_shipments` (`brand_invoice_number`);--> statement-breakpoint
CREATE TABLE `sync_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`hq_address` text DEFAULT '' NOT NULL,
	`device_id` text,
	`secret` text,
	`distributor_code` text DEFAULT '' NOT NULL,
	`distributor_name` text DEFAULT '' NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`enrolled_at` text,
	`last_push_at` text,
	`last_pull_at` text,
	`last_error` text DEFAULT '' NOT NULL,
	`last_error_at` text,
	`pull_cursor` text,
	`hq_high_water_mark` integer DEFAULT 0 NOT NULL,
	`last_control_totals` text
);
