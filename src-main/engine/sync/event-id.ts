import { randomBytes } from 'node:crypto';

/**
 * An event's id: a UUID version 7 (RFC 9562), the writing instant's milliseconds first, then 74 random bits.
 * It is as unique as a random UUID, but ids written one after another sort one after another, so the outbox's
 * unique index on them grows at its end: a random UUID put each confirm's two events on two random pages of
 * that index, written (and fsynced) with the clerk's commit.
 */
export function newEventId(): string {
  const b = randomBytes(16);
  // The wall clock, not the company's business clock: the order of writing is what keeps the index tidy.
  b.writeUIntBE(Date.now(), 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
