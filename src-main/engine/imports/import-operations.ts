import { contract } from '../../../src-shared/contract';
import type { ImportResult } from '../../../src-shared/contract/common';
import type { importOperations, ImportRecord } from '../../../src-shared/contract/imports';
import { roleCan, type Permission } from '../../../src-shared/permissions';
import type { HandlerTable } from '../../api/handler-types';
import type { EngineContext } from '../context';
import { conflict, DomainError, notFound } from '../errors';
import { importKinds, isImportKind, type ImportKind } from './import-kinds';
import { readKeptFile } from './kept-file';
import { activeImports, checkFile, writeChecked } from './run-import';

interface ImportRow {
  id: number;
  kind: string;
  params: string;
  mode: 'all-or-nothing' | 'valid-rows';
  status: ImportRecord['status'];
  total: number;
  nextRow: number;
  nextOffset: number;
  imported: number;
  refused: number;
  message: string;
  state: string;
  csvFile: string | null;
  startedAt: string;
  updatedAt: string;
  startedBy: string | null;
}

const SELECT = `SELECT i.id, i.kind, i.params, i.mode, i.status, i.total, i.next_row AS nextRow,
  i.next_offset AS nextOffset, i.imported, i.refused, i.message, i.state, i.started_at AS startedAt,
  i.updated_at AS updatedAt, u.display_name AS startedBy FROM imports i LEFT JOIN users u ON u.id = i.user_id`;

function mayRun(ctx: EngineContext, kind: string): kind is ImportKind {
  if (!isImportKind(kind)) return false;
  const access = contract[importKinds[kind].operation].access;
  return !!ctx.actor && roleCan(ctx.actor.role, access as Permission);
}

/** A `running` import this process is not writing was left by a process that stopped: it is interrupted. */
function shown(row: ImportRow): ImportRecord {
  const stopped = row.status === 'running' && !activeImports.has(row.id);
  return {
    id: row.id,
    kind: row.kind as ImportRecord['kind'],
    label: isImportKind(row.kind) ? importKinds[row.kind].label : row.kind,
    mode: row.mode,
    status: stopped ? 'interrupted' : row.status,
    total: row.total,
    nextRow: row.nextRow,
    imported: row.imported,
    refused: row.refused,
    message: stopped
      ? `Stockist stopped while writing this file; rows from ${row.nextRow} on are not written`
      : row.message,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    startedBy: row.startedBy,
  };
}

export function listImports(ctx: EngineContext, status: ImportRecord['status'] | null): ImportRecord[] {
  const rows = ctx.ledger.sqlite.prepare(`${SELECT} ORDER BY i.id DESC LIMIT 50`).all() as ImportRow[];
  return rows
    .filter((row) => mayRun(ctx, row.kind))
    .map(shown)
    .filter((row) => status === null || row.status === status);
}

/**
 * Continues an interrupted import at its next row: the rows before it are written, so the rest of the file is
 * checked again against the ledger as it is now (an all-or-nothing import writes nothing more if a row is bad),
 * then written the same way as the first time.
 */
export async function resumeImport(ctx: EngineContext, id: number): Promise<ImportResult> {
  const { sqlite } = ctx.ledger;
  const row = sqlite
    .prepare(`${SELECT.replace('i.started_at', 'i.csv_file AS csvFile, i.started_at')} WHERE i.id = ?`)
    .get(id) as ImportRow | undefined;
  if (!row || !mayRun(ctx, row.kind)) throw notFound(`Import ${id}`, 'id');
  if (row.status === 'done' || row.csvFile === null)
    throw conflict(`Import ${id} is finished; nothing is left to write`, 'id');
  if (activeImports.has(id)) throw conflict(`Import ${id} is being written now`, 'id');
  const kind = row.kind;
  const params = JSON.parse(row.params) as Record<string, unknown>;
  const state = JSON.parse(row.state) as Record<string, unknown>;
  const from = { offset: row.nextOffset, row: row.nextRow };
  const csv = await readKeptFile(row.csvFile, id);
  const checked = await checkFile(ctx, { kind, params, csv, from, state });
  const result = { total: row.total, errors: checked.errors, importId: id };
  if (row.mode === 'all-or-nothing' && checked.errors.length > 0) {
    const first = checked.errors[0]!;
    sqlite
      .prepare("UPDATE imports SET status = 'interrupted', message = ?, updated_at = ? WHERE id = ?")
      .run(`Row ${first.row}, ${first.field}: ${first.message}`, ctx.now().toISOString(), id);
    return {
      ...result,
      valid: row.imported + checked.valid,
      imported: 0,
      written: false,
      interruptedAtRow: row.nextRow,
    };
  }
  const refusedInCheck = new Set(checked.errors.map((e) => e.row)).size;
  const progress = {
    ...{ id, mode: row.mode, imported: row.imported, refused: row.refused + refusedInCheck },
    ...{ state, kept: row.csvFile },
  };
  const build = (c: EngineContext, s: Record<string, unknown>) => importKinds[kind].build(c, params, s);
  if (!isImportKind(kind)) throw new DomainError('invalid_input', `Import ${id} is of an unknown kind`, 'id');
  const late = await writeChecked(ctx, { kind, params, build }, csv, checked, progress);
  return {
    ...result,
    valid: row.imported + checked.valid,
    errors: [...checked.errors, ...late.errors].sort((a, b) => a.row - b.row),
    imported: progress.imported - row.imported,
    written: progress.imported > row.imported,
    interruptedAtRow: late.interruptedAtRow,
  };
}

export const importHandlers: HandlerTable<keyof typeof importOperations> = {
  'imports.list': (input, ctx) => listImports(ctx, input.status),
  'imports.resume': (input, ctx) => resumeImport(ctx, input.id),
};
