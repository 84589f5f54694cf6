import crypto from 'node:crypto';
import { promisify } from 'node:util';

// scrypt with N=2^15 costs ~50-100 ms: cheap for one login, expensive for a stolen-file guesser.
const N = 32768;
const r = 8;
const p = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

function encode(salt: Buffer, hash: Buffer): string {
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function decode(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, rr, pp, salt, hash] = parts as [string, string, string, string, string, string];
  const options = { N: Number(n), r: Number(rr), p: Number(pp), maxmem: MAXMEM };
  return { salt: Buffer.from(salt, 'base64'), expected: Buffer.from(hash, 'base64'), options };
}

/** Synchronous: only for first-run setup and an administrator's reset, never on the sign-in path. */
export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  return encode(salt, crypto.scryptSync(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: MAXMEM }));
}

export function verifyPassword(password: string, stored: string): boolean {
  const d = decode(stored);
  if (!d) return false;
  const actual = crypto.scryptSync(password.normalize('NFKC'), d.salt, d.expected.length, d.options);
  return crypto.timingSafeEqual(actual, d.expected);
}

/** On libuv's thread pool: twenty guesses at once do not hold up anyone else's call. */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  return encode(salt, await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: MAXMEM }));
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const d = decode(stored);
  if (!d) return false;
  const actual = await scrypt(password.normalize('NFKC'), d.salt, d.expected.length, d.options);
  return crypto.timingSafeEqual(actual, d.expected);
}

let dummy: Promise<string> | null = null;
/**
 * A hash nobody's password matches. An unknown username is checked against it, so it costs the
 * same scrypt as a known one and the answer's timing does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPasswordAsync(crypto.randomBytes(18).toString('base64'));
  return dummy;
}
