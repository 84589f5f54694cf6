import Papa from 'papaparse';
import type { z } from 'zod';
import type { ImportResult } from '../../../src-shared/contract/common';
import type { EngineContext } from '../context';
import {
  headingLine,
  ImportFile,
  mapHeadings,
  normaliseHeading,
  problemsOf,
  readRow,
  recordOf,
  withoutBom,
  type CheckedFile,
  type CsvImportSpec,
  type ImportMode,
  type RowProblem,
} from '../csv-import';
import { checkImportTask, type ImportCheckJob } from './check-task';
import type { ImportKind } from './import-kinds';

type AnySpec = CsvImportSpec<z.ZodType>;

/**
 * How the writer cuts its work: a transaction takes 100 rows (a checked piece) at a time until it holds `chunkRows` rows or
 * has run `budgetMs`, then commits and lets the event loop answer other calls before the next one.
 */
export const importTuning = { chunkRows: 500, budgetMs: 25 };

/** Imports this process is writing now; a `running` row not in here was left by a process that stopped. */
export const activeImports = new Set<number>();

export interface ImportRequest {
  kind: ImportKind;
  params: Record<string, unknown>;
  /** The spec over this context; `state` carries what must survive between transactions and a resume. */
  build: (ctx: EngineContext, state: Record<string, unknown>) => AnySpec;
}

/** The read-only check, in a read worker when the host has one (big files take seconds), else here. */
export async function checkFile(ctx: EngineContext, job: ImportCheckJob): Promise<CheckedFile> {
  if (ctx.runInWorker) return (await ctx.runInWorker('imports.check', job)) as CheckedFile;
  return checkImportTask(ctx, job);
}

/** Class of a row refused while writing an all-or-nothing import: stops it, with its chunk rolled back. */
class LateRefusal extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems[0]?.message ?? 'refused');
  }
}

interface Progress {
  id: number;
  mode: 'all-or-nothing' | 'valid-rows';
  imported: number;
  refused: number;
  state: Record<string, unknown>;
}

/**
 * Checks the whole file without writing (the preview), then, unless it is only a preview or an all-or-nothing
 * file with a bad row, writes it in short transactions recorded in an `imports` row.
 */
export async function runImport(
  ctx: EngineContext,
  request: ImportRequest,
  rawCsv: string,
  mode: ImportMode,
): Promise<ImportResult> {
  const csv = withoutBom(rawCsv);
  const checked = await checkFile(ctx, { kind: request.kind, params: request.params, csv });
  const base = { total: checked.total, valid: checked.valid, errors: checked.errors, importId: null };
  const none = { ...base, imported: 0, written: false, interruptedAtRow: null };
  if (mode === 'preview' || checked.valid === 0 || (mode === 'all-or-nothing' && checked.errors.length > 0))
    return none;
  const now = ctx.now().toISOString();
  const refusedInCheck = new Set(checked.errors.map((e) => e.row)).size;
  const id = Number(
    ctx.ledger.sqlite
      .prepare(
        `INSERT INTO imports (kind, params, mode, status, total, next_row, next_offset, refused, csv, user_id,
          started_at, updated_at) VALUES (?, ?, ?, 'running', ?, 2, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.kind,
        JSON.stringify(request.params),
        mode,
        checked.total,
        checked.start.offset,
        refusedInCheck,
        csv,
        ctx.actor?.id ?? null,
        now,
        now,
      ).lastInsertRowid,
  );
  const progress: Progress = { id, mode, imported: 0, refused: refusedInCheck, state: {} };
  const late = await writeChecked(ctx, request, csv, checked, progress);
  return {
    ...base,
    errors: [...checked.errors, ...late.errors].sort((a, b) => a.row - b.row),
    importId: id,
    imported: progress.imported,
    written: progress.imported > 0,
    interruptedAtRow: late.interruptedAtRow,
  };
}

/**
 * Writes the rows the check passed, a transaction at a time, each committing its progress with it: a crash leaves
 * the import `running` at the first row not yet written, which the import screen shows as interrupted there.
 */
export async function writeChecked(
  ctx: EngineContext,
  request: ImportRequest,
  csv: string,
  checked: CheckedFile,
  progress: Progress,
): Promise<{ errors: RowProblem[]; interruptedAtRow: number | null }> {
  const { sqlite } = ctx.ledger;
  const refusedRows = new Set(checked.errors.map((e) => e.row));
  const spec = request.build(ctx, progress.state);
  const { header } = headingLine(csv);
  const fields = Papa.parse(header, { header: true, transformHeader: normaliseHeading }).meta.fields ?? [];
  const headings = mapHeadings(fields, spec);
  const late: RowProblem[] = [];
  const pieces = checked.pieces;
  const save = sqlite.prepare(
    `UPDATE imports SET next_row = ?, next_offset = ?, imported = ?, refused = ?, state = ?, status = ?,
      message = ?, csv = CASE WHEN ? = 'done' THEN NULL ELSE csv END, updated_at = ? WHERE id = ?`,
  );
  const record = (next: { offset: number; row: number }, status: string, message = '') =>
    save.run(
      next.row,
      next.offset,
      progress.imported,
      progress.refused,
      JSON.stringify(progress.state),
      status,
      message,
      status,
      ctx.now().toISOString(),
      progress.id,
    );
  activeImports.add(progress.id);
  try {
    let p = 0;
    while (p < pieces.length) {
      const from = p;
      const started = Date.now();
      const before = { imported: progress.imported, refused: progress.refused, state: { ...progress.state } };
      try {
        sqlite
          .transaction(() => {
            let rows = 0;
            while (p < pieces.length && rows < importTuning.chunkRows) {
              if (rows > 0 && Date.now() - started >= importTuning.budgetMs) break;
              const piece = pieces[p]!;
              const end = pieces[p + 1]?.offset ?? checked.end;
              rows += writePiece(ctx, spec, header + csv.slice(piece.offset, end), piece.row, headings, {
                refusedRows,
                progress,
                late,
              });
              p += 1;
            }
            const next = pieces[p] ?? { offset: checked.end, row: checked.start.row + checked.total };
            record(next, p < pieces.length ? 'running' : 'done');
          })
          .immediate();
      } catch (error) {
        if (!(error instanceof LateRefusal)) throw error;
        // The spec holds `progress.state`: put the earlier values back into that same object.
        progress.imported = before.imported;
        progress.refused = before.refused;
        for (const key of Object.keys(progress.state)) delete progress.state[key];
        Object.assign(progress.state, before.state);
        const stop = pieces[from]!;
        const problem = error.problems[0]!;
        record(stop, 'interrupted', `Row ${problem.row}, ${problem.field}: ${problem.message}`);
        return { errors: error.problems, interruptedAtRow: stop.row };
      }
      // Let the calls that arrived meanwhile run before the next transaction.
      if (p < pieces.length) await new Promise((resume) => setImmediate(resume));
    }
    if (pieces.length === 0) record({ offset: checked.end, row: checked.start.row }, 'done');
    return { errors: late, interruptedAtRow: null };
  } finally {
    activeImports.delete(progress.id);
  }
}

/** Writes one piece's rows, each in its own savepoint; returns how many rows it read. */
function writePiece(
  ctx: EngineContext,
  spec: AnySpec,
  text: string,
  firstRow: number,
  headings: Map<string, string>,
  run: { refusedRows: Set<number>; progress: Progress; late: RowProblem[] },
): number {
  const rows = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normaliseHeading,
  }).data;
  const file = new ImportFile();
  rows.forEach((raw, index) => {
    const row = firstRow + index;
    if (run.refusedRows.has(row)) return;
    let problems: RowProblem[] | null = null;
    try {
      ctx.ledger.sqlite.transaction(() => {
        const read = readRow(spec, recordOf(raw, headings), row, ctx, file);
        if ('problems' in read) throw new LateRefusal(read.problems);
        spec.write(ctx, read.value);
      })();
    } catch (error) {
      problems = error instanceof LateRefusal ? error.problems : problemsOf(error, row, spec);
      if (!problems) throw error;
    }
    if (!problems) {
      run.progress.imported += 1;
      return;
    }
    // The ledger changed between the check and the write (someone saved the same SKU meanwhile).
    if (run.progress.mode === 'all-or-nothing') throw new LateRefusal(problems);
    run.progress.refused += 1;
    run.late.push(...problems);
  });
  return rows.length;
}
