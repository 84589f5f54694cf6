import { TALLY_NAME_MAX, tallyMapping, type TallyMapping } from '../../../../src-shared/contract/tally';
import { formatRate } from '../../../../src-shared/money';
import { recordAudit } from '../../audit';
import { isoNow, type EngineContext } from '../../context';
import { conflict, notFound } from '../../errors';

/** The GST slabs a distributor bills most; each starts with its own "Sales @ n%" ledger. */
const STANDARD_RATES = [0, 500, 1200, 1800, 2800];

/** What an accountant's fresh Tally company would call these ledgers, before anyone maps them. */
export function defaultMapping(companyName: string): TallyMapping {
  return {
    companyName: companyName.slice(0, TALLY_NAME_MAX),
    salesLedgers: STANDARD_RATES.map((rate) => ({ rate, ledger: `Sales @ ${formatRate(rate)}` })),
    cgst: 'Output CGST',
    sgst: 'Output SGST',
    igst: 'Output IGST',
    roundOff: 'Round Off',
    tdsReceivable: 'TDS Receivable',
    receiptLedgers: { cash: 'Cash', cheque: 'Bank', upi: 'Bank', bank: 'Bank' },
  };
}

/** The saved mapping, or the defaults; `saved` says which. */
export function readMapping(ctx: EngineContext): { mapping: TallyMapping; saved: boolean } {
  const { sqlite } = ctx.ledger;
  const row = sqlite.prepare('SELECT mapping FROM tally_mapping WHERE id = 1').get() as { mapping: string } | undefined;
  if (row) return { mapping: tallyMapping.parse(JSON.parse(row.mapping)), saved: true };
  const company = sqlite.prepare('SELECT name FROM company WHERE id = 1').get() as { name: string } | undefined;
  return { mapping: defaultMapping(company?.name ?? 'Company'), saved: false };
}

export function saveMapping(ctx: EngineContext, mapping: TallyMapping): TallyMapping {
  const json = JSON.stringify(mapping);
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO tally_mapping (id, mapping, updated_at, updated_by) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    )
    .run(json, isoNow(ctx), ctx.actor?.id ?? null);
  recordAudit(ctx, 'update', 'tally_mapping', 1, mapping);
  return mapping;
}

/**
 * The GST rates of the products (what gets billed), so the mapping screen shows a row for a rate outside the usual
 * slabs. Read from products, not from every invoice line ever billed, which a large ledger would scan for seconds.
 */
export function ratesBilled(ctx: EngineContext): number[] {
  const rows = ctx.ledger.sqlite.prepare('SELECT DISTINCT tax_rate_bps AS rate FROM products ORDER BY 1').all() as {
    rate: number;
  }[];
  return rows.map((r) => r.rate);
}

/**
 * How a customer is named in Tally, where each ledger name must be unique: their own Tally name if one was set,
 * else their name, with their code when another customer has the same name ("Ramesh Stores (C-104)").
 */
export class PartyNames {
  private readonly overrides = new Map<number, string>();
  private readonly shared = new Set<string>();

  constructor(ctx: EngineContext) {
    const { sqlite } = ctx.ledger;
    const overrides = sqlite.prepare('SELECT customer_id AS id, ledger_name AS name FROM tally_party_names').all() as {
      id: number;
      name: string;
    }[];
    for (const o of overrides) this.overrides.set(o.id, o.name);
    const shared = sqlite
      .prepare('SELECT lower(name) AS name FROM customers GROUP BY lower(name) HAVING count(*) > 1')
      .all() as { name: string }[];
    for (const s of shared) this.shared.add(s.name);
  }

  of(c: { id: number; code: string; name: string }): string {
    const name = this.overrides.get(c.id) ?? (this.shared.has(c.name.toLowerCase()) ? `${c.name} (${c.code})` : c.name);
    if (name.length > TALLY_NAME_MAX)
      throw conflict(
        `${c.name} (${c.code}) makes a Tally ledger name longer than ${TALLY_NAME_MAX} characters; set a shorter Tally name for this customer`,
      );
    return name;
  }
}

export function listPartyNames(ctx: EngineContext) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT c.id AS customerId, c.code, c.name, t.ledger_name AS ledgerName
       FROM tally_party_names t JOIN customers c ON c.id = t.customer_id ORDER BY c.name, c.id`,
    )
    .all() as { customerId: number; code: string; name: string; ledgerName: string }[];
}

/** Sets (or with '' clears) a customer's Tally name; refused when another customer already goes by it in Tally. */
export function setPartyName(ctx: EngineContext, input: { customerId: number; ledgerName: string }) {
  const { sqlite } = ctx.ledger;
  const customer = sqlite.prepare('SELECT id, code, name FROM customers WHERE id = ?').get(input.customerId) as
    { id: number; code: string; name: string } | undefined;
  if (!customer) throw notFound(`Customer ${input.customerId}`, 'customerId');
  if (input.ledgerName === '') {
    sqlite.prepare('DELETE FROM tally_party_names WHERE customer_id = ?').run(customer.id);
  } else {
    const taken = sqlite
      .prepare(
        `SELECT c.code, c.name FROM customers c LEFT JOIN tally_party_names t ON t.customer_id = c.id
         WHERE c.id <> @id AND (lower(t.ledger_name) = lower(@name) OR (t.customer_id IS NULL AND lower(c.name) = lower(@name)))
         LIMIT 1`,
      )
      .get({ id: customer.id, name: input.ledgerName }) as { code: string; name: string } | undefined;
    if (taken)
      throw conflict(
        `${taken.name} (${taken.code}) is already "${input.ledgerName}" in Tally; each Tally ledger name is used once`,
        'ledgerName',
      );
    sqlite
      .prepare(
        `INSERT INTO tally_party_names (customer_id, ledger_name) VALUES (?, ?)
         ON CONFLICT(customer_id) DO UPDATE SET ledger_name = excluded.ledger_name`,
      )
      .run(customer.id, input.ledgerName);
  }
  recordAudit(ctx, 'update', 'tally_party_name', customer.id, { ledgerName: input.ledgerName });
  return {
    customerId: customer.id,
    code: customer.code,
    name: customer.name,
    ledgerName: new PartyNames(ctx).of(customer),
  };
}
