import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { loadSecretsFor } from './security/secrets.ts';
import { hasAuditTrail } from './backup-control.ts';
import { nodeCryptoProvider } from './security/crypto-provider.ts';
import { bootstrapData } from './bootstrap.ts';
import type { AppError } from './http/app-error.ts';
import type { AppDeps, Actor } from './http/context.ts';
import type { UnitOfWork } from './kernel/audit/audit-writer.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { resolvePairing } from './modules/pairings/pairings.service.ts';

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

/**
 * What a command says, in one line, when the server runs on the embedded database it needs: only one process may
 * open it (the data directory lock), and the command must not die with a stack trace.
 */
export function serverRunningText(err: DataDirLockedError): string {
  return `服务器正在使用数据目录 ${err.dir}（${err.holder}）：请先停止服务器再运行此命令 / The server is using the data directory ${err.dir} (${err.holder}): stop it before running this command.`;
}

/** `withAppDeps` for a command: answers its exit code, and 1 with one line when the running server holds the data. */
export async function commandWithAppDeps(
  env: NodeJS.ProcessEnv,
  io: CliIo,
  work: (deps: AppDeps) => Promise<number>,
): Promise<number> {
  try {
    return await withAppDeps(env, work);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    io.err(`${serverRunningText(err)}\n`);
    return 1;
  }
}

/** The pairing a `--pairing` argument names (its id or exact name); says why not and answers undefined otherwise. */
export async function pairingArgument(uow: Pick<UnitOfWork, 'tx'>, actor: Actor, idOrName: string, io: CliIo) {
  const pairing = await resolvePairing(uow, actor, idOrName);
  if (pairing === 'ambiguous') {
    io.err(`有多个对口合作关系名为“${idOrName}”，请用其 ID / several pairings are named ${idOrName}: give its id\n`);
    return undefined;
  }
  if (!pairing) io.err(`对口合作关系不存在 / no such pairing: ${idOrName}\n`);
  return pairing;
}
