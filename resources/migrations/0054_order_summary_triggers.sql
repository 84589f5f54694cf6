-- customer_order_months is read a customer at a time over a run of months (a year: ~12 rows per customer for
-- every customer): WITHOUT ROWID keeps those rows together in the key's order instead of a key index pointing
-- into the table (half the reading at L). drizzle-kit cannot say WITHOUT ROWID, so it is made again here, empty.
DROP TABLE `customer_order_months`;
--> statement-breakpoint
CREATE TABLE `customer_order_months` (
	`customer_id` integer NOT NULL,
	`month` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`last_order` text,
	PRIMARY KEY(`customer_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Keep order_day_statuses, customer_order_months and scheme_days as orders are placed, change status,
-- total, date, customer or schemes, or are deleted (drafts). Each change takes the order's old share out
-- and puts its new share in (an upsert adding a negative share), only when the share changes. The tables
-- are filled from the orders at the next open when empty (engine/summaries/order-summaries.ts).
CREATE TRIGGER `orders_day_status_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO order_day_statuses(order_date, status, orders, value) VALUES (new.order_date, new.status, 1, new.total)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_day_status_au` AFTER UPDATE OF status, total, order_date ON `orders`
  WHEN old.status IS NOT new.status OR old.total IS NOT new.total OR old.order_date IS NOT new.order_date BEGIN
  UPDATE order_day_statuses SET orders = orders - 1, value = value - old.total
    WHERE order_date = old.order_date AND status = old.status;
  INSERT INTO order_day_statuses(order_date, status, orders, value) VALUES (new.order_date, new.status, 1, new.total)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_day_status_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE order_day_statuses SET orders = orders - 1, value = value - old.total
    WHERE order_date = old.order_date AND status = old.status;
END;
--> statement-breakpoint
-- customer_order_months: orders that are not drafts. The last order date only grows as orders come in;
-- when an order leaves its month (back to draft, deleted, moved) and was the last, it is looked up again.
CREATE TRIGGER `orders_customer_month_ai` AFTER INSERT ON `orders` WHEN new.status <> 'draft' BEGIN
  INSERT INTO customer_order_months(customer_id, month, orders, cancelled, value, last_order)
    VALUES (new.customer_id, substr(new.order_date, 1, 7), 1, new.status = 'cancelled',
            CASE WHEN new.status = 'cancelled' THEN 0 ELSE new.total END, new.order_date)
    ON CONFLICT DO UPDATE SET orders = orders + 1, cancelled = cancelled + excluded.cancelled,
      value = value + excluded.value, last_order = max(coalesce(last_order, ''), excluded.last_order);
END;
--> statement-breakpoint
CREATE TRIGGER `orders_customer_month_au` AFTER UPDATE OF status, total, order_date, customer_id ON `orders`
  WHEN (old.status = 'draft') IS NOT (new.status = 'draft') OR (old.status = 'cancelled') IS NOT (new.status = 'cancelled')
    OR old.total IS NOT new.total OR old.order_date IS NOT new.order_date OR old.customer_id IS NOT new.customer_id BEGIN
  UPDATE customer_order_months SET orders = orders - 1, cancelled = cancelled - (old.status = 'cancelled'),
      value = value - CASE WHEN old.status = 'cancelled' THEN 0 ELSE old.total END
    WHERE old.status <> 'draft' AND customer_id = old.customer_id AND month = substr(old.order_date, 1, 7);
  INSERT INTO customer_order_months(customer_id, month, orders, cancelled, value, last_order)
    SELECT new.customer_id, substr(new.order_date, 1, 7), 1, new.status = 'cancelled',
           CASE WHEN new.status = 'cancelled' THEN 0 ELSE new.total END, new.order_date
    WHERE new.status <> 'draft'
    ON CONFLICT DO UPDATE SET orders = orders + 1, cancelled = cancelled + excluded.cancelled,
      value = value + excluded.value, last_order = max(coalesce(last_order, ''), excluded.last_order);
  UPDATE customer_order_months SET last_order = (
      SELECT max(o.order_date) FROM orders o WHERE o.customer_id = old.customer_id AND o.status <> 'draft'
        AND o.order_date BETWEEN substr(old.order_date, 1, 7) || '-01' AND substr(old.order_date, 1, 7) || '-31')
    WHERE old.status <> 'draft' AND customer_id = old.customer_id AND month = substr(old.order_date, 1, 7)
      AND last_order = old.order_date
      AND (new.status = 'draft' OR new.order_date IS NOT old.order_date OR new.customer_id IS NOT old.customer_id);
END;
--> statement-breakpoint
CREATE TRIGGER `orders_customer_month_ad` AFTER DELETE ON `orders` WHEN old.status <> 'draft' BEGIN
  UPDATE customer_order_months SET orders = orders - 1, cancelled = cancelled - (old.status = 'cancelled'),
      value = value - CASE WHEN old.status = 'cancelled' THEN 0 ELSE old.total END,
      last_order = CASE WHEN last_order = old.order_date THEN (
        SELECT max(o.order_date) FROM orders o WHERE o.customer_id = old.customer_id AND o.status <> 'draft'
          AND o.order_date BETWEEN substr(old.order_date, 1, 7) || '-01' AND substr(old.order_date, 1, 7) || '-31')
        ELSE last_order END
    WHERE customer_id = old.customer_id AND month = substr(old.order_date, 1, 7);
END;
--> statement-breakpoint
-- scheme_days: orders confirmed onwards and not cancelled. An order's share: a row per scheme its schemes
-- JSON applied (or scheme 0 when it applied none), and its free lines' gross per scheme; the lines are fixed
-- before the order counts (only a draft's lines are written), and their own triggers cover any other write.
CREATE TRIGGER `orders_scheme_day_ai` AFTER INSERT ON `orders`
  WHEN new.status NOT IN ('draft', 'pending_approval', 'cancelled') BEGIN
  INSERT INTO scheme_days(order_date, scheme_id, name, orders, benefit, order_value, free_goods)
    SELECT new.order_date, json_extract(s.value, '$.schemeId'), json_extract(s.value, '$.name'), count(*),
           coalesce(sum(json_extract(s.value, '$.benefit')), 0), count(*) * new.total, 0
    FROM json_each(new.schemes, '$.applied') s WHERE true GROUP BY 2
    ON CONFLICT DO UPDATE SET name = excluded.name, orders = orders + excluded.orders,
      benefit = benefit + excluded.benefit, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, orders, order_value)
    SELECT new.order_date, 0, 1, new.total WHERE json_array_length(new.schemes, '$.applied') = 0
    ON CONFLICT DO UPDATE SET orders = orders + 1, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT new.order_date, l.scheme_id, sum(l.gross) FROM order_lines l
    WHERE l.order_id = new.id AND l.is_free = 1 AND l.scheme_id IS NOT NULL GROUP BY l.scheme_id
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_scheme_day_au` AFTER UPDATE OF status, total, order_date, schemes ON `orders`
  WHEN (old.status NOT IN ('draft', 'pending_approval', 'cancelled')) IS NOT (new.status NOT IN ('draft', 'pending_approval', 'cancelled'))
    OR (new.status NOT IN ('draft', 'pending_approval', 'cancelled')
        AND (old.total IS NOT new.total OR old.order_date IS NOT new.order_date OR old.schemes IS NOT new.schemes)) BEGIN
  INSERT INTO scheme_days(order_date, scheme_id, orders, benefit, order_value)
    SELECT old.order_date, json_extract(s.value, '$.schemeId'), -count(*),
           -coalesce(sum(json_extract(s.value, '$.benefit')), 0), -count(*) * old.total
    FROM json_each(old.schemes, '$.applied') s WHERE old.status NOT IN ('draft', 'pending_approval', 'cancelled') GROUP BY 2
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders,
      benefit = benefit + excluded.benefit, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, orders, order_value)
    SELECT old.order_date, 0, -1, -old.total WHERE json_array_length(old.schemes, '$.applied') = 0
      AND old.status NOT IN ('draft', 'pending_approval', 'cancelled')
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT old.order_date, l.scheme_id, -sum(l.gross) FROM order_lines l
    WHERE old.status NOT IN ('draft', 'pending_approval', 'cancelled')
      AND l.order_id = old.id AND l.is_free = 1 AND l.scheme_id IS NOT NULL GROUP BY l.scheme_id
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
  INSERT INTO scheme_days(order_date, scheme_id, name, orders, benefit, order_value, free_goods)
    SELECT new.order_date, json_extract(s.value, '$.schemeId'), json_extract(s.value, '$.name'), count(*),
           coalesce(sum(json_extract(s.value, '$.benefit')), 0), count(*) * new.total, 0
    FROM json_each(new.schemes, '$.applied') s WHERE new.status NOT IN ('draft', 'pending_approval', 'cancelled') GROUP BY 2
    ON CONFLICT DO UPDATE SET name = excluded.name, orders = orders + excluded.orders,
      benefit = benefit + excluded.benefit, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, orders, order_value)
    SELECT new.order_date, 0, 1, new.total WHERE json_array_length(new.schemes, '$.applied') = 0
      AND new.status NOT IN ('draft', 'pending_approval', 'cancelled')
    ON CONFLICT DO UPDATE SET orders = orders + 1, order_value = order_value + excluded.order_value;
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT new.order_date, l.scheme_id, sum(l.gross) FROM order_lines l
    WHERE new.status NOT IN ('draft', 'pending_approval', 'cancelled')
      AND l.order_id = new.id AND l.is_free = 1 AND l.scheme_id IS NOT NULL GROUP BY l.scheme_id
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_free_goods_ai` AFTER INSERT ON `order_lines`
  WHEN new.is_free = 1 AND new.scheme_id IS NOT NULL BEGIN
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT o.order_date, new.scheme_id, new.gross FROM orders o
    WHERE o.id = new.order_id AND o.status NOT IN ('draft', 'pending_approval', 'cancelled')
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_free_goods_au` AFTER UPDATE OF gross, is_free, scheme_id, order_id ON `order_lines`
  WHEN (old.is_free = 1 AND old.scheme_id IS NOT NULL) OR (new.is_free = 1 AND new.scheme_id IS NOT NULL) BEGIN
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT o.order_date, old.scheme_id, -old.gross FROM orders o
    WHERE old.is_free = 1 AND old.scheme_id IS NOT NULL
      AND o.id = old.order_id AND o.status NOT IN ('draft', 'pending_approval', 'cancelled')
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
  INSERT INTO scheme_days(order_date, scheme_id, free_goods)
    SELECT o.order_date, new.scheme_id, new.gross FROM orders o
    WHERE new.is_free = 1 AND new.scheme_id IS NOT NULL
      AND o.id = new.order_id AND o.status NOT IN ('draft', 'pending_approval', 'cancelled')
    ON CONFLICT DO UPDATE SET free_goods = free_goods + excluded.free_goods;
END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_free_goods_ad` AFTER DELETE ON `order_lines`
  WHEN old.is_free = 1 AND old.scheme_id IS NOT NULL BEGIN
  UPDATE scheme_days SET free_goods = free_goods - old.gross
    WHERE scheme_id = old.scheme_id AND order_date = (
      SELECT o.order_date FROM orders o
      WHERE o.id = old.order_id AND o.status NOT IN ('draft', 'pending_approval', 'cancelled'));
END;
