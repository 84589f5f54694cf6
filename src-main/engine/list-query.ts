import { anchorQuery, searchWords } from './search-tokens';

/** Builds the WHERE of a list screen's query from optional filters, with bound parameters only. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  when(value: unknown, condition: string, ...params: unknown[]): this {
    if (value !== '' && value !== null && value !== undefined) this.add(condition, ...params);
    return this;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * Adds a search box to a list query: every word must appear somewhere in the given columns
 * (see search-tokens.ts). Words' anchors go to the trigram FTS index, which narrows the rows;
 * each word is then checked against the columns' text, lower case, spaces removed; a word that
 * starts with a digit must, in a product search (sizes), be a whole number there.
 */
export function addSearch(
  where: Where,
  search: string,
  fts: { table: string; idColumn: string },
  columns: string[],
  options: { sizes?: boolean } = {},
): void {
  const words = searchWords(search, options);
  if (words.length === 0) return;
  const match = anchorQuery(words);
  if (match) where.add(`${fts.idColumn} IN (SELECT rowid FROM ${fts.table} WHERE ${fts.table} MATCH ?)`, match);
  const haystack = compacted(columns);
  for (const word of words) {
    // A word that is all anchor (one run of ≥ 3 letters or digits) is already proven by the index.
    const isNumber = Boolean(options.sizes) && /^\p{N}/u.test(word.text);
    if (!isNumber && word.anchors.length === 1 && word.anchors[0] === word.text) continue;
    // A number is a whole number: "5" finds 5 kg, never 25 kg or 500 g; "50" never 150 ml.
    if (isNumber) {
      const end = /\p{N}$/u.test(word.text) ? '[^0-9]*' : '*';
      where.add(`(' ' || ${haystack} || ' ') GLOB ?`, `*[^0-9]${escapeGlob(word.text)}${end}`);
    } else where.add(`${haystack} LIKE ? ESCAPE '\\'`, `%${escapeLike(word.text)}%`);
  }
}

/** The columns as one lower-case text without spaces, the way search words are compared. */
export function compacted(columns: string[]): string {
  return `replace(lower(${columns.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ")}), ' ', '')`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]]/g, (c) => `[${c}]`);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
