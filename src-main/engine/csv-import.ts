import Papa from 'papaparse';
import type { z } from 'zod';
import type { ImportResult } from '../../src-shared/contract/common';
import type { EngineContext } from './context';
import { DomainError } from './errors';

export type ImportMode = 'preview' | 'all-or-nothing' | 'valid-rows';

export interface CsvImportSpec<S extends z.ZodType> {
  /** Canonical column name → other headings that mean the same (from Tally/Excel exports). */
  columns: Record<string, string[]>;
  required: string[];
  /** Turns one CSV record (canonical column → text) into the object the schema checks. */
  toInput(record: Record<string, string>, ctx: EngineContext): unknown;
  schema: S;
  /** A schema path ("billTo.stateCode") → the CSV column the clerk should fix ("state"). */
  columnFor: Record<string, string>;
  write(ctx: EngineContext, value: z.output<S>): void;
}

const normalise = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

class RollbackImport extends Error {}

/** A rejected row: which spreadsheet line, which column, and why. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every row goes through the same create path as the form, each in its own savepoint, so an
 * import reports exactly what a save would have said. Preview and a failed all-or-nothing run
 * roll the whole file back: nothing is written.
 */
export function runCsvImport<S extends z.ZodType>(
  ctx: EngineContext,
  csv: string,
  mode: ImportMode,
  spec: CsvImportSpec<S>,
): ImportResult {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normalise,
  });
  const headings = new Map<string, string>();
  for (const field of parsed.meta.fields ?? []) {
    for (const [canonical, aliases] of Object.entries(spec.columns)) {
      if (field === canonical || aliases.map(normalise).includes(field)) headings.set(canonical, field);
    }
  }
  const missing = spec.required.filter((c) => !headings.has(c));
  if (missing.length)
    throw new DomainError(
      'invalid_input',
      `The file has no ${missing.join(', ')} column; the first line must name the columns`,
      'csv',
    );
  if (parsed.data.length === 0)
    throw new DomainError('invalid_input', 'The file has a heading line but no rows', 'csv');

  const errors: ImportResult['errors'] = [];
  let valid = 0;
  const { sqlite } = ctx.ledger;
  const importAll = sqlite.transaction(() => {
    parsed.data.forEach((raw, index) => {
      const row = index + 2;
      const record: Record<string, string> = {};
      for (const [canonical, field] of headings) record[canonical] = (raw[field] ?? '').trim();
      try {
        sqlite.transaction(() => {
          const checked = spec.schema.safeParse(spec.toInput(record, ctx));
          if (!checked.success) {
            for (const issue of checked.error.issues) {
              const path = issue.path.join('.');
              errors.push({
                row,
                field: spec.columnFor[path] ?? spec.columnFor[String(issue.path[0])] ?? path,
                message: issue.message,
              });
            }
            throw new RollbackImport();
          }
          spec.write(ctx, checked.data);
        })();
        valid += 1;
      } catch (error) {
        if (error instanceof RollbackImport) return;
        if (error instanceof DomainError || error instanceof RowError) {
          const field =
            error instanceof RowError ? error.field : (spec.columnFor[error.field ?? ''] ?? error.field ?? '');
          errors.push({ row, field, message: error.message });
          return;
        }
        throw error;
      }
    });
    const keep = mode === 'valid-rows' || (mode === 'all-or-nothing' && errors.length === 0);
    if (!keep) throw new RollbackImport();
  });
  let written = true;
  try {
    importAll();
  } catch (error) {
    if (!(error instanceof RollbackImport)) throw error;
    written = false;
  }
  return { total: parsed.data.length, valid, imported: written ? valid : 0, written: written && valid > 0, errors };
}
