import { timingSafeEqual } from 'node:crypto';
import type { CryptoProvider } from './crypto-provider.ts';

/** Stored as `pbkdf2-sm3$iterations$salt$hash` so the cost can rise without invalidating old hashes. */
export async function hashPassword(crypto: CryptoProvider, password: string, iterations: number): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await crypto.pbkdf2Sm3(password, salt, iterations, 32);
  return `pbkdf2-sm3$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(crypto: CryptoProvider, password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sm3' || !iter || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await crypto.pbkdf2Sm3(password, Buffer.from(salt, 'base64'), Number(iter), expected.length);
  return timingSafeEqual(actual, expected);
}
