import type { CryptoProvider } from './crypto-provider.ts';
import type { FieldKeyring } from './field-keys.ts';

/**
 * Field encryption of personal data: SM4-CBC with a random IV, then HMAC-SM3 (encrypt-then-MAC) over the key
 * id, IV and ciphertext and over what the value belongs to (`binding`: table, row id and field), so a changed
 * value, or one copied onto another person or field, is refused rather than decrypted. Form:
 * `f1.<keyId>.<iv>.<body>.<tag>` (base64url). The encryption and MAC keys are derived from the keyring's key.
 */
const VERSION = 'f1';

/**
 * The keys derived from a keyring key, once per key (a roster of 2,000 cadres seals 4,000 fields; deriving them
 * each time was two of every field's three HMACs). Held only as long as the keyring's key itself.
 */
const derived = new WeakMap<Buffer, { enc: Buffer; mac: Buffer }>();

function keysOf(crypto: CryptoProvider, key: Buffer) {
  let keys = derived.get(key);
  if (!keys) {
    keys = {
      enc: Buffer.from(crypto.hmacSm3(key, 'duikou/field/sm4'), 'hex').subarray(0, 16),
      mac: Buffer.from(crypto.hmacSm3(key, 'duikou/field/hmac'), 'hex'),
    };
    derived.set(key, keys);
  }
  return keys;
}

export function encryptField(crypto: CryptoProvider, ring: FieldKeyring, binding: string, plaintext: string): string {
  const k = keysOf(crypto, ring.keys.get(ring.currentId)!);
  const iv = crypto.randomBytes(16);
  const body = crypto.sm4CbcEncrypt(k.enc, iv, Buffer.from(plaintext, 'utf8'));
  const head = `${VERSION}.${ring.currentId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  return `${head}.${Buffer.from(crypto.hmacSm3(k.mac, `${binding}|${head}`), 'hex').toString('base64url')}`;
}

export function decryptField(crypto: CryptoProvider, ring: FieldKeyring, binding: string, sealed: string): string {
  const [version, keyId, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || !body || !tag) throw new Error('encrypted field has an unknown form');
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`encrypted field names key "${keyId}", which the keyring lacks`);
  const k = keysOf(crypto, key);
  const expected = Buffer.from(crypto.hmacSm3(k.mac, `${binding}|${version}.${keyId}.${iv}.${body}`), 'hex');
  if (!expected.equals(Buffer.from(tag, 'base64url'))) throw new Error('encrypted field fails its integrity check');
  return crypto.sm4CbcDecrypt(k.enc, Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url')).toString('utf8');
}

/** Whether a ciphertext was made with an older key (a rotation re-encrypts those). */
export const encryptedWithOldKey = (ring: FieldKeyring, sealed: string) => sealed.split('.')[1] !== ring.currentId;

/** The blind index of a value: equal values give equal indexes, which reveal nothing without the index key. */
export function blindIndex(crypto: CryptoProvider, ring: FieldKeyring, purpose: string, normalised: string): string {
  return crypto.hmacSm3(ring.indexKey, `${purpose}|${normalised}`);
}
