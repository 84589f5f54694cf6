-- Keep receivables_by_due_date as invoices are posted, paid, credited, cancelled, re-dated or deleted. An
-- invoice counts while it is posted and its total is above paid + credited (what the dashboard calls owed).
-- The table is filled from the invoices at the next open when empty.
CREATE TRIGGER `invoices_receivables_ai` AFTER INSERT ON `invoices`
  WHEN new.status = 'posted' AND new.total > new.paid + new.credited BEGIN
  INSERT INTO receivables_by_due_date(due_date, invoices, due) VALUES (new.due_date, 1, new.total - new.paid - new.credited)
    ON CONFLICT(due_date) DO UPDATE SET invoices = invoices + 1, due = due + excluded.due;
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_receivables_au` AFTER UPDATE OF status, total, paid, credited, due_date ON `invoices`
  WHEN old.status IS NOT new.status OR old.total IS NOT new.total OR old.paid IS NOT new.paid
    OR old.credited IS NOT new.credited OR old.due_date IS NOT new.due_date BEGIN
  UPDATE receivables_by_due_date SET invoices = invoices - 1, due = due - (old.total - old.paid - old.credited)
    WHERE due_date = old.due_date AND old.status = 'posted' AND old.total > old.paid + old.credited;
  INSERT INTO receivables_by_due_date(due_date, invoices, due)
    SELECT new.due_date, 1, new.total - new.paid - new.credited
    WHERE new.status = 'posted' AND new.total > new.paid + new.credited
    ON CONFLICT(due_date) DO UPDATE SET invoices = invoices + 1, due = due + excluded.due;
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_receivables_ad` AFTER DELETE ON `invoices`
  WHEN old.status = 'posted' AND old.total > old.paid + old.credited BEGIN
  UPDATE receivables_by_due_date SET invoices = invoices - 1, due = due - (old.total - old.paid - old.credited)
    WHERE due_date = old.due_date;
END;
