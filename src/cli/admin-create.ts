import { parseArgs } from 'node:util';
import { createInitialAdmin, needsSetup } from '../server/modules/auth/setup.service.ts';
import { AppError } from '../server/http/app-error.ts';
import { appErrorText, commandWithAppDeps, processIo } from '../server/cli-support.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * For scripted installs: `echo "$PASSWORD" | npx duikou admin create --username admin`. It opens the database
 * itself: while the server runs on the embedded database it says so in one line (the first-start page does this
 * through the server).
 */
export async function adminCreateCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
  const username = values.username;
  if (!username) {
    console.error('缺少 --username / --username is required');
    return 2;
  }
  const password = env.DUIKOU_ADMIN_PASSWORD ?? (await readStdin());
  return commandWithAppDeps(env, processIo, async (deps) => {
    try {
      if (!(await needsSetup(deps))) {
        console.error('系统已有管理员 / An administrator already exists');
        return 1;
      }
      await createInitialAdmin(
        { db: deps.db, actor: null, requestId: 'cli', ip: '', deps },
        { username, displayName: values['display-name'] ?? username, password },
      );
      console.log(`已创建管理员 / Administrator created: ${username}`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(appErrorText(err));
        return 1;
      }
      throw err;
    }
  });
}
