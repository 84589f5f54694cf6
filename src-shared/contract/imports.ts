import { z } from 'zod';
import { operation } from './define';
import { id, importResult } from './common';

export const importRecord = z.object({
  id,
  kind: z.enum(['products', 'customers', 'opening_stock', 'supplier_rates', 'channel_stock', 'forecasts']),
  /** "Products", "Opening stock", … */
  label: z.string(),
  mode: z.enum(['all-or-nothing', 'valid-rows']),
  /**
   * running: being written now; done; interrupted: Stockist stopped while writing it, or (all-or-nothing) a row was
   * refused while writing. Everything before `nextRow` is written, nothing from it on: resume continues there.
   */
  status: z.enum(['running', 'done', 'interrupted']),
  total: z.int(),
  nextRow: z.int(),
  imported: z.int(),
  refused: z.int(),
  message: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  startedBy: z.string().nullable(),
});
export type ImportRecord = z.output<typeof importRecord>;

export const importOperations = {
  'imports.list': operation({
    summary:
      'Recent spreadsheet imports that wrote rows, newest first, with how far each got; an interrupted one can be resumed.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({ status: z.enum(['running', 'done', 'interrupted']).nullable().default(null) }),
    output: z.array(importRecord),
  }),
  'imports.resume': operation({
    summary:
      'Continues an interrupted import from its next row: checks the rest of the file again, then writes it in short transactions. Needs the permission of the import it resumes.',
    access: 'signed-in',
    kind: 'write',
    input: z.object({ id }),
    output: importResult,
  }),
};
