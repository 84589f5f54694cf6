CREATE TABLE `receivables_by_due_date` (
	`due_date` text PRIMARY KEY NOT NULL,
	`invoices` integer DEFAULT 0 NOT NULL,
	`due` integer DEFAULT 0 NOT NULL
);
