/**
 * How a search box's text becomes conditions. Every word must be found somewhere in the row
 * (name, SKU, brand, pack size), however short: "basmati 5", "face wash 50", "1l". Clerks
 * type pack sizes without the space the master has ("1l" for "1 L", "50ml" for "50 ml"), so a
 * word is compared with the row's text with its spaces taken out.
 *
 * The trigram index can only look up pieces of three or more characters, so each word also
 * gives its "anchors": its runs of letters or of digits that are that long ("500ml" → "500").
 * An anchor is in the row's text whenever the word is, so the index narrows the rows and the
 * plain comparison checks the rest on those few.
 */
export interface SearchWord {
  /** lower case, spaces removed: compared with the row's compacted text */
  text: string;
  /** pieces of ≥ 3 characters the trigram index can look up */
  anchors: string[];
  /**
   * For a short number ("5", "50", "1l") with no anchor: the three characters it is written
   * with in a master ("Rice 5 kg", "Wash 50 ml", "Oil 1 L" / "Oil 1L"), one of which the row
   * must hold. This keeps "1l" or "basmati 5" on the index instead of reading every row; the
   * price is that a short number glued to letters before it ("P5") is not found by it alone.
   */
  spelled: string[];
}

const MIN_ANCHOR = 3;

/** sizes: numbers are pack sizes (products), so short ones get spelled anchors; not for phones or codes. */
export function searchWords(search: string, options: { sizes?: boolean } = {}): SearchWord[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].map((text) => {
    const anchors = (text.match(/[\p{L}]+|[\p{N}]+/gu) ?? []).filter((piece) => piece.length >= MIN_ANCHOR);
    return { text, anchors, spelled: options.sizes && anchors.length === 0 ? spelledNumber(text) : [] };
  });
}

function spelledNumber(text: string): string[] {
  if (!/^\p{N}/u.test(text)) return [];
  if (text.length === 1) return [` ${text} `];
  const [first, second] = [text[0]!, text[1]!];
  return /\p{L}/u.test(second) ? [` ${first}${second}`, `${first} ${second}`] : [` ${first}${second}`];
}

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The trigram MATCH expression: every anchor, and one spelling of each short number; null when none. */
export function anchorQuery(words: SearchWord[]): string | null {
  const anchors = [...new Set(words.flatMap((w) => w.anchors))].map(phrase);
  const spelled = words
    .filter((w) => w.spelled.length)
    .map((w) => (w.spelled.length === 1 ? phrase(w.spelled[0]!) : `(${w.spelled.map(phrase).join(' OR ')})`));
  const all = [...anchors, ...spelled];
  return all.length ? all.join(' AND ') : null;
}

/** "SO/26-27/000133" is found by "133": a number typed alone is the tail of a document number. */
export function documentNumberTail(search: string): string | null {
  const text = search.trim();
  return /^\d{1,6}$/.test(text) ? text.padStart(6, '0') : null;
}
