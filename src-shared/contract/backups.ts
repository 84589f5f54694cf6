import { z } from 'zod';
import { operation } from './define';

const lastBackup = z.object({
  at: z.string().nullable(),
  businessDate: z.string().nullable(),
  file: z.string().nullable(),
  size: z.number().nullable(),
  result: z.enum(['ok', 'failed']).nullable(),
  message: z.string(),
});

const settingsOutput = z.object({
  folder: z.string(),
  effectiveFolder: z.string(),
  keep: z.number(),
  last: lastBackup,
});

const backupFile = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number(),
  businessDate: z.string(),
  hhmm: z.string(),
});

const company = z.object({ name: z.string(), gstin: z.string() }).nullable();

const backupPath = z.object({
  path: z.string().trim().min(1, 'Choose a backup file').max(4096, 'must be at most 4096 characters'),
});

/** Daily backups of the ledger and restoring one: the administrator's. */
export const backupOperations = {
  'backups.status': operation({
    summary:
      'Backup settings (folder as typed and as used, how many are kept), how the last backup went, and the backups in the folder, newest first.',
    access: 'backups.admin',
    kind: 'read',
    input: z.object({}),
    output: settingsOutput.extend({ files: z.array(backupFile) }),
  }),
  'backups.updateSettings': operation({
    summary: "Where backups go (a full path; '' = a backups folder next to the ledger) and how many are kept.",
    access: 'backups.admin',
    kind: 'write',
    input: z.object({
      folder: z.string().trim().max(4096, 'must be at most 4096 characters'),
      keep: z.int('must be a whole number').min(1, 'keep at least 1 backup').max(365, 'keep at most 365 backups'),
    }),
    output: settingsOutput,
  }),
  'backups.run': operation({
    summary:
      'Back up now: a consistent copy of the ledger (VACUUM INTO) in the backup folder, older ones beyond the kept number deleted. A failure is reported in the result and to every admin.',
    access: 'backups.admin',
    kind: 'write',
    input: z.object({}),
    output: lastBackup.extend({ deleted: z.array(z.string()) }),
  }),
  'backups.check': operation({
    summary:
      'Reads a backup without changing anything: integrity, data version, company (same as this ledger or not), last invoice and counts, and why it would be refused.',
    access: 'backups.admin',
    kind: 'read',
    input: backupPath,
    output: z.object({
      path: z.string(),
      refusal: z.string().nullable(),
      sameCompany: z.boolean(),
      company,
      lastInvoice: z.object({ number: z.string(), date: z.string() }).nullable(),
      counts: z.record(z.string(), z.number()),
      schema: z.object({ applied: z.number(), known: z.number() }),
    }),
  }),
  'backups.restore': operation({
    summary:
      "Replaces the ledger with a checked backup, keeping the replaced file beside it (<ledger>.replaced-<time>.db). Another company's backup needs confirmOtherCompany. Every session ends; everyone signs in again.",
    access: 'backups.admin',
    kind: 'write',
    input: backupPath.extend({ confirmOtherCompany: z.boolean().default(false) }),
    output: z.object({ restoredFrom: z.string(), replacedFile: z.string(), company }),
  }),
};
