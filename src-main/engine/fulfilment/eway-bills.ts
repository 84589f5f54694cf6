import { formatMoney } from '../../../src-shared/money';

/**
 * One consignment on a vehicle: a delivery note to one party, moving under its tax invoice. Its
 * value for the e-way bill is that invoice's value including tax (GST's "consignment value").
 */
export interface Consignment {
  deliveryNoteId: number;
  number: string;
  invoiceNumber: string | null;
  invoiceValue: number | null;
}

export interface EwayBillEntry {
  number: string;
  overrideReason: string;
}

export interface ConsignmentDecision {
  deliveryNoteId: number;
  ewayBill: string;
  override: string;
  explanation: string;
}

export type Refusal = { code: 'conflict' | 'invalid_input'; message: string; field: string };

/**
 * Which consignments may move, and under which e-way bill. Goods leave only under a tax invoice
 * (a note without one is refused, naming it); a consignment worth more than the threshold needs a
 * 12-digit e-way bill number, or a stated reason to move without one, which the caller audits.
 * At the threshold exactly none is needed: the rule is "exceeds".
 */
export function decideEwayBills(
  consignments: Consignment[],
  given: Record<string, EwayBillEntry>,
  threshold: number,
): { decisions: ConsignmentDecision[]; refusal: Refusal | null } {
  const decisions: ConsignmentDecision[] = [];
  const limit = formatMoney(threshold);
  const refuse = (code: Refusal['code'], message: string, field: string) => ({
    decisions,
    refusal: { code, message, field },
  });
  for (const key of Object.keys(given)) {
    if (!consignments.some((c) => String(c.deliveryNoteId) === key)) {
      return refuse('invalid_input', `Delivery note ${key} is not on this dispatch`, `ewayBills.${key}`);
    }
  }
  for (const [i, c] of consignments.entries()) {
    if (c.invoiceNumber === null || c.invoiceValue === null) {
      const why = `${c.number} is not invoiced yet: goods leave only under a tax invoice, so invoice it before dispatch`;
      return refuse('conflict', why, `deliveryNoteIds.${i}`);
    }
    const entry = given[String(c.deliveryNoteId)] ?? { number: '', overrideReason: '' };
    const value = formatMoney(c.invoiceValue);
    const needed = c.invoiceValue > threshold;
    const reason = entry.overrideReason.trim();
    const decide = (ewayBill: string, override: string, explanation: string) =>
      decisions.push({
        deliveryNoteId: c.deliveryNoteId,
        ewayBill,
        override,
        explanation: `${c.invoiceNumber} ${value}${explanation}`,
      });
    if (entry.number) decide(entry.number, '', `: e-way bill ${entry.number}`);
    else if (!needed) decide('', '', ` is within the ${limit} limit: no e-way bill needed`);
    else if (reason.length >= 3)
      decide('', reason, ` is above the ${limit} limit and moves without an e-way bill: ${reason}`);
    else if (reason) {
      return refuse(
        'invalid_input',
        `Say in a few words why ${c.number} moves without an e-way bill`,
        `ewayBills.${c.deliveryNoteId}.overrideReason`,
      );
    } else {
      const why = `${c.number} (${c.invoiceNumber}, ${value}) is above the ${limit} e-way bill limit: enter its 12-digit e-way bill number, or a reason to move without one`;
      return refuse('invalid_input', why, `ewayBills.${c.deliveryNoteId}.number`);
    }
  }
  return { decisions, refusal: null };
}
