import type { ErrorCode } from '../../src-shared/contract/define';

/** A refusal the user can act on: what is wrong, and in which field when there is one. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, field?: string) => new DomainError('not_found', `${what} was not found`, field);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
export const invalid = (message: string, field: string) => new DomainError('invalid_input', message, field);

/** better-sqlite3 reports unique violations with the column list; turn that into a field-level error. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes(`.${column}`);
}
