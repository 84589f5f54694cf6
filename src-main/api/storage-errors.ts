import type { ErrorCode } from '../../src-shared/contract';

export interface StorageFailure {
  code: ErrorCode;
  message: string;
  retryAfterSeconds?: number;
}

/**
 * SQLite and file-system failures a clerk can act on, in plain words instead of "something went
 * wrong". Nothing was saved in any of them: the transaction rolled back.
 */
export function storageFailure(error: unknown, operation: string): StorageFailure | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  const signingIn = operation === 'auth.login' || operation === 'setup.initialize';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return {
      code: 'busy',
      message: 'The ledger is busy with another change; nothing was saved. Please try again in a moment.',
      retryAfterSeconds: 1,
    };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return {
      code: 'storage_full',
      message: `The disk that holds the ledger is full, so nothing was saved${
        signingIn ? ' (signing in saves a session, so it needs a little space too)' : ''
      }. Free some space on that disk and try again; you can still look things up.`,
    };
  if (code.startsWith('SQLITE_READONLY') || ['EACCES', 'EPERM', 'EROFS'].includes(code))
    return {
      code: 'storage_unavailable',
      message: `The ledger file cannot be written (it or its folder is read-only, or Stockist lacks permission), so nothing was saved${
        signingIn ? ' and you cannot sign in' : ''
      }. Ask whoever manages this computer to make it writable; you can still look things up.`,
      retryAfterSeconds: 60,
    };
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO')
    return {
      code: 'storage_unavailable',
      message:
        'The disk holding the ledger did not accept the change (an input/output error), so nothing was saved. Check the disk or drive and try again.',
      retryAfterSeconds: 60,
    };
  return null;
}
