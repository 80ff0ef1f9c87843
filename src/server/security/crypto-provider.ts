import crypto from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2 = promisify(crypto.pbkdf2);

/**
 * The 国密 primitives the app uses, behind one interface so a deployment can swap in a certified
 * cryptographic module (GB/T 39786 requires products of GB/T 37092 level 2). The default uses Node's OpenSSL.
 */
export interface CryptoProvider {
  sm3(data: string | Buffer): string;
  hmacSm3(key: Buffer, data: string | Buffer): string;
  pbkdf2Sm3(password: string, salt: Buffer, iterations: number, length: number): Promise<Buffer>;
  randomBytes(n: number): Buffer;
  /** SM4-CBC with PKCS#7 padding (GB/T 32907); 16-byte key and IV. */
  sm4CbcEncrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer;
  sm4CbcDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer;
}

const sm4 = (mode: 'encrypt' | 'decrypt', key: Buffer, iv: Buffer, data: Buffer, padding = true) => {
  const c =
    mode === 'encrypt' ? crypto.createCipheriv('sm4-cbc', key, iv) : crypto.createDecipheriv('sm4-cbc', key, iv);
  c.setAutoPadding(padding);
  return Buffer.concat([c.update(data), c.final()]);
};

export const nodeCryptoProvider: CryptoProvider = {
  // One call instead of a Hash object per digest: half the cost, and the session token is hashed on every request.
  sm3: (data) => crypto.hash('sm3', data, 'hex'),
  hmacSm3: (key, data) => crypto.createHmac('sm3', key).update(data).digest('hex'),
  pbkdf2Sm3: (password, salt, iterations, length) =>
    pbkdf2(password.normalize('NFKC'), salt, iterations, length, 'sm3'),
  randomBytes: (n) => crypto.randomBytes(n),
  sm4CbcEncrypt: (key, iv, data) => sm4('encrypt', key, iv, data),
  sm4CbcDecrypt: (key, iv, data) => sm4('decrypt', key, iv, data),
};

/** Known-answer tests (GB/T 32905 example 1, GB/T 32907 example 1): the app refuses to start on a provider that gets them wrong. */
export function runKnownAnswerTests(provider: CryptoProvider): void {
  const sm3abc = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
  if (provider.sm3('abc') !== sm3abc) throw new Error('SM3 known-answer test failed / SM3 自检失败');
  // One block under CBC with a zero IV is the standard's ECB example; the padding block that follows is dropped.
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const block = provider.sm4CbcEncrypt(key, Buffer.alloc(16), key).subarray(0, 16).toString('hex');
  if (block !== '681edf34d206965e86b3e94f536e4246') throw new Error('SM4 known-answer test failed / SM4 自检失败');
}
