-- Each order's lines on posted invoices, summed once from the invoice lines (order-milestones.ts computes the
-- same for the orders a posting touches).
UPDATE order_milestones SET invoiced_value = b.value
FROM (
  SELECT ol.order_id, sum(il.total) AS value
  FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id JOIN order_lines ol ON ol.id = il.order_line_id
  WHERE i.status = 'posted'
  GROUP BY ol.order_id
) b
WHERE b.order_id = order_milestones.order_id;
