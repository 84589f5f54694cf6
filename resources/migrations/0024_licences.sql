ALTER TABLE `company` ADD `licence_policy` text DEFAULT 'block' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `drug_licence_20b` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `drug_licence_21b` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `drug_licence_expiry` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `fssai_licence` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `fssai_expiry` text;--> statement-breakpoint
ALTER TABLE `products` ADD `licence` text DEFAULT 'none' NOT NULL;