import type { ApiResult } from './dispatch';

/**
 * A read worker's answer, which arrives as JSON bytes. The HTTP transport writes the bytes as they
 * are; the desktop window (IPC clones objects) and tests read `body`, parsed on first read only.
 */
export function answeredAsJson(json: Uint8Array): ApiResult {
  let parsed: { value: unknown } | null = null;
  return {
    status: 200,
    json,
    get body() {
      parsed ??= { value: JSON.parse(new TextDecoder().decode(json)) };
      return parsed.value;
    },
  };
}
