ALTER TABLE `order_lines` ADD `earned_by_product_id` integer REFERENCES products(id);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `earn_buy_quantity` integer;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `earn_get_quantity` integer;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `earn_repeat` integer;