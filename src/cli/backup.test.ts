import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { describe, it, expect, afterAll } from 'vitest';
import { backupCommand, restoreCommand } from './backup.ts';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/server.ts';
import { openDatabase } from '../server/db/database.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { buildOrgUser } from '../server/seed/builders.ts';
import { verifyAuditChain } from '../server/modules/audit/audit-verifier.ts';
import { nodeCryptoProvider } from '../server/security/crypto-provider.ts';
import { readSecrets } from '../server/security/secrets.ts';
import { testEngines, templateDb } from '../server/testing/test-engines.ts';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `duikou-${prefix}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const run = async (command: typeof backupCommand, args: string[], env: NodeJS.ProcessEnv) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, out: out.join(''), err: err.join('') };
};

/** Every restored table as a count and a digest of its rows in a fixed order: equal digests, equal data. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('sessions', 'login_throttle') ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { t } of tables) {
    const { rows } = await pool.query<{ n: number; d: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`,
    );
    result[t] = `${rows[0]!.n}:${rows[0]!.d}`;
  }
  return result;
}

/** A data directory holding a copy of the tests' migrated template, as a server that has run before has. */
function seededDataDir(prefix: string): string {
  const dir = path.join(tempDir(prefix), 'data');
  fs.cpSync(path.join(process.env.DUIKOU_PGLITE_TEMPLATE!, 'pglite'), path.join(dir, 'pglite'), { recursive: true });
  return dir;
}

const env = (dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  PASSWORD_KDF_ITERATIONS: '1000',
  LOG_LEVEL: 'silent',
  SEED_PROGRAMME: 'false',
  ...extra,
});

describe.skipIf(!testEngines().includes('pglite'))('duikou backup and restore (embedded database)', () => {
  it('backs up through the running server, refuses to restore over it, and restores the same data and chain elsewhere', async () => {
    const source = seededDataDir('backup-a');
    const server = await startServer(loadConfig(env(source)), { quiet: true });
    try {
      const ctx = systemContext(server.deps);
      await buildOrgUser(ctx, { username: 'kept-user', regionCode: '220000', roles: ['pairing_office'] });
      const file = path.join(tempDir('backup-file'), 'duikou.backup');
      const backup = await run(backupCommand, [file], env(source));
      expect(backup, backup.err).toMatchObject({ code: 0, out: expect.stringContaining('running server') });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const over = await run(restoreCommand, [file, '--force'], env(source));
      expect(over.code).toBe(1);
      expect(over.err).toMatch(/stop it first/);

      const target = path.join(tempDir('backup-b'), 'data');
      const restored = await run(restoreCommand, [file], env(target));
      expect(restored, restored.err).toMatchObject({ code: 0, out: expect.stringContaining('audit key written') });
      expect(readSecrets(target, {})!.auditKey.equals(server.deps.auditKey)).toBe(true);
      const copy = await openDatabase({ dataDir: target });
      try {
        const original = await fingerprint(server.database.pool);
        expect(await fingerprint(copy.pool)).toEqual(original);
        expect(original.users).toMatch(/^1:/);
        expect((await verifyAuditChain(copy.db, nodeCryptoProvider, server.deps.auditKey)).ok).toBe(true);
        const { rows } = await copy.pool.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'system.backup'`,
        );
        expect(rows[0].n).toBe(1);
      } finally {
        await copy.close();
      }
      // A second restore into the now filled directory needs --force, which keeps the old database aside.
      expect((await run(restoreCommand, [file], env(target))).code).toBe(1);
      const forced = await run(restoreCommand, [file, '--force'], env(target));
      expect(forced.code, forced.err).toBe(0);
      expect(fs.readdirSync(target).some((n) => n.startsWith('pglite.before-restore-'))).toBe(true);

      // Without its key, the restored instance refuses to start instead of writing a chain that cannot verify.
      fs.rmSync(path.join(target, 'secrets.json'));
      await expect(startServer(loadConfig(env(target)), { quiet: true })).rejects.toThrow(/audit key is missing/);
      expect(fs.existsSync(path.join(target, 'secrets.json'))).toBe(false);
    } finally {
      await server.stop();
    }
  }, 300_000);

  // A server started, a backup and two restores, as its neighbours: over a minute on a loaded 2-core machine.
  it('a backup whose key the deployment keeps restores only with that key, and a damaged file is refused', async () => {
    const key = crypto.randomBytes(32).toString('base64');
    const source = seededDataDir('backup-c');
    const server = await startServer(loadConfig(env(source, { AUDIT_HMAC_KEY: key })), { quiet: true });
    await server.stop();
    const file = path.join(tempDir('backup-file'), 'managed.backup');
    const backup = await run(backupCommand, [file], env(source, { AUDIT_HMAC_KEY: key }));
    expect(backup.code, backup.err).toBe(0);
    const noKey = await run(restoreCommand, [file], env(path.join(tempDir('backup-d'), 'data')));
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/AUDIT_HMAC_KEY/);
    const wrongKey = await run(
      restoreCommand,
      [file],
      env(path.join(tempDir('backup-e'), 'data'), { AUDIT_HMAC_KEY: crypto.randomBytes(32).toString('base64') }),
    );
    expect(wrongKey.code).toBe(1);
    const good = await run(
      restoreCommand,
      [file],
      env(path.join(tempDir('backup-f'), 'data'), { AUDIT_HMAC_KEY: key }),
    );
    expect(good.code, good.err).toBe(0);
    const truncated = path.join(path.dirname(file), 'truncated.backup');
    const zlib = await import('node:zlib');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString();
    fs.writeFileSync(truncated, zlib.gzipSync(text.slice(0, Math.floor(text.length * 0.7))));
    const cut = await run(
      restoreCommand,
      [truncated],
      env(path.join(tempDir('backup-g'), 'data'), { AUDIT_HMAC_KEY: key }),
    );
    expect(cut.code).toBe(1);
  }, 300_000);
});

describe.skipIf(!testEngines().includes('postgres'))('duikou backup and restore (PostgreSQL)', () => {
  it('backs up a database in use and restores it into a new one, same data, chain verified; refuses a non-empty target', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const suffix = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
    const names = [`duikou_bk_src_${suffix}`, `duikou_bk_dst_${suffix}`];
    await admin.query(`CREATE DATABASE ${names[0]} TEMPLATE ${templateDb()}`);
    await admin.query(`CREATE DATABASE ${names[1]}`);
    const urlOf = (name: string) => {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const dataDir = tempDir('backup-pg');
    const key = crypto.randomBytes(32);
    const pgEnv = (name: string, dir = dataDir) =>
      env(dir, { DATABASE_URL: urlOf(name), AUDIT_HMAC_KEY: key.toString('base64') });
    try {
      // The source stays open and written to, as under a running server.
      const source = await openDatabase({ dataDir, databaseUrl: urlOf(names[0]!) });
      try {
        const deps = { db: source.db, config: loadConfig(pgEnv(names[0]!)), crypto: nodeCryptoProvider, auditKey: key };
        await buildOrgUser(systemContext(deps), {
          username: 'pg-user',
          regionCode: '330000',
          roles: ['pairing_office'],
        });
        const file = path.join(dataDir, 'pg.backup');
        const backup = await run(backupCommand, [file], pgEnv(names[0]!));
        expect(backup.code, backup.err).toBe(0);
        const targetDir = tempDir('backup-pg-target');
        const restored = await run(restoreCommand, [file], pgEnv(names[1]!, targetDir));
        expect(restored.code, restored.err).toBe(0);
        const copy = await openDatabase({ dataDir: targetDir, databaseUrl: urlOf(names[1]!) });
        try {
          const original = await fingerprint(source.pool);
          expect(await fingerprint(copy.pool)).toEqual(original);
          expect(original.users).toMatch(/^1:/);
          expect((await verifyAuditChain(copy.db, nodeCryptoProvider, key)).ok).toBe(true);
        } finally {
          await copy.close();
        }
        const again = await run(restoreCommand, [file], pgEnv(names[1]!, targetDir));
        expect(again.code).toBe(1);
        expect(again.err).toMatch(/not empty/);
      } finally {
        await source.close();
      }
    } finally {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 300_000);
});
