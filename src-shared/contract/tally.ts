import { z } from 'zod';
import { operation } from './define';
import { id, isoDate } from './common';

/**
 * The longest ledger or company name Stockist sends to Tally. Tally's own limit was not found in its documentation;
 * 99 is kept as a safe bound below the customer name's 120 (a longer name gets an explicit Tally name instead).
 */
export const TALLY_NAME_MAX = 99;

/** A Tally master name: required, one line, within Tally's length, no characters XML cannot carry. */
export const tallyName = (label: string) =>
  z
    .string(`${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(TALLY_NAME_MAX, `${label} must be at most ${TALLY_NAME_MAX} characters (Tally's limit)`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be one line of printable characters`);

export const receiptModes = ['cash', 'cheque', 'upi', 'bank'] as const;

export const tallyMapping = z
  .object({
    /** the company as it is named in Tally (SVCURRENTCOMPANY): the import goes into that company */
    companyName: tallyName('Tally company name'),
    /** the sales ledger per GST rate (basis points); a rate not listed goes to "Sales @ <rate>" */
    salesLedgers: z
      .array(z.object({ rate: z.int().min(0).max(10_000), ledger: tallyName('Sales ledger') }))
      .superRefine((rows, ctx) => {
        rows.forEach((r, i) => {
          if (rows.findIndex((o) => o.rate === r.rate) !== i)
            ctx.addIssue({ code: 'custom', path: [i, 'rate'], message: 'Each GST rate may be listed once' });
        });
      }),
    cgst: tallyName('Output CGST ledger'),
    sgst: tallyName('Output SGST ledger'),
    igst: tallyName('Output IGST ledger'),
    roundOff: tallyName('Round off ledger'),
    tdsReceivable: tallyName('TDS receivable ledger'),
    /** where the money of a receipt goes in Tally, per payment mode */
    receiptLedgers: z.object({
      cash: tallyName('Cash ledger'),
      cheque: tallyName('Cheque ledger'),
      upi: tallyName('UPI ledger'),
      bank: tallyName('Bank ledger'),
    }),
  })
  .superRefine((m, ctx) => {
    // One tax ledger for two heads would merge CGST into SGST in Tally's GST returns.
    const heads = [
      ['cgst', m.cgst],
      ['sgst', m.sgst],
      ['igst', m.igst],
    ] as const;
    heads.forEach(([field, name], i) => {
      const earlier = heads.slice(0, i).find(([, n]) => n.toLowerCase() === name.toLowerCase());
      if (earlier)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `The ${field.toUpperCase()} ledger must differ from the ${earlier[0].toUpperCase()} ledger`,
        });
    });
  });
export type TallyMapping = z.output<typeof tallyMapping>;

const partyName = z.object({ customerId: id, code: z.string(), name: z.string(), ledgerName: z.string() });

const voucherCounts = z.object({
  sales: z.int(),
  cancelled: z.int(),
  creditNotes: z.int(),
  receipts: z.int(),
  reversals: z.int(),
});

export const tallyOperations = {
  'tally.mapping': operation({
    summary:
      "How Stockist's documents map onto Tally ledgers (sales ledger per GST rate, output tax, round off, TDS, receipt ledgers per mode, company name), the defaults when nothing was saved, and the customers with their own Tally ledger name.",
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      mapping: tallyMapping,
      saved: z.boolean(),
      /** GST rates (basis points) the ledger has billed, so each gets a row on the mapping screen */
      ratesBilled: z.array(z.int()),
      parties: z.array(partyName),
    }),
  }),
  'tally.saveMapping': operation({
    summary: 'Saves the Tally ledger mapping; every name is required and within Tally’s length.',
    access: 'billing.write',
    kind: 'write',
    input: tallyMapping,
    output: tallyMapping,
  }),
  'tally.setPartyName': operation({
    summary:
      "Sets the Tally ledger name of one customer (Tally needs each ledger name once); an empty name goes back to the default, the customer's name (with the code when two customers share it).",
    access: 'billing.write',
    kind: 'write',
    input: z.object({
      customerId: id,
      ledgerName: z.union([z.literal(''), tallyName('Tally ledger name')]).default(''),
    }),
    output: partyName,
  }),
  'tally.exportVouchers': operation({
    summary:
      'Sales invoices (cancelled ones as cancelled vouchers), credit notes and receipts (with bill allocations, TDS and bounced-cheque reversals) dated in a period, as Tally import XML. Each voucher has a stable GUID/REMOTEID, so importing again alters instead of duplicating.',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        sales: z.boolean().default(true),
        creditNotes: z.boolean().default(true),
        receipts: z.boolean().default(true),
      })
      .refine((f) => f.from <= f.to, { message: 'From must not be after To', path: ['to'] })
      .refine((f) => f.sales || f.creditNotes || f.receipts, {
        message: 'Choose at least one kind of voucher',
        path: ['sales'],
      }),
    output: z.object({
      filename: z.string(),
      xml: z.string(),
      counts: voucherCounts,
      /** the sum of party debits of the sales vouchers (= invoice totals), and so on, in paise */
      totals: z.object({ sales: z.int(), creditNotes: z.int(), receipts: z.int(), tds: z.int() }),
    }),
  }),
  'tally.exportMasters': operation({
    summary:
      'Customer ledgers (under Sundry Debtors, with GSTIN, state, address and PIN) and the mapped sales, tax, round-off, TDS and receipt ledgers, as Tally import XML, so a fresh Tally company can take the vouchers.',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({}),
    output: z.object({ filename: z.string(), xml: z.string(), parties: z.int(), ledgers: z.int() }),
  }),
};
