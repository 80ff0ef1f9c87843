import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { loadSecrets } from '../server/security/secrets.ts';
import { nodeCryptoProvider } from '../server/security/crypto-provider.ts';
import { bootstrapData } from '../server/bootstrap.ts';
import { createInitialAdmin, needsSetup } from '../server/modules/auth/setup.service.ts';
import { AppError } from '../server/http/app-error.ts';
import type { AppDeps } from '../server/http/context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * For scripted installs: `echo "$PASSWORD" | npx duikou admin create --username admin`. It opens the database
 * itself, so with the embedded database the server must not be running (the data directory lock says so).
 */
export async function adminCreateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
  if (!values.username) {
    console.error('缺少 --username / --username is required');
    return 2;
  }
  const password = process.env.DUIKOU_ADMIN_PASSWORD ?? (await readStdin());
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const deps: AppDeps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: loadSecrets(config.dataDir).auditKey };
    await bootstrapData(deps);
    if (!(await needsSetup(deps))) {
      console.error('系统已有管理员 / An administrator already exists');
      return 1;
    }
    await createInitialAdmin({ db: database.db, actor: null, requestId: 'cli', ip: '', deps }, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      password,
    });
    console.log(`已创建管理员 / Administrator created: ${values.username}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error([err.text.message, ...err.details.map((d) => `  ${d.field}: ${d.message}`)].join('\n'));
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
