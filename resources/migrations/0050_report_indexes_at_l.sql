DROP INDEX `invoices_open_idx`;--> statement-breakpoint
CREATE INDEX `invoices_open_idx` ON `invoices` (`customer_id`,`due_date`,`total`,`paid`,`credited`,`invoice_date`,`payer_id`) WHERE status = 'posted' AND total <> paid + credited;--> statement-breakpoint
CREATE INDEX `orders_with_schemes_idx` ON `orders` (`order_date`) WHERE json_array_length(schemes, '$.applied') > 0;--> statement-breakpoint
CREATE INDEX `order_milestones_paid_stages_idx` ON `order_milestones` (`fully_paid_on`,`order_date`,`first_delivered_on`,`first_invoiced_on`);