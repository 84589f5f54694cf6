/** Why a call to HQ failed, and whether trying again later can help. */
export class SyncError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer came (offline, timeout, connection dropped). */
    readonly status: number,
    /** HQ's error code when it answered with one (unauthorized, revoked, bad_request, …). */
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
