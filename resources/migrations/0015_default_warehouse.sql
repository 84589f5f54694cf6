ALTER TABLE `users` ADD `default_warehouse_id` integer REFERENCES warehouses(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `default_warehouse_id` integer REFERENCES warehouses(id);