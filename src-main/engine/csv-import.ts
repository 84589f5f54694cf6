import Papa from 'papaparse';
import type { z } from 'zod';
import type { ImportResult } from '../../src-shared/contract/common';
import type { EngineContext } from './context';
import { DomainError } from './errors';

export type ImportMode = 'preview' | 'all-or-nothing' | 'valid-rows';
export type RowProblem = ImportResult['errors'][number];

/**
 * What the rows checked so far in this file define (SKUs, barcodes, customer codes), so a later row that
 * repeats or refers to one is judged as it would be once the earlier rows are written.
 */
export class ImportFile {
  private readonly keys = new Map<string, Map<string, unknown>>();
  has(kind: string, key: string): boolean {
    return this.keys.get(kind)?.has(key) ?? false;
  }
  get<T>(kind: string, key: string): T | undefined {
    return this.keys.get(kind)?.get(key) as T | undefined;
  }
  count(kind: string): number {
    return this.keys.get(kind)?.size ?? 0;
  }
  add(kind: string, key: string, value: unknown = true): void {
    if (!this.keys.has(kind)) this.keys.set(kind, new Map());
    this.keys.get(kind)!.set(key, value);
  }
}

export interface CsvImportSpec<S extends z.ZodType> {
  /** Canonical column name → other headings that mean the same (from Tally/Excel exports). */
  columns: Record<string, string[]>;
  required: string[];
  /** Turns one CSV record (canonical column → text) into the object the schema checks. Reads only. */
  toInput(record: Record<string, string>, ctx: EngineContext, file: ImportFile): unknown;
  schema: S;
  /** A schema path ("billTo.stateCode") → the CSV column the clerk should fix ("state"). */
  columnFor: Record<string, string>;
  /**
   * Everything `write` would refuse, checked by reading only (the ledger and the rows before it in the file), so
   * the check can run on a read-only connection in a worker thread. Throws RowError or DomainError.
   */
  check(ctx: EngineContext, value: z.output<S>, file: ImportFile): void;
  /** A row passed: note what it defines for the rows after it. */
  remember?(value: z.output<S>, file: ImportFile): void;
  write(ctx: EngineContext, value: z.output<S>): void;
}

/** A rejected row: which spreadsheet line, which column, and why. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const normaliseHeading = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export const withoutBom = (csv: string) => csv.replace(/^\uFEFF/, '');

/** The heading line (with its line break) and where the rows start. */
export function headingLine(csv: string): { header: string; end: number } {
  // The first line break outside quotes (Papa's preview cursor reads past it).
  let quoted = false;
  let end = csv.length;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      end = i + 1;
      break;
    }
  }
  const header = csv.slice(0, end);
  return { header: header.endsWith('\n') ? header : `${header}\n`, end };
}

/** Which file column holds each canonical column; refuses a file without a required one. */
export function mapHeadings(fields: string[], spec: CsvImportSpec<z.ZodType>): Map<string, string> {
  const headings = new Map<string, string>();
  for (const field of fields) {
    for (const [canonical, aliases] of Object.entries(spec.columns)) {
      if (field === canonical || aliases.map(normaliseHeading).includes(field)) headings.set(canonical, field);
    }
  }
  const missing = spec.required.filter((c) => !headings.has(c));
  if (missing.length)
    throw new DomainError(
      'invalid_input',
      `The file has no ${missing.join(', ')} column; the first line must name the columns`,
      'csv',
    );
  return headings;
}

export function recordOf(raw: Record<string, string>, headings: Map<string, string>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [canonical, field] of headings) record[canonical] = (raw[field] ?? '').trim();
  return record;
}

/** The problems of one thrown refusal, named by the CSV column the clerk should fix. */
export function problemsOf(error: unknown, row: number, spec: CsvImportSpec<z.ZodType>): RowProblem[] | null {
  if (error instanceof RowError) return [{ row, field: error.field, message: error.message }];
  if (error instanceof DomainError) {
    const field = spec.columnFor[error.field ?? ''] ?? error.field ?? '';
    return [{ row, field, message: error.message }];
  }
  return null;
}

/** The row as the schema reads it, or its problems. */
export function readRow<S extends z.ZodType>(
  spec: CsvImportSpec<S>,
  record: Record<string, string>,
  row: number,
  ctx: EngineContext,
  file: ImportFile,
): { value: z.output<S> } | { problems: RowProblem[] } {
  let input: unknown;
  try {
    input = spec.toInput(record, ctx, file);
  } catch (error) {
    const problems = problemsOf(error, row, spec as CsvImportSpec<z.ZodType>);
    if (problems) return { problems };
    throw error;
  }
  const checked = spec.schema.safeParse(input);
  if (checked.success) return { value: checked.data };
  return {
    problems: checked.error.issues.map((issue) => {
      const path = issue.path.join('.');
      return {
        row,
        field: spec.columnFor[path] ?? spec.columnFor[String(issue.path[0])] ?? path,
        message: issue.message,
      };
    }),
  };
}

export interface CheckedFile {
  /** data rows checked (from `from` on) */
  total: number;
  valid: number;
  errors: RowProblem[];
  /** where each checked row starts in the file (row `start.row + i` at `offsets[i]`): the writer cuts there */
  offsets: number[];
  /** where the checked rows start (the first data row, or a resumed import's next row) */
  start: { offset: number; row: number };
  /** the offset where the rows end */
  end: number;
}

/**
 * The check a preview shows, reading only: parse the file and judge every row against the ledger and the rows
 * before it, as a save would. Runs in a read worker for big files; writes nothing, takes no lock.
 */
export function checkCsv<S extends z.ZodType>(
  ctx: EngineContext,
  csv: string,
  spec: CsvImportSpec<S>,
  options: { from?: { offset: number; row: number } } = {},
): CheckedFile {
  const { header, end: headerEnd } = headingLine(csv);
  const start = options.from ?? { offset: headerEnd, row: 2 };
  const text = header + csv.slice(start.offset);
  const shift = start.offset - header.length;
  const fields = Papa.parse(header, { header: true, transformHeader: normaliseHeading }).meta.fields ?? [];
  const headings = mapHeadings(fields, spec as CsvImportSpec<z.ZodType>);
  const file = new ImportFile();
  const result: CheckedFile = { total: 0, valid: 0, errors: [], offsets: [], start, end: csv.length };
  let rowStart = header.length;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normaliseHeading,
    step(parsed) {
      const row = start.row + result.total;
      result.offsets.push(rowStart + shift);
      rowStart = parsed.meta.cursor;
      result.total += 1;
      const read = readRow(spec, recordOf(parsed.data, headings), row, ctx, file);
      if ('problems' in read) {
        result.errors.push(...read.problems);
        return;
      }
      try {
        spec.check(ctx, read.value, file);
      } catch (error) {
        const problems = problemsOf(error, row, spec as CsvImportSpec<z.ZodType>);
        if (!problems) throw error;
        result.errors.push(...problems);
        return;
      }
      spec.remember?.(read.value, file);
      result.valid += 1;
    },
  });
  if (result.total === 0 && !options.from)
    throw new DomainError('invalid_input', 'The file has a heading line but no rows', 'csv');
  return result;
}
