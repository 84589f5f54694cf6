import { addHeads, noHeads, percent, rupees, type Heads } from './gstr1-amounts';
import type { Gstr1Line } from './gstr1-source';

export interface HsnRowJson {
  num: number;
  hsn_sc: string;
  desc: string;
  uqc: string;
  qty: number;
  rt: number;
  txval: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
}

interface HsnRow extends Heads {
  hsn: string;
  description: string;
  uqc: string;
  rateBps: number;
  quantity: number;
}

/**
 * Table 12, one list for supplies to registered buyers (b2b + cdnr) and one for the rest: a row per HSN, unit and
 * rate (india-compliance keys rows `hsn - uqc - rate`), net of the credit notes (their lines come with sign −1).
 * Free goods add their units at no value. The description is the first product's name seen for the row.
 */
export class HsnSummary {
  private readonly rows = new Map<string, HsnRow>();

  add(lines: Gstr1Line[], sign: 1 | -1): void {
    for (const l of lines) {
      const key = `${l.hsn}|${l.uqc}|${l.rateBps}`;
      const row = this.rows.get(key) ?? {
        hsn: l.hsn,
        description: l.description,
        uqc: l.uqc,
        rateBps: l.rateBps,
        quantity: 0,
        ...noHeads(),
      };
      row.quantity += sign * l.quantity;
      addHeads(row, l, sign);
      this.rows.set(key, row);
    }
  }

  totals(): Heads {
    return [...this.rows.values()].reduce((s, r) => addHeads(s, r), noHeads());
  }

  get size(): number {
    return this.rows.size;
  }

  json(): HsnRowJson[] {
    return [...this.rows.values()]
      .sort((a, b) => a.hsn.localeCompare(b.hsn) || a.uqc.localeCompare(b.uqc) || a.rateBps - b.rateBps)
      .map((r, i) => ({
        num: i + 1,
        hsn_sc: r.hsn,
        desc: r.description.slice(0, 30),
        uqc: r.uqc,
        qty: r.quantity,
        rt: percent(r.rateBps),
        txval: rupees(r.taxable),
        iamt: rupees(r.igst),
        camt: rupees(r.cgst),
        samt: rupees(r.sgst),
        csamt: 0,
      }));
  }
}
