import type { InputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';

/** A line as the clerk types it: text boxes, turned into the API's paise and units only when complete. */
export interface DraftLine {
  productId: number;
  sku: string;
  name: string;
  batchNo: string;
  manufacturedOn: string;
  expiresOn: string;
  mrpText: string;
  qtyText: string;
  freeText: string;
  rateText: string;
  discText: string;
}

export interface DraftHead {
  supplierId: number;
  supplierInvoiceNo: string;
  invoiceDate: string;
  warehouseId: number;
  purchaseOrderId: number | null;
  freightText: string;
  otherText: string;
}

type Input = InputOf<'purchaseInvoices.post'>;
export type Built = { ok: true; input: Input } | { ok: false; field: string; message: string };

const wholeUnits = (t: string) => (t.trim() === '' ? 0 : /^\d+$/.test(t.trim()) ? Number(t.trim()) : null);
const money = (t: string) => (t.trim() === '' ? 0 : parseMoney(t));
/** "2.5" per cent as basis points (250); at most two decimals. */
const percentBps = (t: string) => {
  if (t.trim() === '') return 0;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(t.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
};

/** The API input, or the first box that cannot be read, named the way the API names fields. */
export function buildInvoice(head: DraftHead, lines: DraftLine[]): Built {
  const freight = money(head.freightText);
  if (freight === null) return { ok: false, field: 'freight', message: 'Freight in rupees, e.g. 450.00' };
  const otherCharges = money(head.otherText);
  if (otherCharges === null) return { ok: false, field: 'otherCharges', message: 'Other charges in rupees' };
  const out: Input['lines'] = [];
  for (const [i, l] of lines.entries()) {
    const at = (f: string, message: string): Built => ({ ok: false, field: `lines.${i}.${f}`, message });
    const quantity = wholeUnits(l.qtyText);
    if (quantity === null) return at('quantity', `${l.sku}: quantity in whole base units`);
    const freeQuantity = wholeUnits(l.freeText);
    if (freeQuantity === null) return at('freeQuantity', `${l.sku}: free quantity in whole base units`);
    const rate = money(l.rateText);
    if (rate === null) return at('rate', `${l.sku}: rate in rupees per unit, e.g. 84.50`);
    const mrp = l.mrpText.trim() === '' ? null : parseMoney(l.mrpText);
    if (mrp === null && l.mrpText.trim() !== '') return at('mrp', `${l.sku}: MRP in rupees`);
    const discountBps = percentBps(l.discText);
    if (discountBps === null) return at('discountBps', `${l.sku}: discount as a per cent, e.g. 2.5`);
    out.push({
      productId: l.productId,
      batchNo: l.batchNo,
      manufacturedOn: l.manufacturedOn || null,
      expiresOn: l.expiresOn || null,
      mrp,
      quantity,
      freeQuantity,
      rate,
      discountBps,
      discountAmount: 0,
    });
  }
  return {
    ok: true,
    input: {
      supplierId: head.supplierId,
      supplierInvoiceNo: head.supplierInvoiceNo,
      invoiceDate: head.invoiceDate,
      warehouseId: head.warehouseId,
      purchaseOrderId: head.purchaseOrderId,
      goodsReceiptId: null,
      freight,
      otherCharges,
      notes: '',
      lines: out,
    },
  };
}
