/**
 * Pure rules for backup files: what a backup is called, which old ones go, and whether today's is
 * still owed. Plain data in, plain data out; the services do the file work.
 */

/** The company's name as it may appear in a file name on any disk: lower case, letters and digits. */
export function companySlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'ledger';
}

/**
 * `stockist-<company>-<yyyy-mm-dd business date>-<hhmm>.db`: sorts by time within a company. A second
 * backup in the same minute (the daily one, then "Back up now") is named to the second (`<hhmmss>`), which
 * still sorts after the first, instead of replacing it.
 */
export function backupFileName(companyName: string, businessDate: string, time: string): string {
  return `stockist-${companySlug(companyName)}-${businessDate}-${time}.db`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** This company's backups among a folder's file names (a pre-upgrade copy or another company's is not). */
export function isBackupOf(companyName: string, fileName: string): boolean {
  return new RegExp(`^stockist-${escape(companySlug(companyName))}-\\d{4}-\\d{2}-\\d{2}-\\d{4}(\\d{2})?\\.db$`).test(
    fileName,
  );
}

/** The business date and time a backup's name says it was taken, or null for any other file. */
export function backupTakenAt(fileName: string): { businessDate: string; hhmm: string } | null {
  const m = /-(\d{4}-\d{2}-\d{2})-(\d{4})(?:\d{2})?\.db$/.exec(fileName);
  return m ? { businessDate: m[1]!, hhmm: m[2]! } : null;
}

/** The files to delete so only the newest `keep` of this company's backups stay. */
export function backupsToDelete(companyName: string, fileNames: string[], keep: number): string[] {
  const own = fileNames.filter((name) => isBackupOf(companyName, name)).sort();
  return own.slice(0, Math.max(0, own.length - Math.max(1, keep)));
}

/**
 * Whether the daily backup is owed: none has succeeded on today's business date. A day the
 * machine was off is caught up by the first check after it starts.
 */
export function backupDue(lastBusinessDate: string | null, today: string): boolean {
  return lastBusinessDate === null || lastBusinessDate < today;
}

/** A backup's failure in words an office can act on. */
export function backupFailureMessage(error: { code?: string; message?: string }, folder: string): string {
  const code = error.code ?? '';
  const message = error.message ?? String(error);
  if (code === 'ENOSPC' || /SQLITE_FULL|disk is full|database or disk is full/i.test(`${code} ${message}`))
    return `The disk holding the backup folder (${folder}) is full, so today's backup was not made. Free some space or choose another folder, then press "Back up now".`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /SQLITE_READONLY|readonly/i.test(message))
    return `Stockist may not write in the backup folder (${folder}), so today's backup was not made. Choose a folder this computer may write to.`;
  if (code === 'ENOENT' || /SQLITE_CANTOPEN|unable to open/i.test(`${code} ${message}`))
    return `The backup folder (${folder}) cannot be reached (a removed drive or a missing folder?), so today's backup was not made.`;
  return `Today's backup to ${folder} failed: ${message}`;
}
