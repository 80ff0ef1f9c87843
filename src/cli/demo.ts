import { parseArgs } from 'node:util';
import { systemContext } from '../server/http/system-actor.ts';
import { appErrorText, commandWithAppDeps, pairingArgument, processIo, type CliIo } from '../server/cli-support.ts';
import { AppError } from '../server/http/app-error.ts';
import { fillDemo, clearDemo } from '../server/seed/demo-data.ts';

const USAGE = `用法 / usage:
  duikou demo fill --pairing ID|NAME [--seed N]   为对口合作关系生成演示数据（项目、园区、分成协议与台账、活动） / fill a pairing with demo data
  duikou demo clear                               一次删除全部演示数据 / remove every demo record in one step
`;

/**
 * `duikou demo fill|clear`: opens the database itself, and works as the system user, so every record is audited.
 * While the server runs on the embedded database it says so in one line (the web app's 演示数据 page does the same
 * work through the server). `--pairing` takes the pairing's id or its exact name (吉林省—浙江省).
 */
export async function demoCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { pairing: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  if (
    parsed.values.help ||
    (command !== 'fill' && command !== 'clear') ||
    (command === 'fill' && !parsed.values.pairing)
  ) {
    (parsed.values.help ? io.out : io.err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  return commandWithAppDeps(env, io, async (deps) => {
    const ctx = systemContext(deps, 'cli');
    if (command === 'clear') {
      const counts = await clearDemo(ctx);
      io.out(`已删除演示数据 / demo data removed: ${JSON.stringify(counts)}\n`);
      return 0;
    }
    const pairing = await pairingArgument({ tx: ctx.db }, ctx.actor, parsed.values.pairing!, io);
    if (!pairing) return 1;
    try {
      const counts = await fillDemo(ctx, pairing.id, parsed.values.seed ? Number(parsed.values.seed) : undefined);
      io.out(`已为“${pairing.name}”生成演示数据 / demo data created: ${JSON.stringify(counts)}\n`);
      return 0;
    } catch (err) {
      io.err(`${err instanceof AppError ? appErrorText(err) : (err as Error).message}\n`);
      return 1;
    }
  });
}
