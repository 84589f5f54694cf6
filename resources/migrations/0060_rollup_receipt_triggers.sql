-- Keep sales_rollups.received (payments received and not reversed, per customer and for the whole business, by
-- day, month, quarter and year of received_on) as payments are recorded, reversed, changed or deleted. The same
-- figures as engine/summaries/rollup-receipts.ts's rebuild; a ledger from before the column gets them at open.
CREATE TRIGGER `payments_rollups_ai` AFTER INSERT ON `payments` WHEN new.reversed_on IS NULL BEGIN
  INSERT INTO sales_rollups (dimension, grain, period, key_id, received)
    SELECT d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN new.received_on WHEN 'month' THEN substr(new.received_on, 1, 7) WHEN 'year' THEN substr(new.received_on, 1, 4)
             ELSE substr(new.received_on, 1, 5) || 'Q' || ((CAST(substr(new.received_on, 6, 2) AS INTEGER) + 2) / 3) END,
           CASE d.dimension WHEN 'customer' THEN new.customer_id ELSE 0 END, new.amount
    FROM (SELECT 'customer' AS dimension UNION ALL SELECT 'all') d,
         (SELECT 'day' AS grain UNION ALL SELECT 'month' UNION ALL SELECT 'quarter' UNION ALL SELECT 'year') g
    WHERE new.reversed_on IS NULL
    ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET received = received + excluded.received;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_rollups_au` AFTER UPDATE OF customer_id, received_on, amount, reversed_on ON `payments`
  WHEN old.customer_id IS NOT new.customer_id OR old.received_on IS NOT new.received_on
    OR old.amount IS NOT new.amount OR old.reversed_on IS NOT new.reversed_on BEGIN
  INSERT INTO sales_rollups (dimension, grain, period, key_id, received)
    SELECT d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN old.received_on WHEN 'month' THEN substr(old.received_on, 1, 7) WHEN 'year' THEN substr(old.received_on, 1, 4)
             ELSE substr(old.received_on, 1, 5) || 'Q' || ((CAST(substr(old.received_on, 6, 2) AS INTEGER) + 2) / 3) END,
           CASE d.dimension WHEN 'customer' THEN old.customer_id ELSE 0 END, -old.amount
    FROM (SELECT 'customer' AS dimension UNION ALL SELECT 'all') d,
         (SELECT 'day' AS grain UNION ALL SELECT 'month' UNION ALL SELECT 'quarter' UNION ALL SELECT 'year') g
    WHERE old.reversed_on IS NULL
    ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET received = received + excluded.received;
  INSERT INTO sales_rollups (dimension, grain, period, key_id, received)
    SELECT d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN new.received_on WHEN 'month' THEN substr(new.received_on, 1, 7) WHEN 'year' THEN substr(new.received_on, 1, 4)
             ELSE substr(new.received_on, 1, 5) || 'Q' || ((CAST(substr(new.received_on, 6, 2) AS INTEGER) + 2) / 3) END,
           CASE d.dimension WHEN 'customer' THEN new.customer_id ELSE 0 END, new.amount
    FROM (SELECT 'customer' AS dimension UNION ALL SELECT 'all') d,
         (SELECT 'day' AS grain UNION ALL SELECT 'month' UNION ALL SELECT 'quarter' UNION ALL SELECT 'year') g
    WHERE new.reversed_on IS NULL
    ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET received = received + excluded.received;
END;
--> statement-breakpoint
CREATE TRIGGER `payments_rollups_ad` AFTER DELETE ON `payments` WHEN old.reversed_on IS NULL BEGIN
  INSERT INTO sales_rollups (dimension, grain, period, key_id, received)
    SELECT d.dimension, g.grain,
           CASE g.grain WHEN 'day' THEN old.received_on WHEN 'month' THEN substr(old.received_on, 1, 7) WHEN 'year' THEN substr(old.received_on, 1, 4)
             ELSE substr(old.received_on, 1, 5) || 'Q' || ((CAST(substr(old.received_on, 6, 2) AS INTEGER) + 2) / 3) END,
           CASE d.dimension WHEN 'customer' THEN old.customer_id ELSE 0 END, -old.amount
    FROM (SELECT 'customer' AS dimension UNION ALL SELECT 'all') d,
         (SELECT 'day' AS grain UNION ALL SELECT 'month' UNION ALL SELECT 'quarter' UNION ALL SELECT 'year') g
    WHERE old.reversed_on IS NULL
    ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET received = received + excluded.received;
END;
