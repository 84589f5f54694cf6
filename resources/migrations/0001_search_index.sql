-- Substring search over names, codes and barcodes: trigram FTS5 kept in step by triggers,
-- so a 50,000-row list answers "rle" or "SHA-1" without scanning the table.
CREATE VIRTUAL TABLE `customer_search` USING fts5(code, name, city, phone, gstin, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `customers_search_ai` AFTER INSERT ON `customers` BEGIN
  INSERT INTO customer_search(rowid, code, name, city, phone, gstin) VALUES (new.id, new.code, new.name, new.bill_city, new.phone, new.gstin);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_au` AFTER UPDATE OF code, name, bill_city, phone, gstin ON `customers` BEGIN
  DELETE FROM customer_search WHERE rowid = old.id;
  INSERT INTO customer_search(rowid, code, name, city, phone, gstin) VALUES (new.id, new.code, new.name, new.bill_city, new.phone, new.gstin);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search` USING fts5(sku, name, brand, category, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `products_search_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO product_search(rowid, sku, name, brand, category) VALUES (new.id, new.sku, new.name, new.brand, new.category);
END;
--> statement-breakpoint
CREATE TRIGGER `products_search_au` AFTER UPDATE OF sku, name, brand, category ON `products` BEGIN
  DELETE FROM product_search WHERE rowid = old.id;
  INSERT INTO product_search(rowid, sku, name, brand, category) VALUES (new.id, new.sku, new.name, new.brand, new.category);
END;
--> statement-breakpoint
INSERT INTO `customer_types` (`code`, `name`, `parent_types`, `sort_order`) VALUES
  ('super_stockist', 'Super stockist', '[]', 1),
  ('distributor', 'Distributor', '["super_stockist"]', 2),
  ('retailer', 'Retailer', '["distributor","super_stockist"]', 3),
  ('other', 'Other', '["distributor","super_stockist"]', 4);
