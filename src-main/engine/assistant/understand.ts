import { parseDates } from './date-phrases';

/** What the assistant understood: the same structured query an LLM endpoint could propose later. */
export type AssistantQuery =
  | {
      kind: 'orders';
      statuses: string[];
      customerId: number | null;
      city: string;
      stateCode: string;
      productId: number | null;
      from: string | null;
      to: string | null;
      mine: boolean;
    }
  | {
      kind: 'invoices';
      overdue: boolean;
      unpaid: boolean;
      customerId: number | null;
      from: string | null;
      to: string | null;
    }
  | {
      kind: 'report';
      report: string;
      filters: Record<string, string | number | null>;
      format: 'csv' | 'xlsx' | 'pdf' | null;
    }
  | { kind: 'balance'; customerId: number };

export interface Vocabulary {
  customers: { id: number; code: string; name: string }[];
  cities: string[];
  states: { code: string; name: string }[];
  products: { id: number; sku: string; name: string }[];
  brands: string[];
  categories: string[];
}

export type Understanding =
  { ok: true; query: AssistantQuery; explanation: string[] } | { ok: false; message: string; suggestions: string[] };

export const EXAMPLES = [
  'show my pending orders',
  'orders for Pune last week',
  'overdue invoices of Sharma Traders',
  'sales by product this month as excel',
  'how much does Sharma Traders owe',
  'backlog report for Maharashtra',
  'orders waiting for approval',
  'on-time delivery last month',
  'receivables ageing',
];

/** A name that matches more customers than this lists the first ones and says how many more. */
const MAX_CHOICES = 20;

const STOP = new Set([
  'show',
  'me',
  'my',
  'the',
  'of',
  'for',
  'in',
  'from',
  'to',
  'all',
  'list',
  'orders',
  'order',
  'invoices',
  'invoice',
  'bills',
  'bill',
  'by',
  'as',
  'a',
  'and',
  'report',
  'what',
  'are',
  'is',
  'with',
  'get',
  'please',
  'pending',
  'sales',
  'customer',
  'customers',
  'product',
  'products',
  'at',
  'how',
  'much',
  'does',
  'owe',
  'owes',
  'owed',
  'owing',
  'balance',
  'us',
]);

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Does `name` appear in the words, allowing one typo in words of five letters or more? */
function mentions(words: string[], name: string): boolean {
  const target = name.toLowerCase().split(/\s+/).filter(Boolean);
  if (target.length === 0) return false;
  for (let i = 0; i + target.length <= words.length; i++) {
    if (target.every((t, k) => words[i + k] === t || (t.length >= 5 && levenshtein(words[i + k]!, t) <= 1)))
      return true;
  }
  return false;
}

const REPORTS: [RegExp, string, string][] = [
  [/\bbacklog\b|\bbooking\b|\bbooked\b/, 'booking_billing_backlog', 'booking, billing and backlog'],
  [/on[- ]?time/, 'on_time_delivery', 'on-time delivery'],
  [/order[- ]to[- ]cash|cycle time/, 'order_to_cash', 'order-to-cash cycle'],
  [/ageing|aging/, 'receivables_ageing', 'receivables ageing'],
  [/scheme/, 'scheme_performance', 'scheme performance'],
  [/contribution/, 'product_contribution', 'product contribution'],
  [/delivery (?:notes?|register)/, 'delivery_register', 'delivery notes register'],
  [/customer performance|top customers/, 'customer_performance', 'customer performance'],
  [/\bsales\b/, 'sales_performance', 'sales'],
  [/order summary/, 'order_summary', 'order summary'],
];

const STATUS_WORDS: [RegExp, string[], string][] = [
  [/approval|approve|awaiting|waiting/, ['pending_approval'], 'waiting for approval'],
  [
    /backorder|pending|open|undelivered|not delivered/,
    ['confirmed', 'processing', 'picked', 'partially_delivered'],
    'pending',
  ],
  [/cancel/, ['cancelled'], 'cancelled'],
  [/part(?:ly|ially)? delivered/, ['partially_delivered'], 'partly delivered'],
  [/delivered/, ['delivered', 'invoiced'], 'delivered'],
  [/draft/, ['draft'], 'drafts'],
  [/picked|ready/, ['picked'], 'picked, ready to deliver'],
  [/invoiced|billed/, ['invoiced'], 'invoiced'],
  [/confirmed/, ['confirmed'], 'confirmed'],
];

/**
 * Reads a question the way a clerk asks it and says how it understood it. Names are matched
 * against the ledger's own customers, places, products, brands and categories. When a name
 * matches several customers, or nothing is recognised, it asks back with suggestions instead
 * of guessing an answer.
 */
export function understand(question: string, vocabulary: Vocabulary, today: string): Understanding {
  const text = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s\-/]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = text.split(' ').filter(Boolean);
  const explanation: string[] = [];
  if (words.length === 0)
    return { ok: false, message: 'Ask about orders, invoices or a report.', suggestions: EXAMPLES };

  const dates = parseDates(text, today);
  if (dates) explanation.push(`dates: ${dates.phrase} (${dates.from} to ${dates.to})`);

  const customerHits = vocabulary.customers.filter(
    (c) => mentions(words, c.name) || words.includes(c.code.toLowerCase()),
  );
  // A bare word such as "sharma" can name several customers: ask, do not guess. A word that is
  // a place ("Pune") means the place, not "Pune Distributors".
  const places = new Set([...vocabulary.cities, ...vocabulary.states.map((s) => s.name)].map((p) => p.toLowerCase()));
  const nameWord = (w: string) => w.length >= 4 && !STOP.has(w) && !places.has(w);
  const partial =
    customerHits.length === 0
      ? vocabulary.customers.filter((c) =>
          words.some((w) => nameWord(w) && c.name.toLowerCase().split(' ').includes(w)),
        )
      : [];
  if (partial.length > 1) {
    const word = words.find((w) => nameWord(w) && partial.every((c) => c.name.toLowerCase().split(' ').includes(w)))!;
    const asked = new RegExp(`\\b${word}\\b`, 'i');
    // Every match is named, so the right one of two similar customers is chosen, never guessed.
    const shown = partial.slice(0, MAX_CHOICES);
    const names = shown.map((c) => `${c.name} (${c.code})`).join(', ');
    const more = partial.length > shown.length ? ` and ${partial.length - shown.length} more` : '';
    return {
      ok: false,
      message: `“${word}” matches ${partial.length} customers: ${names}${more}. Which one?`,
      suggestions: shown.map((c) => question.replace(asked, c.name)),
    };
  }
  const customer =
    customerHits.sort((a, b) => b.name.length - a.name.length)[0] ?? (partial.length === 1 ? partial[0] : undefined);
  if (customer) explanation.push(`customer: ${customer.name} (${customer.code})`);
  const state = vocabulary.states.find((s) => mentions(words, s.name));
  const city = state ? undefined : vocabulary.cities.find((c) => mentions(words, c));
  if (state) explanation.push(`state: ${state.name}`);
  if (city) explanation.push(`city: ${city}`);
  const product = vocabulary.products.find(
    (p) => words.includes(p.sku.toLowerCase()) || (p.name.length > 6 && mentions(words, p.name)),
  );
  if (product) explanation.push(`product: ${product.name}`);
  const brand = vocabulary.brands.find((b) => mentions(words, b));
  const category = vocabulary.categories.find((c) => mentions(words, c));
  const mine = /\bmy\b|\bmine\b/.test(text);
  if (mine) explanation.push('my: orders I took or customers assigned to me');

  const format = /\bexcel\b|\bxlsx\b|spreadsheet/.test(text)
    ? 'xlsx'
    : /\bcsv\b/.test(text)
      ? 'csv'
      : /\bpdf\b|\bprint/.test(text)
        ? 'pdf'
        : null;
  if (format) explanation.push(`export: ${format.toUpperCase()}`);

  // "How much does Sharma Traders owe": the balance and what of it is overdue.
  if (/\bowes?\b|\bowed\b|\bowing\b|\bbalance\b|how much .*\b(?:due|pending|outstanding)\b/.test(text)) {
    if (!customer)
      return {
        ok: false,
        message: 'Whose balance? Name the customer.',
        suggestions: vocabulary.customers.slice(0, 3).map((c) => `how much does ${c.name} owe`),
      };
    explanation.unshift('balance: what the customer owes and what of it is overdue');
    return { ok: true, query: { kind: 'balance', customerId: customer.id }, explanation };
  }

  if (
    /\binvoices?\b|\bbills?\b|\bdues?\b|\boverdue\b|\boutstanding\b|\bunpaid\b/.test(text) &&
    !/ageing|aging/.test(text)
  ) {
    const overdue = /overdue|past due/.test(text);
    const unpaid = overdue || /unpaid|outstanding|due\b|dues/.test(text);
    explanation.unshift(overdue ? 'overdue invoices' : unpaid ? 'unpaid invoices' : 'invoices');
    return {
      ok: true,
      query: {
        kind: 'invoices',
        overdue,
        unpaid,
        customerId: customer?.id ?? null,
        from: dates?.from ?? null,
        to: dates?.to ?? null,
      },
      explanation,
    };
  }

  const report = REPORTS.find(([re]) => re.test(text));
  if (report) {
    const groupBy = /by product|products?\b|sku/.test(text)
      ? 'product'
      : /by brand|brands?/.test(text)
        ? 'brand'
        : /by category|categor/.test(text)
          ? 'category'
          : /by (?:city|state|place|region|geograph)/.test(text)
            ? 'geography'
            : /by (?:clerk|salesman|user)/.test(text)
              ? 'clerk'
              : 'customer';
    const range = dates ?? { from: today.slice(0, 7) + '-01', to: today };
    const filters: Record<string, string | number | null> = {
      from: range.from,
      to: range.to,
      customerId: customer?.id ?? null,
      stateCode: state?.code ?? '',
      city: city ?? '',
      productId: product?.id ?? null,
      brand: brand ?? '',
      category: category ?? '',
    };
    if (report[1] === 'sales_performance') filters.groupBy = groupBy;
    if (report[1] === 'booking_billing_backlog')
      filters.period =
        /week/.test(text) && !/last week|this week/.test(text) ? 'week' : /\bday|daily/.test(text) ? 'day' : 'month';
    if (!dates) explanation.push(`dates: this month (${range.from} to ${range.to})`);
    explanation.unshift(`report: ${report[2]}${report[1] === 'sales_performance' ? ` by ${groupBy}` : ''}`);
    return { ok: true, query: { kind: 'report', report: report[1], filters, format }, explanation };
  }

  const status = STATUS_WORDS.find(([re]) => re.test(text));
  const talksOrders = /\borders?\b|\bpending\b|\bbackorders?\b|\bapproval\b|\bdeliver/.test(text);
  if (talksOrders || status || (customer && !report)) {
    explanation.unshift(`orders${status ? `: ${status[2]}` : ''}`);
    return {
      ok: true,
      query: {
        kind: 'orders',
        statuses: status?.[1] ?? [],
        customerId: customer?.id ?? null,
        city: city ?? '',
        stateCode: state?.code ?? '',
        productId: product?.id ?? null,
        from: dates?.from ?? null,
        to: dates?.to ?? null,
        mine,
      },
      explanation,
    };
  }
  return { ok: false, message: `I did not understand “${question}”. Try one of these:`, suggestions: EXAMPLES };
}
