import type { CustomerRow } from '../../../src-shared/contract/customers';
import type { EngineContext } from '../context';
import { Where, addSearch } from '../list-query';

export interface CustomerListInput {
  search: string;
  type: string;
  status: string;
  stateCode: string;
  city: string;
  assignedUserId: number | null;
  sort: 'code' | 'name' | 'type' | 'city' | 'creditLimit' | 'status';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const sortColumns: Record<CustomerListInput['sort'], string> = {
  code: 'c.code',
  name: 'c.name',
  type: 'c.type',
  city: 'c.bill_city',
  creditLimit: 'c.credit_limit',
  status: 'c.status',
};

export function listCustomers(ctx: EngineContext, input: CustomerListInput): { rows: CustomerRow[]; total: number } {
  const where = new Where()
    .when(input.type, 'c.type = ?', input.type)
    .when(input.status, 'c.status = ?', input.status)
    .when(input.stateCode, 'c.bill_state_code = ?', input.stateCode)
    .when(input.city, 'c.bill_city = ? COLLATE NOCASE', input.city)
    .when(
      input.assignedUserId,
      'c.id IN (SELECT customer_id FROM customer_users WHERE user_id = ?)',
      input.assignedUserId,
    );
  addSearch(where, input.search, { table: 'customer_search', idColumn: 'c.id' }, [
    'c.code',
    'c.name',
    'c.bill_city',
    'c.phone',
  ]);
  const { sqlite } = ctx.ledger;
  const total = (
    sqlite.prepare(`SELECT count(*) AS n FROM customers c ${where.sql}`).get(...where.params) as { n: number }
  ).n;
  const order = `${sortColumns[input.sort]} ${input.dir === 'desc' ? 'DESC' : 'ASC'}, c.id`;
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.type, c.bill_city AS city, c.bill_district AS district, c.bill_state_code AS stateCode, c.route, c.phone,
              c.gstin, p.name AS parentName, c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays, c.status
       FROM customers c LEFT JOIN customers p ON p.id = c.parent_id ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, input.limit, input.offset) as CustomerRow[];
  return { rows, total };
}
