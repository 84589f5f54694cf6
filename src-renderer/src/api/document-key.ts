import { useCallback, useRef, useState } from 'react';
import type { CallOptions } from './client';

/** A fresh Idempotency-Key. randomUUID needs a secure context; the fallback keeps 122 random bits. */
export function newDocumentKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key for the document a form is entering: made when the form opens, sent with every
 * attempt to save it (a retry, a second Ctrl+Enter) so the ledger makes it once, and renewed
 * only when the clerk starts the next document.
 */
export function useDocumentKey(): { options: CallOptions; renew(): void } {
  const [key, setKey] = useState(newDocumentKey);
  const renew = useCallback(() => setKey(newDocumentKey()), []);
  return { options: { idempotencyKey: key }, renew };
}

/**
 * Keys for row actions (post this order's delivery note, invoice these notes): one per target,
 * kept while the call is in flight or failed, forgotten after success so the next, deliberate
 * action on the same target is a new request.
 */
export function useActionKeys(): { options(target: string): CallOptions; done(target: string): void } {
  const keys = useRef(new Map<string, string>());
  const options = useCallback((target: string): CallOptions => {
    let key = keys.current.get(target);
    if (!key) keys.current.set(target, (key = newDocumentKey()));
    return { idempotencyKey: key };
  }, []);
  const done = useCallback((target: string) => void keys.current.delete(target), []);
  return { options, done };
}
