import type { CustomerRow } from '../../../src-shared/contract/customers';
import type { EngineContext } from '../context';
import type { Cursor } from '../keyset';
import { keysetPage, pageWith } from '../keyset-page';
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
  after?: Cursor | null;
  before?: Cursor | null;
}

const sortColumns: Record<CustomerListInput['sort'], string> = {
  code: 'c.code',
  name: 'c.name',
  type: 'c.type',
  city: 'c.bill_city',
  creditLimit: 'c.credit_limit',
  status: 'c.status',
};

export function listCustomers(ctx: EngineContext, input: CustomerListInput) {
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
  const page = keysetPage(sqlite, {
    ...input,
    from: 'customers c',
    where,
    key: sortColumns[input.sort],
    id: 'c.id',
  });
  // The parent's name is a shown column: read for the page's rows alone.
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.type, c.bill_city AS city, c.bill_district AS district, c.bill_state_code AS stateCode, c.route, c.phone,
              c.gstin, p.name AS parentName, c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays, c.status
       FROM json_each(?) AS page JOIN customers c ON c.id = page.value LEFT JOIN customers p ON p.id = c.parent_id`,
    )
    .all(JSON.stringify(page.ids)) as CustomerRow[];
  return pageWith(page, rows);
}
