/**
 * Which price a line gets, and why. Precedence, most specific first:
 *   end buyer > customer > customer type in a geography > customer type > geography > brand (HQ) > product price.
 * Within geography, an area beats a district beats a state.
 * Ties (two lists equally specific, both valid, both with a slab that fits) are broken, never
 * refused: the list whose validity started latest wins (the newer agreement), then the lower
 * price (the customer is never overcharged by an ambiguity), then the lower list id.
 */
/** brand: a price list HQ published for every customer of this distributor (pulled by sync). */
export type PriceScope = 'end_buyer' | 'customer' | 'type_geography' | 'type' | 'geography' | 'brand';

export interface PriceListCandidate {
  id: number;
  name: string;
  scope: PriceScope;
  customerId: number | null;
  customerType: string;
  stateCode: string;
  district: string;
  area: string;
  endBuyer: string;
  /** an end-buyer agreement's line: matches the order's end buyer by customer id, not by name */
  endBuyerId?: number | null;
  agreementLineId?: number | null;
  validFrom: string | null;
  validTo: string | null;
  taxInclusive: boolean;
  /** this product's slabs on the list */
  slabs: { minQuantity: number; price: number }[];
}

export interface PriceContext {
  customerId: number;
  customerType: string;
  stateCode: string;
  district: string;
  area: string;
  endBuyer: string;
  /** the order's end buyer as a customer record, when it names one */
  endBuyerId?: number | null;
  /** yyyy-mm-dd */
  date: string;
  quantity: number;
  productPrice: number;
}

export interface ResolvedPrice {
  unitPrice: number;
  taxInclusive: boolean;
  priceListId: number | null;
  /** the end-buyer agreement line that set the price, if one did */
  agreementLineId: number | null;
  explanation: string;
}

const scopeRank: Record<PriceScope, number> = {
  end_buyer: 5,
  customer: 4,
  type_geography: 3,
  type: 2,
  geography: 1,
  brand: 0,
};
const scopeText: Record<PriceScope, string> = {
  end_buyer: 'end-buyer price',
  customer: 'customer price',
  type_geography: 'customer type + geography price',
  type: 'customer type price',
  geography: 'geography price',
  brand: 'brand price from HQ',
};

/** How well a list's geography fits: 3 area, 2 district, 1 state, 0 none; -1 when it names somewhere else. */
function geographyFit(list: PriceListCandidate, ctx: PriceContext): number {
  const eq = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (list.stateCode && list.stateCode !== ctx.stateCode) return -1;
  if (list.district && !eq(list.district, ctx.district)) return -1;
  if (list.area && !eq(list.area, ctx.area)) return -1;
  return list.area ? 3 : list.district ? 2 : list.stateCode ? 1 : 0;
}

function applies(list: PriceListCandidate, ctx: PriceContext): number | null {
  if (list.validFrom && ctx.date < list.validFrom) return null;
  if (list.validTo && ctx.date > list.validTo) return null;
  switch (list.scope) {
    case 'end_buyer':
      if (list.endBuyerId) return list.endBuyerId === ctx.endBuyerId ? 0 : null;
      return ctx.endBuyer && list.endBuyer.trim().toLowerCase() === ctx.endBuyer.trim().toLowerCase() ? 0 : null;
    case 'customer':
      return list.customerId === ctx.customerId ? 0 : null;
    case 'type': {
      return list.customerType === ctx.customerType ? 0 : null;
    }
    case 'type_geography': {
      if (list.customerType !== ctx.customerType) return null;
      const fit = geographyFit(list, ctx);
      return fit > 0 ? fit : null;
    }
    case 'geography': {
      const fit = geographyFit(list, ctx);
      return fit > 0 ? fit : null;
    }
    case 'brand':
      return 0;
  }
}

export function slabFor(slabs: { minQuantity: number; price: number }[], quantity: number) {
  let best: { minQuantity: number; price: number } | null = null;
  for (const s of slabs) if (s.minQuantity <= quantity && (!best || s.minQuantity > best.minQuantity)) best = s;
  return best;
}

export function resolvePrice(lists: PriceListCandidate[], ctx: PriceContext): ResolvedPrice {
  const fits: { list: PriceListCandidate; fit: number; slab: { minQuantity: number; price: number } }[] = [];
  for (const list of lists) {
    const fit = applies(list, ctx);
    if (fit === null) continue;
    const slab = slabFor(list.slabs, ctx.quantity);
    if (slab) fits.push({ list, fit, slab });
  }
  if (fits.length === 0) {
    return {
      unitPrice: ctx.productPrice,
      taxInclusive: false,
      priceListId: null,
      agreementLineId: null,
      explanation: 'product price (no price list applies)',
    };
  }
  fits.sort(
    (a, b) =>
      scopeRank[b.list.scope] - scopeRank[a.list.scope] ||
      b.fit - a.fit ||
      (b.list.validFrom ?? '').localeCompare(a.list.validFrom ?? '') ||
      a.slab.price - b.slab.price ||
      a.list.id - b.list.id,
  );
  const { list, slab } = fits[0]!;
  const slabText = slab.minQuantity > 1 ? `, slab from ${slab.minQuantity}` : '';
  const others = fits.length > 1 ? `; ${fits.length - 1} less specific or older list(s) also matched` : '';
  return {
    unitPrice: slab.price,
    taxInclusive: list.taxInclusive,
    priceListId: list.agreementLineId ? null : list.id,
    agreementLineId: list.agreementLineId ?? null,
    explanation: `${list.name} (${scopeText[list.scope]}${slabText}${list.taxInclusive ? ', tax inclusive' : ''})${others}`,
  };
}
