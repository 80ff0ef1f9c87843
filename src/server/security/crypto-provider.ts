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
}

export const nodeCryptoProvider: CryptoProvider = {
  sm3: (data) => crypto.createHash('sm3').update(data).digest('hex'),
  hmacSm3: (key, data) => crypto.createHmac('sm3', key).update(data).digest('hex'),
  pbkdf2Sm3: (password, salt, iterations, length) =>
    pbkdf2(password.normalize('NFKC'), salt, iterations, length, 'sm3'),
  randomBytes: (n) => crypto.randomBytes(n),
};

/** Known-answer tests (GB/T 32905 example 1): the app refuses to start on a provider that gets them wrong. */
export function runKnownAnswerTests(provider: CryptoProvider): void {
  const sm3abc = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
  if (provider.sm3('abc') !== sm3abc) throw new Error('SM3 known-answer test failed / SM3 自检失败');
}
