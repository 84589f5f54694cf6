import { customerFields } from '../../../src-shared/contract/customers';
import { parseMoney } from '../../../src-shared/money';
import { toStateCode } from '../../../src-shared/india-states';
import type { EngineContext } from '../context';
import { RowError, type CsvImportSpec } from '../csv-import';
import { conflict } from '../errors';
import { checkNewCustomer, createCustomer, customerIdByCode } from './customer-service';
import { listCustomerTypes } from './customer-types';

function typeCode(ctx: EngineContext, text: string): string {
  const t = text.trim().toLowerCase();
  const match = listCustomerTypes(ctx).find(
    (type) => type.code === t || type.name.toLowerCase() === t || type.code === t.replace(/\s+/g, '_'),
  );
  return match?.code ?? text;
}

export const customerImportSpec: CsvImportSpec<typeof customerFields> = {
  columns: {
    code: ['customer code', 'party code', 'cust code'],
    name: ['customer name', 'party name'],
    type: ['customer type', 'channel'],
    parent_code: ['parent', 'distributor code', 'mapped to'],
    phone: ['mobile', 'phone number', 'contact'],
    email: ['email id'],
    gstin: ['gst', 'gst no', 'gstin/uin', 'gst number'],
    address1: ['address', 'address line 1', 'line1'],
    address2: ['address line 2', 'line2'],
    area: ['locality'],
    city: ['town'],
    district: [],
    state: ['state code', 'state name'],
    pincode: ['pin', 'pin code', 'postal code'],
    route: ['beat'],
    credit_limit: ['credit limit (rs)', 'credit limit rs'],
    payment_terms_days: ['credit days', 'payment terms', 'terms'],
    status: [],
  },
  required: ['code', 'name', 'type', 'state'],
  schema: customerFields,
  columnFor: {
    code: 'code',
    name: 'name',
    type: 'type',
    parentId: 'parent_code',
    phone: 'phone',
    email: 'email',
    gstin: 'gstin',
    'billTo.line1': 'address1',
    'billTo.line2': 'address2',
    'billTo.area': 'area',
    'billTo.city': 'city',
    'billTo.district': 'district',
    'billTo.stateCode': 'state',
    'billTo.pincode': 'pincode',
    route: 'route',
    creditLimit: 'credit_limit',
    paymentTermsDays: 'payment_terms_days',
    status: 'status',
  },
  toInput(r, ctx, file) {
    let parentId: number | null = null;
    if (r.parent_code) {
      // A parent earlier in the file is not in the ledger until the file is written: the check stands it in.
      parentId =
        customerIdByCode(ctx, r.parent_code) ??
        file.get<FileCustomer>('parent', r.parent_code.toLowerCase())?.standIn ??
        null;
      if (parentId === null)
        throw new RowError(
          'parent_code',
          `Parent customer ${r.parent_code} is not in the ledger or earlier in this file`,
        );
    }
    const credit = r.credit_limit ? parseMoney(r.credit_limit) : 0;
    if (credit === null)
      throw new RowError('credit_limit', `Credit limit "${r.credit_limit}" is not an amount in rupees`);
    const terms = r.payment_terms_days ? Number(r.payment_terms_days) : 0;
    return {
      code: r.code,
      name: r.name,
      type: typeCode(ctx, r.type ?? ''),
      parentId,
      phone: r.phone,
      email: r.email,
      gstin: r.gstin,
      route: r.route,
      billTo: {
        line1: r.address1,
        line2: r.address2,
        area: r.area,
        city: r.city,
        district: r.district,
        stateCode: toStateCode(r.state ?? '') ?? r.state,
        pincode: r.pincode,
      },
      creditLimit: credit,
      paymentTermsDays: terms,
      status: (r.status || 'active').toLowerCase().replace(/\s+/g, '_'),
    };
  },
  // What createCustomer refuses, read-only; a parent from earlier in the file is judged by its row.
  check(ctx, value, file) {
    const parent = value.parentId !== null ? file.get<FileCustomer>('standIn', String(value.parentId)) : undefined;
    checkNewCustomer(ctx, value, parent ?? null);
    const taken = ctx.ledger.sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').get(value.code);
    if (file.has('code', value.code) || taken)
      throw conflict(`Customer code ${value.code} is already used by another customer`, 'code');
  },
  remember(value, file) {
    const entry: FileCustomer = {
      standIn: Number.MAX_SAFE_INTEGER - file.count('code'),
      type: value.type,
      name: value.name,
    };
    file.add('code', value.code);
    file.add('parent', value.code.toLowerCase(), entry);
    file.add('standIn', String(entry.standIn), entry);
  },
  write: (ctx, value) => void createCustomer(ctx, value),
};

interface FileCustomer {
  /** an id no ledger reaches, standing in for the customer until the file is written */
  standIn: number;
  type: string;
  name: string;
}
