import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { lockDataDir, DataDirLockedError } from '../server/db/data-dir-lock.ts';
import {
  BackupRefused,
  codeMigrations,
  keyFingerprint,
  loadBackup,
  readBackupHeader,
  writeBackup,
  writeBackupFile,
} from '../server/db/backup.ts';
import { controlSocketPath } from '../server/backup-control.ts';
import { readSecrets, secretsFile, writeSecrets } from '../server/security/secrets.ts';
import { processIo, type CliIo } from '../server/cli-support.ts';

const NO_KEY =
  '!!! 没有审计密钥（数据目录无 secrets.json，也未设置 AUDIT_HMAC_KEY），不能备份：没有密钥的备份无法验证其审计链。\n' +
  '!!! No audit key (no secrets.json in the data directory, AUDIT_HMAC_KEY not set): a backup without it could not verify its audit chain.\n';

/** Asks the server running on this data directory for the backup; null when none listens. */
function backupThroughServer(socketPath: string, file: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(socketPath);
    conn.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' || err.code === 'ECONNREFUSED' ? resolve(false) : reject(err),
    );
    conn.once('connect', () => {
      conn.removeAllListeners('error');
      conn.write('backup\n');
      let head = Buffer.alloc(0);
      const onHead = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const nl = head.indexOf(10);
        if (nl < 0) return;
        conn.off('data', onHead);
        const status = head.subarray(0, nl).toString();
        if (status !== 'OK') return reject(new Error(`服务器拒绝备份 / the server refused: ${status}`));
        conn.pause();
        writeBackupFile(file, async (out) => {
          const rest = head.subarray(nl + 1);
          if (rest.length) out.write(rest);
          await new Promise<void>((done, fail) => {
            conn.pipe(out);
            out.on('finish', done);
            conn.on('error', fail);
          });
        }).then(() => resolve(true), reject);
      };
      conn.on('data', onHead);
    });
  });
}

/**
 * `duikou backup FILE`: a consistent backup while the server runs or not. PostgreSQL is read directly in one
 * snapshot; the embedded database through the running server (its control socket), or opened here when no server
 * runs. The file holds the audit key (or, when the deployment keeps it in AUDIT_HMAC_KEY, its fingerprint): keep it
 * as safe as the data.
 */
export async function backupCommand(args: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env) {
  const file = args[0];
  if (!file) {
    io.err('用法 / usage: duikou backup FILE\n');
    return 2;
  }
  const config = loadConfig(env);
  const secrets = readSecrets(config.dataDir, env);
  if (!secrets) {
    io.err(NO_KEY);
    return 1;
  }
  const meta = { auditKey: secrets.auditKey, keyIsManaged: secrets.managed };
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });
    try {
      const counts = await writeBackupFile(file, (out) => writeBackup(pool, out, { ...meta, engine: 'postgres' }));
      io.out(`已备份 / backed up to ${file}: ${JSON.stringify(counts)}\n`);
    } finally {
      await pool.end();
    }
    return 0;
  }
  const socketPath = controlSocketPath(config.dataDir);
  if (await backupThroughServer(socketPath, file)) {
    io.out(`已通过运行中的服务器备份 / backed up through the running server to ${file}\n`);
    return 0;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ dataDir: config.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    io.err(
      '服务器正在运行但未提供备份通道：请升级服务器，或停止后再备份。/ The server runs but offers no backup channel: upgrade it, or stop it and back up again.\n',
    );
    return 1;
  }
  try {
    await writeBackupFile(file, (out) => writeBackup(database.pool, out, { ...meta, engine: 'pglite' }));
  } finally {
    await database.close();
  }
  io.out(`已备份 / backed up to ${file}\n`);
  return 0;
}

/**
 * `duikou restore FILE [--force]`: into an empty database only (a new DATA_DIR, or a new PostgreSQL database); with
 * --force an existing embedded database and key are moved aside, never deleted. Refused while a server runs on the
 * data directory, when the backup belongs to other migrations than this version's, and when its audit key is
 * neither in the file nor in AUDIT_HMAC_KEY.
 */
export async function restoreCommand(args: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env) {
  const file = args.find((a) => !a.startsWith('--'));
  const force = args.includes('--force');
  if (!file || !fs.existsSync(file)) {
    io.err('用法 / usage: duikou restore FILE [--force]\n');
    return 2;
  }
  const config = loadConfig(env);
  try {
    const header = await readBackupHeader(file);
    const ours = codeMigrations();
    if (header.migrations.join() !== ours.join())
      throw new BackupRefused(
        `备份属于另一版本（迁移 ${header.migrations.length} 个，本版本 ${ours.length} 个）：请用制作备份的版本恢复，再升级。/ ` +
          `The backup belongs to another version (${header.migrations.length} migrations, this one has ${ours.length}): restore with the version that made it, then upgrade.`,
      );
    const envKey = env.AUDIT_HMAC_KEY ? Buffer.from(env.AUDIT_HMAC_KEY, 'base64') : null;
    const key = header.auditKey ? Buffer.from(header.auditKey, 'base64') : envKey;
    if (!key)
      throw new BackupRefused(
        '!!! 备份中没有审计密钥（制作时由 AUDIT_HMAC_KEY 管理）：请设置同一个 AUDIT_HMAC_KEY 后再恢复，否则审计链无法验证。\n' +
          '!!! The backup holds no audit key (it was kept in AUDIT_HMAC_KEY): set the same AUDIT_HMAC_KEY and restore again, or the audit chain cannot be verified.',
      );
    if (keyFingerprint(key) !== header.auditKeyFingerprint || (envKey && !envKey.equals(key)))
      throw new BackupRefused(
        '!!! AUDIT_HMAC_KEY 与制作备份时的审计密钥不同。/ AUDIT_HMAC_KEY is not the audit key the backup was made with.',
      );
    const current = readSecrets(config.dataDir, { ...env, AUDIT_HMAC_KEY: '' });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    if (config.databaseUrl) {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { rows } = await database.pool.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_log) AS n',
        );
        if (Number(rows[0]!.n) > 0)
          throw new BackupRefused(
            '目标数据库不是空的（可能有实例在用）：请新建一个数据库，把 DATABASE_URL 指向它再恢复。/ The target database is not empty (an instance may be using it): create a new database, point DATABASE_URL at it and restore again.',
          );
        const counts = await loadBackup(database.pool, file);
        io.out(`已恢复 / restored: ${JSON.stringify(counts)}\n`);
      } finally {
        await database.close();
      }
    } else {
      try {
        lockDataDir(config.dataDir).release();
      } catch (err) {
        if (err instanceof DataDirLockedError)
          throw new BackupRefused(
            '服务器正在使用该数据目录，不能在运行中的实例上恢复：请先停止服务器。/ A server is using this data directory; a live instance cannot be restored over: stop it first.',
          );
        throw err;
      }
      const pgliteDir = path.join(config.dataDir, 'pglite');
      if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length) {
        if (!force)
          throw new BackupRefused(
            `数据目录中已有数据库：换一个空的 DATA_DIR，或加 --force（原数据库移到 pglite.before-restore-…）。/ The data directory already holds a database: use an empty DATA_DIR, or add --force (the old one is moved to pglite.before-restore-…).`,
          );
        fs.renameSync(pgliteDir, `${pgliteDir}.before-restore-${stamp}`);
      }
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        const counts = await loadBackup(database.pool, file);
        io.out(`已恢复 / restored: ${JSON.stringify(counts)}\n`);
      } finally {
        await database.close();
      }
    }
    if (header.auditKey && !envKey) {
      if (current && !current.auditKey.equals(key))
        fs.renameSync(secretsFile(config.dataDir), `${secretsFile(config.dataDir)}.before-restore-${stamp}`);
      writeSecrets(config.dataDir, key);
      io.out(`审计密钥已写入 / audit key written to ${secretsFile(config.dataDir)}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof BackupRefused) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
