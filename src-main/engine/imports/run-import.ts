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
import { dropKeptFile, keepFile } from './kept-file';
import type { ImportKind } from './import-kinds';

type AnySpec = CsvImportSpec<z.ZodType>;

/**
 * How the writer cuts its work: a transaction writes rows until it holds `chunkRows` rows or
 * has run `budgetMs`, then commits and lets the event loop answer other calls before the next one.
 */
export const importTuning = { chunkRows: 500, budgetMs: 15, checkpointEvery: 4 };

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
  /** the kept copy of the file, removed once the import is done */
  kept: string;
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
  const kept = await keepFile(ctx, csv);
  const id = Number(
    ctx.ledger.sqlite
      .prepare(
        `INSERT INTO imports (kind, params, mode, status, total, next_row, next_offset, refused, csv_file, user_id,
          started_at, updated_at) VALUES (?, ?, ?, 'running', ?, 2, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.kind,
        JSON.stringify(request.params),
        mode,
        checked.total,
        checked.start.offset,
        refusedInCheck,
        kept,
        ctx.actor?.id ?? null,
        now,
        now,
      ).lastInsertRowid,
  );
  const progress: Progress = { id, mode, imported: 0, refused: refusedInCheck, state: {}, kept };
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
  // A kind that records where its rows came from (sell-out reports, held rows) reads its imports row from here.
  progress.state.importId = progress.id;
  const spec = request.build(ctx, progress.state);
  const { header } = headingLine(csv);
  const fields = Papa.parse(header, { header: true, transformHeader: normaliseHeading }).meta.fields ?? [];
  const headings = mapHeadings(fields, spec);
  const late: RowProblem[] = [];
  const { offsets, start } = checked;
  const at = (i: number) => ({ offset: offsets[i] ?? checked.end, row: start.row + i });
  const save = sqlite.prepare(
    `UPDATE imports SET next_row = ?, next_offset = ?, imported = ?, refused = ?, state = ?, status = ?,
      message = ?, csv_file = CASE WHEN ? = 'done' THEN NULL ELSE csv_file END, updated_at = ? WHERE id = ?`,
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
    let i = 0;
    // Parse about twice what the last transaction managed: 500 rows of a wide file take a while to parse.
    let reach = 50;
    let sinceCheckpoint = 0;
    while (i < offsets.length) {
      const from = i;
      const started = Date.now();
      const before = { imported: progress.imported, refused: progress.refused, state: { ...progress.state } };
      try {
        sqlite
          .transaction(() => {
            let inChunk = 0;
            while (i < offsets.length && inChunk < importTuning.chunkRows) {
              const until = Math.min(offsets.length, i + Math.min(reach, importTuning.chunkRows - inChunk));
              const text = header + csv.slice(offsets[i], at(until).offset);
              const run = { refusedRows, progress, late };
              const taken = writeRows(ctx, spec, text, start.row + i, headings, started, run);
              reach = taken * 2 + 10;
              i += taken;
              inChunk += taken;
              if (i < until) break; // the time budget is spent
            }
            record(at(i), i < offsets.length ? 'running' : 'done');
          })
          .immediate();
      } catch (error) {
        if (!(error instanceof LateRefusal)) throw error;
        // The spec holds `progress.state`: put the earlier values back into that same object.
        progress.imported = before.imported;
        progress.refused = before.refused;
        for (const key of Object.keys(progress.state)) delete progress.state[key];
        Object.assign(progress.state, before.state);
        const stop = at(from);
        const problem = error.problems[0]!;
        record(stop, 'interrupted', `Row ${problem.row}, ${problem.field}: ${problem.message}`);
        return { errors: error.problems, interruptedAtRow: stop.row };
      }
      // Let the calls that arrived meanwhile run before the next transaction.
      if (i < offsets.length) await new Promise((resume) => setImmediate(resume));
      // Copy the WAL into the ledger a few transactions' worth at a time, in a turn of its own: left to the
      // idle timer's 5 s bound, one checkpoint of a busy import's pages held the loop for a second.
      if (++sinceCheckpoint >= importTuning.checkpointEvery && i < offsets.length) {
        sinceCheckpoint = 0;
        sqlite.pragma('wal_checkpoint(PASSIVE)');
        await new Promise((resume) => setImmediate(resume));
      }
    }
    if (offsets.length === 0) record(at(0), 'done');
    await dropKeptFile(progress.kept);
    return { errors: late, interruptedAtRow: null };
  } finally {
    activeImports.delete(progress.id);
  }
}

/**
 * Writes rows from the top of `text`, each in its own savepoint, until the time budget is spent (always at least
 * one row); returns how many rows it took.
 */
function writeRows(
  ctx: EngineContext,
  spec: AnySpec,
  text: string,
  firstRow: number,
  headings: Map<string, string>,
  started: number,
  run: { refusedRows: Set<number>; progress: Progress; late: RowProblem[] },
): number {
  const rows = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normaliseHeading,
  }).data;
  const file = new ImportFile();
  let taken = 0;
  for (const raw of rows) {
    if (taken > 0 && Date.now() - started >= importTuning.budgetMs) break;
    const row = firstRow + taken;
    taken += 1;
    if (run.refusedRows.has(row)) continue;
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
      continue;
    }
    // The ledger changed between the check and the write (someone saved the same SKU meanwhile).
    if (run.progress.mode === 'all-or-nothing') throw new LateRefusal(problems);
    run.progress.refused += 1;
    run.late.push(...problems);
  }
  return taken;
}
