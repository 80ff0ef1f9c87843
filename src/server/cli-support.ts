import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { loadSecretsFor } from './security/secrets.ts';
import { hasAuditTrail } from './backup-control.ts';
import { nodeCryptoProvider } from './security/crypto-provider.ts';
import { bootstrapData } from './bootstrap.ts';
import type { AppError } from './http/app-error.ts';
import type { AppDeps } from './http/context.ts';

/** Where a command writes (tests pass their own to read what it said). */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** A refusal as a command prints it: the message, then each field with its reason. */
export function appErrorText(err: AppError): string {
  return [err.text.message, ...err.details.map((d) => `  ${d.field}: ${d.message}`)].join('\n');
}

/**
 * Opens the database as the server does (migrations, the real programme's data), runs `work` with the app's
 * dependencies, and closes it. With the embedded database the server must be stopped: the data directory lock says so.
 */
export async function withAppDeps<T>(env: NodeJS.ProcessEnv, work: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const deps: AppDeps = {
      db: database.db,
      config,
      crypto: nodeCryptoProvider,
      auditKey: (await loadSecretsFor(config.dataDir, () => hasAuditTrail(database))).auditKey,
    };
    await bootstrapData(deps);
    return await work(deps);
  } finally {
    await database.close();
  }
}
