import { startOfDayInstant } from '../../../../src-shared/dates';
import { recordAudit } from '../../audit';
import { businessDate, companyTimeZone } from '../../business-date';
import type { EngineContext } from '../../context';
import { conflict, invalid } from '../../errors';
import { localStamp, validUpto as ruleValidUpto, type VehicleType } from './validity';

export interface ImportEntry {
  invoiceNumber: string;
  ewayBill: string;
  /** as the portal prints it: "16/09/2022 07:29:00 PM", "16/09/2022 19:29" or "2022-09-16 19:29" */
  generatedAt: string;
  /** '' works it out from the distance by the validity rule */
  validUpto: string;
}

/** A time on the company's clock, in the portal's or ISO form, as an instant; null when it is neither. */
export function parsePortalTime(text: string, timeZone: string): Date | null {
  const t = text.trim();
  const portal = /^(\d{2})\/(\d{2})\/(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!portal && !iso) return null;
  const [day, hh, mm, ss, half] = portal
    ? [
        `${portal[3]}-${portal[2]}-${portal[1]}`,
        Number(portal[4]),
        Number(portal[5]),
        Number(portal[6] ?? 0),
        portal[7],
      ]
    : [`${iso![1]}-${iso![2]}-${iso![3]}`, Number(iso![4]), Number(iso![5]), Number(iso![6] ?? 0), undefined];
  if (Number.isNaN(Date.parse(day)) || hh > 23 || mm > 59 || ss > 59 || (half && (hh < 1 || hh > 12))) return null;
  const hours = half ? (hh % 12) + (half.toUpperCase() === 'PM' ? 12 : 0) : hh;
  return new Date(startOfDayInstant(day, timeZone).getTime() + ((hours * 60 + mm) * 60 + ss) * 1000);
}

interface Target {
  id: number;
  status: string;
  date: string;
  km: number | null;
  vehicleType: VehicleType | null;
  typed: string | null;
  stored: string | null;
}

/**
 * The portal's answer, one row per invoice: the e-way bill number, when it was generated and until when it is
 * valid. Each row must match a posted invoice by number and agree with what Stockist already holds (an e-way bill
 * typed at dispatch, one imported before); any mismatch refuses the whole import, naming the row, and writes
 * nothing. The number is then put on the consignment's dispatch line, and each row is audited.
 */
export function importEwayBills(ctx: EngineContext, input: { entries: ImportEntry[] }) {
  const { sqlite } = ctx.ledger;
  const timeZone = companyTimeZone(ctx);
  const find = sqlite.prepare(
    `SELECT i.id, i.status, i.invoice_date AS date, coalesce(x.distance_km, cd.km) AS km, x.vehicle_type AS vehicleType,
            nullif(dn.eway_bill, '') AS typed, e.number AS stored
     FROM invoices i LEFT JOIN customer_distances cd ON cd.customer_id = i.customer_id
     LEFT JOIN delivery_notes d ON d.invoice_id = i.id LEFT JOIN dispatch_notes dn ON dn.delivery_note_id = d.id
     LEFT JOIN dispatches x ON x.id = dn.dispatch_id LEFT JOIN eway_bills e ON e.invoice_id = i.id
     WHERE i.number = ? LIMIT 1`,
  );
  const usedBy = sqlite.prepare(
    'SELECT i.number FROM eway_bills e JOIN invoices i ON i.id = e.invoice_id WHERE e.number = ?',
  );
  const recorded: { invoiceNumber: string; ewayBill: string; validUpto: string; status: 'recorded' | 'unchanged' }[] =
    [];
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    const at = (f: string) => `entries.${i}.${f}`;
    const target = find.get(e.invoiceNumber) as Target | undefined;
    if (!target) throw invalid(`Row ${i + 1}: no invoice ${e.invoiceNumber} in Stockist`, at('invoiceNumber'));
    if (target.status !== 'posted')
      throw conflict(`Row ${i + 1}: ${e.invoiceNumber} is ${target.status}, it cannot move`, at('invoiceNumber'));
    if (seen.has(e.ewayBill))
      throw invalid(`Row ${i + 1}: e-way bill ${e.ewayBill} is twice in the file`, at('ewayBill'));
    seen.add(e.ewayBill);
    const other = usedBy.get(e.ewayBill) as { number: string } | undefined;
    if (other && other.number !== e.invoiceNumber)
      throw conflict(`Row ${i + 1}: e-way bill ${e.ewayBill} is already ${other.number}’s`, at('ewayBill'));
    if (target.stored && target.stored !== e.ewayBill)
      throw conflict(
        `Row ${i + 1}: ${e.invoiceNumber} already has e-way bill ${target.stored}, not ${e.ewayBill}`,
        at('ewayBill'),
      );
    if (target.typed && target.typed !== e.ewayBill)
      throw conflict(
        `Row ${i + 1}: ${e.invoiceNumber} left on dispatch under e-way bill ${target.typed}, not ${e.ewayBill}`,
        at('ewayBill'),
      );
    const generated = parsePortalTime(e.generatedAt, timeZone);
    if (!generated) throw invalid(`Row ${i + 1}: write the date as dd/mm/yyyy hh:mm`, at('generatedAt'));
    if (businessDate(ctx, generated) < target.date)
      throw invalid(`Row ${i + 1}: generated before the invoice date ${target.date}`, at('generatedAt'));
    const until = e.validUpto.trim()
      ? parsePortalTime(e.validUpto, timeZone)
      : ruleValidUpto(generated, target.km ?? 0, target.vehicleType ?? 'R', timeZone);
    if (!until) throw invalid(`Row ${i + 1}: write valid-upto as dd/mm/yyyy hh:mm`, at('validUpto'));
    if (until <= generated) throw invalid(`Row ${i + 1}: valid-upto is not after the generation`, at('validUpto'));
    const validUpto = until.toISOString();
    if (target.stored) {
      recorded.push({ invoiceNumber: e.invoiceNumber, ewayBill: e.ewayBill, validUpto, status: 'unchanged' });
      return;
    }
    const id = sqlite
      .prepare(
        `INSERT INTO eway_bills (invoice_id, number, generated_at, valid_upto, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        target.id,
        e.ewayBill,
        generated.toISOString(),
        validUpto,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid;
    sqlite
      .prepare(
        `UPDATE dispatch_notes SET eway_bill = ?
         WHERE eway_bill = '' AND delivery_note_id IN (SELECT id FROM delivery_notes WHERE invoice_id = ?)`,
      )
      .run(e.ewayBill, target.id);
    recordAudit(ctx, 'eway_bill_import', 'invoice', target.id, {
      invoiceNumber: e.invoiceNumber,
      ewayBill: e.ewayBill,
      ewayBillId: Number(id),
      generatedAt: localStamp(generated, timeZone),
      validUpto: localStamp(until, timeZone),
      validUptoFromRule: !e.validUpto.trim(),
    });
    recorded.push({ invoiceNumber: e.invoiceNumber, ewayBill: e.ewayBill, validUpto, status: 'recorded' });
  });
  return { recorded };
}
