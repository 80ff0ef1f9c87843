import type { CryptoProvider } from '../../security/crypto-provider.ts';

export const SESSION_COOKIE = 'duikou_sid';

export function newToken(crypto: CryptoProvider): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function tokenHash(crypto: CryptoProvider, token: string): string {
  return crypto.sm3(token);
}
