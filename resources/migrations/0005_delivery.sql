CREATE TABLE `delivery_note_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_note_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`reservation_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`delivery_note_id`) REFERENCES `delivery_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_note_lines_note_idx` ON `delivery_note_lines` (`delivery_note_id`);--> statement-breakpoint
CREATE INDEX `delivery_note_lines_order_line_idx` ON `delivery_note_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `delivery_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`order_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`ship_to` text NOT NULL,
	`place_of_supply` text NOT NULL,
	`packages` integer DEFAULT 0 NOT NULL,
	`weight_grams` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'posted' NOT NULL,
	`invoice_id` integer,
	`posted_at` text NOT NULL,
	`posted_by` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_notes_number_unique` ON `delivery_notes` (`number`);--> statement-breakpoint
CREATE INDEX `delivery_notes_order_idx` ON `delivery_notes` (`order_id`);--> statement-breakpoint
CREATE INDEX `delivery_notes_customer_idx` ON `delivery_notes` (`customer_id`,`invoice_id`);