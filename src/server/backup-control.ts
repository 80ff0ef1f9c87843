import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from './db/database.ts';
import type { AppDeps } from './http/context.ts';
import type { Secrets } from './security/secrets.ts';
import { writeBackup } from './db/backup.ts';
import { auditStandalone } from './kernel/audit/audit-writer.ts';
import { systemContext } from './http/system-actor.ts';

export const controlSocketPath = (dataDir: string) => path.join(dataDir, 'duikou.ctl');

export async function hasAuditTrail(database: Pick<Database, 'pool'>): Promise<boolean> {
  const { rows } = await database.pool.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM audit_log) AS any');
  return rows[0]!.any;
}

/**
 * Only the server process may open an embedded database, so a backup taken while it runs is taken by it: it listens
 * on `DATA_DIR/duikou.ctl` (a Unix socket, 0600: the data directory's owner only) for `backup`, audits the request,
 * answers `OK` and streams the backup (db/backup.ts). The socket file is ours to replace, since we hold the data
 * directory lock.
 */
export async function startBackupControl(deps: AppDeps, database: Database, secrets: Secrets) {
  const socketPath = controlSocketPath(deps.config.dataDir);
  if (Buffer.byteLength(socketPath) > 100) return null; // beyond the kernel's limit for socket paths: the CLI says so
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((conn) => {
    conn.once('data', async (chunk) => {
      if (chunk.toString().trim() !== 'backup') {
        conn.end('ERR unknown command\n');
        return;
      }
      try {
        await auditStandalone(systemContext(deps, 'backup'), { action: 'system.backup', result: 'success' });
        conn.write('OK\n');
        await writeBackup(database.pool, conn, {
          engine: database.engine,
          auditKey: secrets.auditKey,
          keyIsManaged: secrets.managed,
        });
      } catch (err) {
        conn.destroy(err as Error);
      }
    });
    conn.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}
