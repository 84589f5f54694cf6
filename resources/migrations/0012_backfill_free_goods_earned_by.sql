-- Free lines placed before free goods were linked to what earns them: copy the rule from their scheme.
UPDATE order_lines SET
  earned_by_product_id = (SELECT json_extract(s.rule, '$.buyProductId') FROM schemes s WHERE s.id = order_lines.scheme_id),
  earn_buy_quantity = (SELECT json_extract(s.rule, '$.buyQuantity') FROM schemes s WHERE s.id = order_lines.scheme_id),
  earn_get_quantity = (SELECT json_extract(s.rule, '$.getQuantity') FROM schemes s WHERE s.id = order_lines.scheme_id),
  earn_repeat = (SELECT coalesce(json_extract(s.rule, '$.repeat'), 0) FROM schemes s WHERE s.id = order_lines.scheme_id)
WHERE is_free = 1 AND earned_by_product_id IS NULL
  AND scheme_id IN (SELECT id FROM schemes WHERE kind = 'free_goods');
