import type { CryptoProvider } from './crypto-provider.ts';

/**
 * Encryption of small secrets kept in the database (TOTP keys): SM4-CBC with a random IV, then HMAC-SM3 over
 * version, IV and ciphertext (encrypt-then-MAC), so a changed or swapped value is refused rather than decrypted.
 * Both keys are derived from the instance key (`AUDIT_HMAC_KEY` / secrets.json), which backups carry; `purpose`
 * separates the uses, so a value sealed for one cannot be opened as another.
 */
const VERSION = 's1';

function keys(crypto: CryptoProvider, instanceKey: Buffer, purpose: string) {
  return {
    enc: Buffer.from(crypto.hmacSm3(instanceKey, `duikou/${purpose}/sm4`), 'hex').subarray(0, 16),
    mac: Buffer.from(crypto.hmacSm3(instanceKey, `duikou/${purpose}/hmac`), 'hex'),
  };
}

export function seal(crypto: CryptoProvider, instanceKey: Buffer, purpose: string, plaintext: string): string {
  const k = keys(crypto, instanceKey, purpose);
  const iv = crypto.randomBytes(16);
  const body = crypto.sm4CbcEncrypt(k.enc, iv, Buffer.from(plaintext, 'utf8'));
  const head = `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  return `${head}.${Buffer.from(crypto.hmacSm3(k.mac, head), 'hex').toString('base64url')}`;
}

export function open(crypto: CryptoProvider, instanceKey: Buffer, purpose: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !body || !tag) throw new Error('sealed value has an unknown form');
  const k = keys(crypto, instanceKey, purpose);
  const expected = Buffer.from(crypto.hmacSm3(k.mac, `${version}.${iv}.${body}`), 'hex').toString('base64url');
  if (expected !== tag) throw new Error('sealed value fails its integrity check (other key, or changed)');
  return crypto.sm4CbcDecrypt(k.enc, Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url')).toString('utf8');
}
