-- Keep order_status_counts as orders are placed, change status or total, or are deleted (drafts).
-- An order's status changes in a dozen places (orders, approvals, picking, dispatch, billing): a
-- trigger sees them all. The table is filled from the orders at the next open when empty.
CREATE TRIGGER `orders_status_count_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO order_status_counts(status, orders, value) VALUES (new.status, 1, new.total)
    ON CONFLICT(status) DO UPDATE SET orders = orders + 1, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_status_count_au` AFTER UPDATE OF status, total ON `orders`
  WHEN old.status IS NOT new.status OR old.total IS NOT new.total BEGIN
  UPDATE order_status_counts SET orders = orders - 1, value = value - old.total WHERE status = old.status;
  INSERT INTO order_status_counts(status, orders, value) VALUES (new.status, 1, new.total)
    ON CONFLICT(status) DO UPDATE SET orders = orders + 1, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_status_count_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE order_status_counts SET orders = orders - 1, value = value - old.total WHERE status = old.status;
END;
