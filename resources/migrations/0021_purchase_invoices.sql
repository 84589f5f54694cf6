CREATE TABLE `purchase_invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_invoice_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`purchase_order_line_id` integer,
	`quantity` integer NOT NULL,
	`free_quantity` integer DEFAULT 0 NOT NULL,
	`rate` integer NOT NULL,
	`discount_bps` integer DEFAULT 0 NOT NULL,
	`discount_amount` integer DEFAULT 0 NOT NULL,
	`gross` integer NOT NULL,
	`discount` integer NOT NULL,
	`charges` integer NOT NULL,
	`taxable` integer NOT NULL,
	`tax_rate_bps` integer NOT NULL,
	`cgst` integer NOT NULL,
	`sgst` integer NOT NULL,
	`igst` integer NOT NULL,
	`total` integer NOT NULL,
	`order_rate` integer,
	`excess_quantity` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`purchase_invoice_id`) REFERENCES `purchase_invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_order_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_invoice_lines_no_idx` ON `purchase_invoice_lines` (`purchase_invoice_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `purchase_invoice_lines_product_idx` ON `purchase_invoice_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `purchase_invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`supplier_id` integer NOT NULL,
	`supplier_invoice_no` text NOT NULL,
	`invoice_date` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`purchase_order_id` integer,
	`goods_receipt_id` integer,
	`matched_receipt` integer DEFAULT 0 NOT NULL,
	`intra_state` integer NOT NULL,
	`gross` integer NOT NULL,
	`discount` integer NOT NULL,
	`freight` integer DEFAULT 0 NOT NULL,
	`other_charges` integer DEFAULT 0 NOT NULL,
	`taxable` integer NOT NULL,
	`cgst` integer NOT NULL,
	`sgst` integer NOT NULL,
	`igst` integer NOT NULL,
	`round_off` integer NOT NULL,
	`total` integer NOT NULL,
	`tds` integer DEFAULT 0 NOT NULL,
	`paid` integer DEFAULT 0 NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'posted' NOT NULL,
	`cancelled_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`posted_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_order_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goods_receipt_id`) REFERENCES `goods_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_invoices_number_unique` ON `purchase_invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_invoices_supplier_no_idx` ON `purchase_invoices` (`supplier_id`,`supplier_invoice_no`);--> statement-breakpoint
CREATE INDEX `purchase_invoices_date_idx` ON `purchase_invoices` (`invoice_date`);--> statement-breakpoint
CREATE TABLE `supplier_payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`purchase_invoice_id` integer NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `supplier_payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_invoice_id`) REFERENCES `purchase_invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supplier_payment_allocations_invoice_idx` ON `supplier_payment_allocations` (`purchase_invoice_id`);--> statement-breakpoint
CREATE TABLE `supplier_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`supplier_id` integer NOT NULL,
	`paid_on` text NOT NULL,
	`mode` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`amount` integer NOT NULL,
	`unallocated` integer DEFAULT 0 NOT NULL,
	`posted_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_payments_number_unique` ON `supplier_payments` (`number`);--> statement-breakpoint
CREATE INDEX `supplier_payments_supplier_idx` ON `supplier_payments` (`supplier_id`,`paid_on`);