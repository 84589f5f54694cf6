CREATE TABLE `order_milestones` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`number` text,
	`customer_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`created_by` integer,
	`status` text NOT NULL,
	`payment_status` text NOT NULL,
	`order_date` text NOT NULL,
	`required_date` text,
	`confirmed_at` text,
	`confirmed_on` text,
	`first_delivered_at` text,
	`first_delivered_on` text,
	`last_delivered_at` text,
	`last_delivered_on` text,
	`fully_delivered_on` text,
	`first_invoiced_on` text,
	`fully_invoiced_on` text,
	`fully_paid_on` text,
	`open_lines` integer DEFAULT 0 NOT NULL,
	`undelivered_since` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_milestones_delivered_idx` ON `order_milestones` (`fully_delivered_on`);--> statement-breakpoint
CREATE INDEX `order_milestones_paid_idx` ON `order_milestones` (`fully_paid_on`);--> statement-breakpoint
CREATE INDEX `order_milestones_undelivered_idx` ON `order_milestones` (`undelivered_since`);