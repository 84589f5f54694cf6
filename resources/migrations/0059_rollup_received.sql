DROP INDEX `payments_received_idx`;--> statement-breakpoint
ALTER TABLE `sales_rollups` ADD `received` integer DEFAULT 0 NOT NULL;