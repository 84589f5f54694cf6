import { z } from 'zod';
import { gstinProblem } from '../gstin';
import { isStateCode } from '../india-states';

export const id = z.int('must be a whole number').positive('must be a positive id');
/** A day that exists on the calendar (no 2026-02-30, no 0000-00-00), in years a business ledger can mean. */
function isCalendarDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const ms = Date.parse(`${text}T00:00:00Z`);
  return year >= 1900 && year <= 2999 && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** A calendar day as the API carries it: YYYY-MM-DD, checked to exist, so no service meets an impossible date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD')
  .refine(isCalendarDay, 'Date must be a real calendar day (YYYY-MM-DD, years 1900 to 2999)');
export const idInput = z.object({ id });
/** A posting (write-off, credit note) held for approval: the held row and its approval request. */
export const heldApproval = z.object({ heldId: id, requestId: id });
/** A list of ids where each may appear once: a repeat is named by its position (e.g. deliveryNoteIds.1). */
export const distinctIds = (label: string) =>
  z.array(id).superRefine((ids, ctx) => {
    ids.forEach((v, i) => {
      if (ids.indexOf(v) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${label} ${v} is listed twice` });
    });
  });

/** Optional free text: forms send '' for an empty box, which we keep as ''. */
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('');
export const requiredText = (label: string, max: number) =>
  z
    .string(`${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const code = (label: string) =>
  requiredText(label, 20).regex(/^[A-Za-z0-9][A-Za-z0-9_\-/.]*$/, `${label} may use letters, digits and - _ / .`);

export const money = (label: string) =>
  z
    .int(`${label} must be a whole number of paise`)
    .min(0, `${label} cannot be negative`)
    .max(1e14, `${label} is too large`);

export const stateCode = z
  .string('State is required')
  .trim()
  .refine((v) => isStateCode(v), { message: 'State must be a GST state code such as 27 (Maharashtra)' });

export const pincode = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[1-9]\d{5}$/.test(v), { message: 'Pincode must be 6 digits, not starting with 0' })
  .default('');

export const gstin = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    if (v === '') return;
    const problem = gstinProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .default('');

export const phone = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\+?[0-9][0-9 -]{6,18}$/.test(v), {
    message: 'Phone must be digits, optionally with +, spaces or -',
  })
  .default('');

export const email = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { message: 'Email must look like name@example.com' })
  .default('');

export const address = z.object({
  line1: text(120),
  line2: text(120),
  area: text(80),
  city: text(80),
  district: text(80),
  stateCode,
  pincode,
});
export type Address = z.output<typeof address>;

export const page = {
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500, 'limit must be at most 500').default(100),
  search: z.string().trim().max(100).default(''),
  dir: z.enum(['asc', 'desc']).default('asc'),
};

/**
 * Where a page of a long list starts: the sort key and id of the row before it (`after`) or after
 * it (`before`), as returned in `next` / `prev`. A page at a cursor is an index seek however deep.
 */
export const cursor = z.object({ key: z.union([z.string(), z.number(), z.null()]), id: z.int() });
export const keysetPage = {
  after: cursor.nullable().default(null),
  before: cursor.nullable().default(null),
};
export const keysetOutput = {
  /** true when `total` is a recent count reused after a write: show it as "about" */
  totalEstimated: z.boolean(),
  prev: cursor.nullable(),
  next: cursor.nullable(),
};

export const importInput = z.object({
  csv: z.string().min(1, 'The file is empty').max(20_000_000, 'The file is larger than 20 MB'),
  mode: z.enum(['preview', 'all-or-nothing', 'valid-rows']).default('preview'),
});
export const importResult = z.object({
  total: z.int(),
  valid: z.int(),
  imported: z.int(),
  written: z.boolean(),
  errors: z.array(z.object({ row: z.int(), field: z.string(), message: z.string() })),
  /** the `imports` row of a file that was written (see imports.list), null for a preview or a refused file */
  importId: z.int().nullable(),
  /** the spreadsheet row an all-or-nothing import stopped at (a row refused while writing): resume from there */
  interruptedAtRow: z.int().nullable(),
});
export type ImportResult = z.output<typeof importResult>;

export const ok = z.object({ ok: z.literal(true) });
