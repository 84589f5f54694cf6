import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../src-shared/contract';
import { call, ApiError } from '../api/client';
import { newDocumentKey } from '../api/document-key';

export interface DraftLine {
  key: number;
  productId: number;
  sku: string;
  name: string;
  baseUnit: string;
  packs: { unit: string; factor: number }[];
  quantity: number;
  enteredAs: string;
  priceOverride: number | null;
  manualDiscountBps: number;
  shortageAction: 'reduce' | 'backorder' | 'other_warehouse';
  warehouseId: number | null;
}

type Quote = OutputOf<'orders.quote'>;
type Detail = OutputOf<'orders.get'>;

/** A party the clerk named on this order; left unset, the customer's default applies. */
export type PartyChoice = { id: number; label: string } | null;
export type PartyRole = 'billTo' | 'shipTo' | 'payer' | 'endBuyerParty';

interface DraftState {
  id: number | null;
  version: number | null;
  customer: { id: number; label: string } | null;
  warehouseId: number | null;
  paymentType: 'cash' | 'credit' | 'cheque' | 'upi_bank';
  endBuyer: string;
  billTo: PartyChoice;
  shipTo: PartyChoice;
  payer: PartyChoice;
  endBuyerParty: PartyChoice;
  requiredDate: string;
  reference: string;
  remarks: string;
  lines: DraftLine[];
  quote: Quote | null;
  quoteError: string;
  busy: boolean;
  result: Detail | null;
  error: ApiError | null;
  /** The Idempotency-Key of this order: a second Ctrl+Enter replays the first placing, never a second order. */
  documentKey: string;
  set(patch: Partial<DraftState>): void;
  addLine(line: Omit<DraftLine, 'key'>): void;
  updateLine(key: number, patch: Partial<DraftLine>): void;
  removeLine(key: number): void;
  requote(): Promise<void>;
  save(mode: 'draft' | 'place'): Promise<Detail | null>;
  resume(detail: Detail): Promise<void>;
  reset(): void;
}

let nextKey = 1;
const blank = {
  id: null,
  version: null,
  customer: null,
  paymentType: 'credit' as const,
  endBuyer: '',
  billTo: null as PartyChoice,
  shipTo: null as PartyChoice,
  payer: null as PartyChoice,
  endBuyerParty: null as PartyChoice,
  requiredDate: '',
  reference: '',
  remarks: '',
  lines: [] as DraftLine[],
  quote: null,
  quoteError: '',
  busy: false,
  result: null,
  error: null,
};

function toInput(s: DraftState): InputOf<'orders.quote'> | null {
  if (!s.customer || !s.warehouseId || s.lines.length === 0) return null;
  return {
    customerId: s.customer.id,
    warehouseId: s.warehouseId,
    paymentType: s.paymentType,
    endBuyer: s.endBuyer,
    // Unset parties are left out, so the customer master's defaults apply; the end buyer has no default.
    ...(s.billTo && { billToId: s.billTo.id }),
    ...(s.shipTo && { shipToId: s.shipTo.id }),
    ...(s.payer && { payerId: s.payer.id }),
    endBuyerId: s.endBuyerParty?.id ?? null,
    requiredDate: s.requiredDate || null,
    reference: s.reference,
    remarks: s.remarks,
    lines: s.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      enteredAs: l.enteredAs,
      priceOverride: l.priceOverride,
      manualDiscountBps: l.manualDiscountBps,
      shortageAction: l.shortageAction,
      warehouseId: l.shortageAction === 'other_warehouse' ? l.warehouseId : null,
    })),
  };
}

/** The parties a saved order named (those that are not the customer itself), to carry on editing it. */
function resumedParties(detail: Detail) {
  const named = (p: { id: number; code: string; name: string } | null): PartyChoice =>
    p && p.id !== detail.customerId ? { id: p.id, label: `${p.name} (${p.code})` } : null;
  const { billTo, shipTo, payer, endBuyer } = detail.parties;
  return { billTo: named(billTo), shipTo: named(shipTo), payer: named(payer), endBuyerParty: named(endBuyer) };
}

let quoteSeq = 0;

/** The order being typed: lines, and the engine's live quote of it. */
export const useOrderDraft = create<DraftState>((set, get) => ({
  ...blank,
  warehouseId: null,
  documentKey: newDocumentKey(),
  // Any edit clears the last save's error: "Choose a customer first" must not outlive the choice.
  set(patch) {
    set({ ...patch, result: null, error: null });
    void get().requote();
  },
  addLine(line) {
    set((s) => ({ lines: [...s.lines, { ...line, key: nextKey++ }], result: null, error: null }));
    void get().requote();
  },
  updateLine(key, patch) {
    set((s) => ({ lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)), error: null }));
    void get().requote();
  },
  removeLine(key) {
    set((s) => ({ lines: s.lines.filter((l) => l.key !== key), error: null }));
    void get().requote();
  },
  async requote() {
    const input = toInput(get());
    const seq = ++quoteSeq;
    if (!input) return set({ quote: null, quoteError: '' });
    try {
      const quote = await call('orders.quote', input);
      if (seq === quoteSeq) set({ quote, quoteError: '' });
    } catch (e) {
      if (seq === quoteSeq) set({ quoteError: (e as Error).message });
    }
  },
  async save(mode) {
    const s = get();
    const input = toInput(s);
    if (!input) {
      set({
        error: new ApiError({
          code: 'invalid_input',
          message: !s.customer ? 'Choose a customer first' : 'Add at least one product',
          field: !s.customer ? 'customerId' : 'lines',
        }),
      });
      return null;
    }
    set({ busy: true, error: null });
    try {
      const detail = await call(
        mode === 'draft' ? 'orders.saveDraft' : 'orders.place',
        { ...input, id: s.id, version: s.version },
        mode === 'place' ? { idempotencyKey: s.documentKey } : {},
      );
      set({
        busy: false,
        result: detail,
        id: detail.status === 'draft' ? detail.id : null,
        version: detail.status === 'draft' ? detail.version : null,
      });
      return detail;
    } catch (e) {
      set({ busy: false, error: e as ApiError });
      return null;
    }
  },
  async resume(detail) {
    const lines = await Promise.all(
      detail.lines
        .filter((l) => !l.isFree)
        .map(async (l) => {
          const p = await call('products.get', { id: l.productId });
          return {
            key: nextKey++,
            productId: l.productId,
            sku: l.sku,
            name: l.productName,
            baseUnit: p.baseUnit,
            packs: p.packs,
            quantity: l.quantity,
            enteredAs: l.enteredAs,
            priceOverride: l.priceOverridden ? l.unitPrice : null,
            manualDiscountBps: l.manualDiscountBps,
            shortageAction: l.shortageAction as DraftLine['shortageAction'],
            warehouseId: l.warehouseId,
          };
        }),
    );
    set({
      ...blank,
      documentKey: newDocumentKey(),
      id: detail.id,
      version: detail.version,
      customer: { id: detail.customerId, label: `${detail.customerName} (${detail.customerCode})` },
      warehouseId: detail.warehouseId,
      paymentType: detail.paymentType,
      endBuyer: detail.endBuyer,
      ...resumedParties(detail),
      requiredDate: detail.requiredDate ?? '',
      reference: detail.reference,
      remarks: detail.remarks,
      lines,
    });
    void get().requote();
  },
  reset() {
    set({ ...blank, documentKey: newDocumentKey(), warehouseId: get().warehouseId });
  },
}));
