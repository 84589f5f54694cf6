import type { EngineContext } from '../context';
import { checkCsv, type CheckedFile } from '../csv-import';
import { importKinds, type ImportKind } from './import-kinds';

/** What the read worker needs to check a file: plain data, cloned across the thread boundary. */
export interface ImportCheckJob {
  kind: ImportKind;
  params: Record<string, unknown>;
  csv: string;
  /** Resume: check from this row on (the rows before it are written). */
  from?: { offset: number; row: number };
  state?: Record<string, unknown>;
}

/** The read-only check of an import file; the read worker runs it on its own connection. */
export function checkImportTask(ctx: EngineContext, job: ImportCheckJob): CheckedFile {
  const spec = importKinds[job.kind].build(ctx, job.params, { ...job.state });
  return checkCsv(ctx, job.csv, spec, { from: job.from });
}
