import { companyTimeZone } from '../business-date';
import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { checkTransit, type VehicleType } from '../formats/ewaybill/validity';
import type { Consignment, EwayBillEntry } from './eway-bills';

/** A consignment with the e-way bill imported from the portal for its invoice, if any, and its customer's km. */
export interface ConsignmentWithEwb extends Consignment {
  importedEwayBill: string | null;
  importedValidUpto: string | null;
  customerKm: number | null;
}

/** SQL pieces the dispatch reads add to their one query, so the imported e-way bill costs no extra statement. */
export const EWB_COLUMNS = 'e.number AS importedEwayBill, e.valid_upto AS importedValidUpto, cd.km AS customerKm';
export const EWB_JOINS =
  'LEFT JOIN eway_bills e ON e.invoice_id = d.invoice_id LEFT JOIN customer_distances cd ON cd.customer_id = d.customer_id';

/**
 * The e-way bills a trip moves under: one imported from the portal stands for the consignment unless another is
 * typed (a different number is refused, as the goods would carry the wrong paper), and one that has run out is
 * refused with the reason — the goods may not leave under it.
 */
export function ewayBillsForTrip(
  ctx: EngineContext,
  loaded: ConsignmentWithEwb[],
  given: Record<string, EwayBillEntry>,
  trip: { distanceKm: number | null; vehicleType: VehicleType },
): Record<string, EwayBillEntry> {
  const merged = { ...given };
  const timeZone = companyTimeZone(ctx);
  for (const c of loaded) {
    if (!c.importedEwayBill || !c.importedValidUpto) continue;
    const key = String(c.deliveryNoteId);
    const typed = merged[key]?.number ?? '';
    if (typed && typed !== c.importedEwayBill)
      throw conflict(
        `${c.number} (${c.invoiceNumber}) has e-way bill ${c.importedEwayBill} from the portal, not ${typed}`,
        `ewayBills.${key}.number`,
      );
    const check = checkTransit({
      ewayBill: c.importedEwayBill,
      validUpto: new Date(c.importedValidUpto),
      now: ctx.now(),
      km: trip.distanceKm ?? c.customerKm ?? 0,
      vehicleType: trip.vehicleType,
      timeZone,
    });
    if (check.status === 'expired') throw conflict(`${c.number}: ${check.explanation}`, `ewayBills.${key}.number`);
    merged[key] = { number: c.importedEwayBill, overrideReason: '' };
  }
  return merged;
}

/** The dispatch board's word on a note's e-way bill if it left now on a regular vehicle; '' when all is well. */
export function boardWarning(
  ctx: EngineContext,
  row: { importedEwayBill: string | null; importedValidUpto: string | null; customerKm: number | null },
): string {
  if (!row.importedEwayBill || !row.importedValidUpto) return '';
  const check = checkTransit({
    ewayBill: row.importedEwayBill,
    validUpto: new Date(row.importedValidUpto),
    now: ctx.now(),
    km: row.customerKm ?? 0,
    vehicleType: 'R',
    timeZone: companyTimeZone(ctx),
  });
  return check.status === 'ok' ? '' : check.explanation;
}
