import type { Ledger } from '../../ledger/open-ledger';
import { DomainError } from '../errors';

/**
 * Sign-in throttling, fixed window: at most 5 failed (or in-flight) attempts per username and 20
 * per address in 15 minutes; past that, 429 until the window that began with the first failure
 * ends. A fixed window is simple to explain to a clerk ("try again in 12 minutes") and caps an
 * online guesser at 480 guesses a day per username. A success clears the username's count.
 * Kept in memory per ledger: a restart forgets it, which costs a guesser a restart per window.
 */
export const LOGIN_LIMITS = { perUsername: 5, perAddress: 20, windowMs: 15 * 60_000 };

interface Window {
  count: number;
  startedAt: number;
}

/** A refusal that tells the caller when to come back (the transport sends Retry-After). */
export class RetryLater extends DomainError {
  constructor(
    code: 'too_many_requests' | 'busy',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class LoginThrottle {
  private byUser = new Map<string, Window>();
  private byAddress = new Map<string, Window>();

  /** Counts an attempt before its password is checked, so parallel guesses count too. */
  begin(username: string, address: string, now: number): void {
    this.forget(now);
    const user = this.byUser.get(username.toLowerCase());
    const from = this.byAddress.get(address);
    const blocked = [
      user && user.count >= LOGIN_LIMITS.perUsername ? user : null,
      from && from.count >= LOGIN_LIMITS.perAddress ? from : null,
    ].filter((w): w is Window => w !== null);
    if (blocked.length > 0) {
      const until = Math.max(...blocked.map((w) => w.startedAt + LOGIN_LIMITS.windowMs));
      const seconds = Math.max(1, Math.ceil((until - now) / 1000));
      const minutes = Math.ceil(seconds / 60);
      throw new RetryLater(
        'too_many_requests',
        `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to reset the password`,
        seconds,
      );
    }
    this.bump(this.byUser, username.toLowerCase(), now);
    this.bump(this.byAddress, address, now);
  }

  succeeded(username: string, address: string): void {
    this.byUser.delete(username.toLowerCase());
    const from = this.byAddress.get(address);
    if (from) from.count = Math.max(0, from.count - 1);
  }

  private bump(map: Map<string, Window>, key: string, now: number): void {
    const w = map.get(key);
    if (w) w.count += 1;
    else map.set(key, { count: 1, startedAt: now });
  }

  private forget(now: number): void {
    for (const map of [this.byUser, this.byAddress])
      for (const [key, w] of map) if (now - w.startedAt >= LOGIN_LIMITS.windowMs) map.delete(key);
  }
}

const throttles = new WeakMap<Ledger, LoginThrottle>();
export function throttleFor(ledger: Ledger): LoginThrottle {
  let t = throttles.get(ledger);
  if (!t) throttles.set(ledger, (t = new LoginThrottle()));
  return t;
}
