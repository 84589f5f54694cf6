import { HqAddressError } from './hq-address';
import { SyncError } from './sync-errors';

/** A sync failure as the Sync screen says it: what happened and what, if anything, to do. */
export function inPlainWords(error: unknown): string {
  if (error instanceof HqAddressError) return error.message;
  if (!(error instanceof SyncError))
    return `Sync stopped: ${(error as Error)?.message ?? String(error)}. Nothing half-done was kept.`;
  switch (error.code) {
    case 'offline':
      return 'Could not reach HQ (is the internet connection down?). Stockist will keep trying; nothing is lost.';
    case 'timeout':
      return 'HQ did not answer in time. Stockist will try again; events are sent only once.';
    case 'unauthorized':
      return "HQ does not recognise this installation's secret. Enrol again with a new code from the brand.";
    case 'revoked':
      return 'The brand has switched this installation off at HQ. Ask them for a new enrolment code.';
    case 'not_enrolled':
      return 'This installation is not enrolled with HQ yet.';
    default:
      return error.status >= 500 ? `HQ had a problem (${error.message}). Stockist will try again.` : error.message;
  }
}
