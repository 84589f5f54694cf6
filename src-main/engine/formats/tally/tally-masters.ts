import type { TallyMapping } from '../../../../src-shared/contract/tally';
import { FREIGHT_LEDGER, salesLedgerFor } from './tally-vouchers';
import { leaf, node, type XmlNode } from './tally-xml';

export interface PartyMasterData {
  ledgerName: string;
  gstin: string;
  /** the state's name as Tally lists it ("Maharashtra"), or '' when unknown */
  state: string;
  addressLines: string[];
  pincode: string;
}

/**
 * GST came in on 1 July 2017: dated party details applicable from then cover every voucher Stockist can have,
 * where a later date would leave older vouchers without the party's GSTIN in Tally.
 */
const APPLICABLE_FROM = '20170701';

/**
 * A customer as a Sundry Debtors ledger, bill-wise on (receipts settle invoices by name). Both the flat tags of
 * Tally.ERP 9 and TallyPrime's dated LEDMAILINGDETAILS / LEDGSTREGDETAILS lists, so either imports it (TALLY.md).
 */
export function partyLedger(p: PartyMasterData): XmlNode {
  const registration = p.gstin ? 'Regular' : 'Unregistered';
  const address = () =>
    node(
      'ADDRESS.LIST',
      p.addressLines.map((a) => leaf('ADDRESS', a)),
      { TYPE: 'String' },
    );
  const flat: XmlNode[] = [address()];
  if (p.state) flat.push(leaf('LEDSTATENAME', p.state));
  flat.push(leaf('COUNTRYNAME', 'India'));
  if (p.pincode) flat.push(leaf('PINCODE', p.pincode));
  flat.push(leaf('GSTREGISTRATIONTYPE', registration));
  if (p.gstin) flat.push(leaf('PARTYGSTIN', p.gstin));
  const mailing = [leaf('APPLICABLEFROM', APPLICABLE_FROM), leaf('MAILINGNAME', p.ledgerName), address()];
  if (p.state) mailing.push(leaf('STATE', p.state));
  mailing.push(leaf('COUNTRY', 'India'));
  if (p.pincode) mailing.push(leaf('PINCODE', p.pincode));
  const gst = [leaf('APPLICABLEFROM', APPLICABLE_FROM), leaf('GSTREGISTRATIONTYPE', registration)];
  if (p.state) gst.push(leaf('PLACEOFSUPPLY', p.state));
  if (p.gstin) gst.push(leaf('GSTIN', p.gstin));
  return node(
    'LEDGER',
    [
      node('NAME.LIST', [leaf('NAME', p.ledgerName)], { TYPE: 'String' }),
      leaf('PARENT', 'Sundry Debtors'),
      leaf('ISBILLWISEON', 'Yes'),
      ...flat,
      node('LEDMAILINGDETAILS.LIST', mailing),
      node('LEDGSTREGDETAILS.LIST', gst),
    ],
    { NAME: p.ledgerName, ACTION: 'Create' },
  );
}

interface AccountLedger {
  name: string;
  parent: string;
  extra?: XmlNode[];
}

function accountLedger(l: AccountLedger): XmlNode {
  return node(
    'LEDGER',
    [node('NAME.LIST', [leaf('NAME', l.name)], { TYPE: 'String' }), leaf('PARENT', l.parent), ...(l.extra ?? [])],
    { NAME: l.name, ACTION: 'Create' },
  );
}

const gstHead = (head: string) => [leaf('TAXTYPE', 'GST'), leaf('GSTDUTYHEAD', head)];

/**
 * The ledgers the vouchers post to, under Tally's predefined groups: sales per rate (for every rate billed), output
 * GST by duty head, round off, TDS receivable and the receipt ledgers. A name mapped to two roles is sent once.
 */
export function mappedLedgers(m: TallyMapping, ratesBilled: number[]): XmlNode[] {
  const rates = [...new Set([...m.salesLedgers.map((s) => s.rate), ...ratesBilled])].sort((a, b) => a - b);
  const wanted: AccountLedger[] = [
    ...rates.map((r) => ({ name: salesLedgerFor(m, r), parent: 'Sales Accounts' })),
    { name: m.cgst, parent: 'Duties & Taxes', extra: gstHead('Central Tax') },
    { name: m.sgst, parent: 'Duties & Taxes', extra: gstHead('State Tax') },
    { name: m.igst, parent: 'Duties & Taxes', extra: gstHead('Integrated Tax') },
    { name: m.roundOff, parent: 'Indirect Expenses' },
    { name: FREIGHT_LEDGER, parent: 'Indirect Incomes' },
    { name: m.tdsReceivable, parent: 'Current Assets' },
    { name: m.receiptLedgers.cash, parent: 'Cash-in-Hand' },
    { name: m.receiptLedgers.bank, parent: 'Bank Accounts' },
    { name: m.receiptLedgers.cheque, parent: 'Bank Accounts' },
    { name: m.receiptLedgers.upi, parent: 'Bank Accounts' },
  ];
  const seen = new Set<string>();
  return wanted
    .filter((l) => {
      const key = l.name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(accountLedger);
}
