import type { LedgerFacts } from './sqlite-thread';

export interface BackupCheck {
  /** null when the file may replace the ledger (after a confirmation when it is another company's) */
  refusal: string | null;
  sameCompany: boolean;
  company: { name: string; gstin: string } | null;
  lastInvoice: { number: string; date: string } | null;
  counts: Record<string, number>;
  /** migrations applied to the file, and how many this version of Stockist knows */
  schema: { applied: number; known: number };
}

/**
 * Whether a file may replace the ledger: a sound SQLite file, written by this version of Stockist
 * or an older one (it is upgraded after), holding a company. Another company's file is not refused
 * here; restoring it needs the user to say so (same GSTIN, or the same name when neither has one).
 */
export function judgeBackup(
  facts: LedgerFacts,
  knownMigrations: number[],
  current: { name: string; gstin: string } | null,
): BackupCheck {
  const known = new Set(knownMigrations);
  const unknown = facts.appliedMigrations.filter((stamp) => !known.has(stamp));
  const sameCompany =
    current === null ||
    (facts.company !== null &&
      (current.gstin !== '' || facts.company.gstin !== ''
        ? current.gstin === facts.company.gstin
        : current.name.trim().toLowerCase() === facts.company.name.trim().toLowerCase()));
  let refusal: string | null = null;
  if (facts.integrity.some((problem) => /not a database/i.test(problem)))
    refusal = 'This file is not a Stockist ledger (not a database at all), so it cannot be restored.';
  else if (!(facts.integrity.length === 1 && facts.integrity[0] === 'ok'))
    refusal = `This backup is damaged (${facts.integrity.slice(0, 3).join('; ')}), so it cannot be restored. Choose an earlier backup.`;
  else if (facts.appliedMigrations.length === 0 || facts.company === null)
    refusal = 'This file is not a Stockist ledger with a company in it, so it cannot be restored.';
  else if (unknown.length > 0)
    refusal = `This backup was made by a newer version of Stockist (${unknown.length} change(s) to the data this version does not know). Update Stockist first, then restore it.`;
  return {
    refusal,
    sameCompany,
    company: facts.company,
    lastInvoice: facts.lastInvoice,
    counts: facts.counts,
    schema: { applied: facts.appliedMigrations.length, known: knownMigrations.length },
  };
}
