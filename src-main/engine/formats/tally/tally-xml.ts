/**
 * Writing Tally import XML by hand: Tally needs no library to read it, and the shapes are few. Text is escaped for
 * XML and every character outside ASCII goes as a numeric reference (&#2354;), so the file means the same whether
 * Tally reads it as UTF-8 or as its own code page — Tally itself writes references such as &#4; in its exports.
 */

// XML 1.0 cannot carry these even escaped; a stray control character from a pasted address is dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** After NOT_XML: the five XML specials and everything outside printable ASCII (whole code points). */
const SPECIAL = /[&<>"']|[^\t\n\r -~]/gu;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(SPECIAL, (ch) => ENTITIES[ch] ?? `&#${ch.codePointAt(0)};`);
}

/** Paise to Tally's rupees with two decimals and a sign: -605400 → "-6054.00". */
export function tallyAmount(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`${paise} is not a whole number of paise`);
  const abs = Math.abs(paise);
  return `${paise < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A business date (YYYY-MM-DD) as Tally's YYYYMMDD. */
export function tallyDate(day: string): string {
  return day.replaceAll('-', '');
}

export const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** A tree of elements: a leaf holds text; a list (….LIST) holds children. Attributes are written as given. */
export type XmlNode =
  | { tag: string; attrs?: Record<string, string>; text: string }
  | { tag: string; attrs?: Record<string, string>; children: XmlNode[] };

export const leaf = (tag: string, text: string, attrs?: Record<string, string>): XmlNode => ({ tag, attrs, text });
export const node = (tag: string, children: XmlNode[], attrs?: Record<string, string>): XmlNode => ({
  tag,
  attrs,
  children,
});

function open(n: XmlNode): string {
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<${n.tag}${attrs}>`;
}

function write(n: XmlNode, indent: string, out: string[]): void {
  if ('text' in n) {
    out.push(`${indent}${open(n)}${escapeXml(n.text)}</${n.tag}>`);
    return;
  }
  out.push(`${indent}${open(n)}`);
  for (const c of n.children) write(c, `${indent} `, out);
  out.push(`${indent}</${n.tag}>`);
}

/**
 * The import request around the messages (TALLY.md, source T2): Vouchers or All Masters, into the named company.
 * Masters say "Modify with new data" so that a second import updates a ledger rather than stopping on it.
 */
export function importEnvelope(report: 'Vouchers' | 'All Masters', company: string, messages: XmlNode[]): string {
  const statics = [leaf('SVCURRENTCOMPANY', company)];
  if (report === 'All Masters') statics.push(leaf('IMPORTDUPS', 'Modify with new data'));
  const envelope = node('ENVELOPE', [
    node('HEADER', [leaf('TALLYREQUEST', 'Import Data')]),
    node('BODY', [
      node('IMPORTDATA', [
        node('REQUESTDESC', [leaf('REPORTNAME', report), node('STATICVARIABLES', statics)]),
        node(
          'REQUESTDATA',
          messages.map((m) => node('TALLYMESSAGE', [m], { 'xmlns:UDF': 'TallyUDF' })),
        ),
      ]),
    ]),
  ]);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(envelope, '', out);
  return `${out.join('\r\n')}\r\n`;
}
