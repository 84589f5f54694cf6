import { XMLParser } from 'fast-xml-parser';

/** Reads Stockist's Tally import XML back the way a checker would: every list a list, every value a string. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  ignoreDeclaration: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) =>
    ['TALLYMESSAGE', 'ALLLEDGERENTRIES.LIST', 'BILLALLOCATIONS.LIST', 'ADDRESS', 'LEDGER', 'VOUCHER'].includes(name),
});

export function parseTally(xml: string): any {
  return parser.parse(xml);
}

/** "-6054.00" → -605400, refusing anything that is not rupees with exactly two decimals. */
export function paiseOf(amount: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`"${amount}" is not a Tally amount`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

export interface ReadEntry {
  ledger: string;
  amount: number;
  deemedPositive: boolean;
  party: boolean;
  bills: { name: string | null; type: string; amount: number }[];
}

export interface ReadVoucher {
  remoteId: string;
  guid: string;
  type: string;
  number: string;
  date: string;
  party: string;
  /** the GST buyer the voucher names when it is not the party ledger (BASICBUYERNAME, PARTYGSTIN, PLACEOFSUPPLY) */
  buyer: { name: string; gstin: string | null; placeOfSupply: string | null } | null;
  cancelled: boolean;
  narration: string;
  entries: ReadEntry[];
}

/** The vouchers of an import file, in file order, with amounts in paise. */
export function readVouchers(xml: string): { company: string; vouchers: ReadVoucher[] } {
  const doc = parseTally(xml);
  const data = doc.ENVELOPE.BODY.IMPORTDATA;
  const messages: any[] = data.REQUESTDATA?.TALLYMESSAGE ?? [];
  const vouchers = messages
    .flatMap((m) => m.VOUCHER ?? [])
    .map((v: any): ReadVoucher => ({
      remoteId: v['@REMOTEID'],
      guid: v.GUID,
      type: v.VOUCHERTYPENAME,
      number: v.VOUCHERNUMBER,
      date: v.DATE,
      party: v.PARTYLEDGERNAME,
      buyer: v.BASICBUYERNAME
        ? { name: v.BASICBUYERNAME, gstin: v.PARTYGSTIN ?? null, placeOfSupply: v.PLACEOFSUPPLY ?? null }
        : null,
      cancelled: v.ISCANCELLED === 'Yes',
      narration: v.NARRATION,
      entries: (v['ALLLEDGERENTRIES.LIST'] ?? []).map((e: any) => ({
        ledger: e.LEDGERNAME,
        amount: paiseOf(e.AMOUNT),
        deemedPositive: e.ISDEEMEDPOSITIVE === 'Yes',
        party: e.ISPARTYLEDGER === 'Yes',
        bills: (e['BILLALLOCATIONS.LIST'] ?? []).map((b: any) => ({
          name: b.NAME ?? null,
          type: b.BILLTYPE,
          amount: paiseOf(b.AMOUNT),
        })),
      })),
    }));
  return { company: data.REQUESTDESC.STATICVARIABLES.SVCURRENTCOMPANY, vouchers };
}
