-- Ledgers from before valuation: the quantities carry over, at no known cost (value 0) until goods are received at cost.
INSERT INTO stock_values (warehouse_id, product_id, quantity, value, transit_quantity, transit_value, last_quantity, last_value)
SELECT warehouse_id, product_id, SUM(on_hand), 0, SUM(in_transit), 0, SUM(on_hand), 0
FROM stock_balances GROUP BY warehouse_id, product_id;
