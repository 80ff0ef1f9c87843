import { parseArgs } from 'node:util';
import { systemContext } from '../server/http/system-actor.ts';
import { appErrorText, processIo, withAppDeps, type CliIo } from '../server/cli-support.ts';
import { AppError } from '../server/http/app-error.ts';
import { visiblePairing } from '../server/modules/pairings/pairings.service.ts';
import { fillDemo, clearDemo } from '../server/seed/demo-data.ts';

const USAGE = `用法 / usage:
  duikou demo fill --pairing ID [--seed N]   为对口合作关系生成演示数据（项目、园区、分成协议与台账、活动） / fill a pairing with demo data
  duikou demo clear                          一次删除全部演示数据 / remove every demo record in one step
`;

/**
 * `duikou demo fill|clear`: opens the database itself (stop the server first when it runs on the embedded
 * database), and works as the system user, so every record is audited.
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
  return withAppDeps(env, async (deps) => {
    const ctx = systemContext(deps, 'cli');
    if (command === 'clear') {
      const counts = await clearDemo(ctx);
      io.out(`已删除演示数据 / demo data removed: ${JSON.stringify(counts)}\n`);
      return 0;
    }
    const id = parsed.values.pairing!;
    const pairing = /^[0-9a-f-]{36}$/i.test(id) ? await visiblePairing({ tx: ctx.db }, ctx.actor, id) : undefined;
    if (!pairing) {
      io.err(`对口合作关系不存在 / no such pairing: ${id}\n`);
      return 1;
    }
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
