import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * One row per spreadsheet import that writes. The file is checked in full first (nothing written), then written
 * in short transactions; this row records how far it got, so a crash mid-import is a visible "interrupted at row
 * N — resume" state, never a silent half. A copy of the file is kept beside the ledger until the import is done,
 * so resume needs nothing else (written without blocking, unlike 10 MB of text in one statement).
 */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** products | customers | opening_stock | supplier_rates */
    kind: text('kind').notNull(),
    /** what the kind needs besides the file, as JSON (the supplier of a price list) */
    params: text('params').notNull().default('{}'),
    mode: text('mode', { enum: ['all-or-nothing', 'valid-rows'] }).notNull(),
    /** running while this process writes it; done; interrupted (the process stopped, or a row failed late) */
    status: text('status', { enum: ['running', 'done', 'interrupted'] }).notNull(),
    /** data rows in the file */
    total: integer('total').notNull(),
    /** the spreadsheet row (header = row 1) the next transaction starts from */
    nextRow: integer('next_row').notNull(),
    /** where that row starts in the file (a character offset), so resume parses only the rest */
    nextOffset: integer('next_offset').notNull(),
    imported: integer('imported').notNull().default(0),
    /** rows refused so far (in the check or while writing) */
    refused: integer('refused').notNull().default(0),
    /** why it stopped, when it did not finish */
    message: text('message').notNull().default(''),
    /** the kind's running state across transactions, as JSON (the opening-stock document) */
    state: text('state').notNull().default('{}'),
    /** the kept copy of the file (a path), removed when the import is done */
    csvFile: text('csv_file'),
    userId: integer('user_id').references(() => users.id),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('imports_status_idx').on(t.status)],
);
