import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export interface Secrets {
  /** Key of the audit log's HMAC-SM3 chain, and the root of the keys that seal stored secrets (TOTP). */
  auditKey: Buffer;
  /** Kept by the deployment (AUDIT_HMAC_KEY) rather than in the data directory. */
  managed: boolean;
  /** Made just now: there was no key before. */
  created: boolean;
}

export const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');

/** The key as it stands, without making one: from the environment, else from the data directory, else null. */
export function readSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets | null {
  if (env.AUDIT_HMAC_KEY) return { auditKey: Buffer.from(env.AUDIT_HMAC_KEY, 'base64'), managed: true, created: false };
  const file = secretsFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { auditKey: string };
  return { auditKey: Buffer.from(stored.auditKey, 'base64'), managed: false, created: false };
}

export function writeSecrets(dataDir: string, auditKey: Buffer) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(secretsFile(dataDir), JSON.stringify({ auditKey: auditKey.toString('base64') }), { mode: 0o600 });
}

/**
 * Keys come from the environment when a deployment manages them (AUDIT_HMAC_KEY, base64), otherwise from a
 * 0600 file created in the data directory on first start.
 */
export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  const existing = readSecrets(dataDir, env);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = crypto.randomBytes(32);
  fs.writeFileSync(secretsFile(dataDir), JSON.stringify({ auditKey: fresh.toString('base64') }), {
    mode: 0o600,
    flag: 'wx',
  });
  return { auditKey: fresh, managed: false, created: true };
}

/**
 * A key made for a database that already has an audit trail could never verify it (a restore without secrets.json,
 * a lost file): the new key is taken back and start-up stops, saying what to do, instead of writing a chain that
 * breaks at its first row.
 */
export async function loadSecretsFor(
  dataDir: string,
  hasAuditRows: () => Promise<boolean>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Secrets> {
  const secrets = loadSecrets(dataDir, env);
  if (secrets.created && (await hasAuditRows())) {
    fs.rmSync(secretsFile(dataDir), { force: true });
    throw new Error(
      [
        '!!! 审计密钥缺失：数据库已有审计记录，但数据目录中没有 secrets.json，也未设置 AUDIT_HMAC_KEY。',
        '!!! 新密钥无法验证已有的审计链。请恢复备份时一并恢复密钥（npx duikou restore 会写入），或设置 AUDIT_HMAC_KEY。',
        '!!! The audit key is missing: the database has an audit trail, but the data directory has no secrets.json',
        '!!! and AUDIT_HMAC_KEY is not set. A new key could not verify the chain. Restore the key with the data',
        '!!! (npx duikou restore writes it) or set AUDIT_HMAC_KEY.',
      ].join('\n'),
    );
  }
  return secrets;
}
