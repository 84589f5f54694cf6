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
 * Adds a search box to a list query. Words of three or more characters go to the trigram FTS
 * index (substring match anywhere); shorter words fall back to a prefix match on the given columns.
 */
export function addSearch(where: Where, search: string, fts: { table: string; idColumn: string }, prefixColumns: string[]): void {
  const words = search.split(/\s+/).filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  if (long.length) {
    const match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
    where.add(`${fts.idColumn} IN (SELECT rowid FROM ${fts.table} WHERE ${fts.table} MATCH ?)`, match);
  }
  for (const word of short) {
    where.add(`(${prefixColumns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...prefixColumns.map(() => `${escapeLike(word)}%`));
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
