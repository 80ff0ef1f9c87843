import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export interface Secrets {
  /** Key of the audit log's HMAC-SM3 chain. */
  auditKey: Buffer;
}

/**
 * Keys come from the environment when a deployment manages them (AUDIT_HMAC_KEY, base64), otherwise from a
 * 0600 file created in the data directory on first start.
 */
export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  if (env.AUDIT_HMAC_KEY) return { auditKey: Buffer.from(env.AUDIT_HMAC_KEY, 'base64') };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  if (!fs.existsSync(file)) {
    const fresh = { auditKey: crypto.randomBytes(32).toString('base64') };
    fs.writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { auditKey: string };
  return { auditKey: Buffer.from(stored.auditKey, 'base64') };
}
