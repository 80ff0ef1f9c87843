import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CliIo, appErrorText, processIo, withAppDeps } from '../server/cli-support.ts';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { AppError } from '../server/http/app-error.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { iatiFile } from '../server/modules/open-data/open-data.service.ts';

const USAGE = `用法 / usage:
  duikou open iati --out FILE.xml [--programme ID|NAME] [--pairing ID|NAME]   已公开项目的 IATI 2.03 活动文件 / IATI 2.03 activity file of published projects
`;

/**
 * The running server holds the embedded database: ask it for the same file over HTTP (the open-data API needs no
 * account), on the loopback address and port it listens on.
 */
async function fromRunningServer(env: NodeJS.ProcessEnv, filter: { programme?: string; pairing?: string }) {
  const config = loadConfig(env);
  const url = new URL(`http://127.0.0.1:${config.port}/api/open/iati.xml`);
  for (const [k, v] of Object.entries(filter)) if (v) url.searchParams.set(k, v);
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) {
    const error = (JSON.parse(body) as { error: { message: string; details: { field: string; message: string }[] } })
      .error;
    return { error: [error.message, ...error.details.map((d) => `  ${d.field}: ${d.message}`)].join('\n') };
  }
  return { xml: body, activities: body.split('<iati-activity ').length - 1 };
}

/**
 * `duikou open iati`: writes the IATI activity file of published projects, read from the database as the server
 * does, or — while the server runs on the embedded database — fetched from the server itself.
 */
export async function openCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        programme: { type: 'string' },
        pairing: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch {
    io.err(USAGE);
    return 2;
  }
  if (values.help || command !== 'iati' || !values.out) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const filter = { programme: values.programme, pairing: values.pairing };
  let result: { xml?: string; activities?: number; error?: string };
  try {
    result = await withAppDeps(env, async (deps) => {
      try {
        return await iatiFile(systemContext(deps, 'cli'), filter);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return { error: appErrorText(err) };
      }
    });
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    try {
      result = await fromRunningServer(env, filter);
    } catch {
      io.err(
        `服务器正在使用数据目录 ${err.dir}，且无法从其接口读取 / the server holds ${err.dir} and did not answer\n`,
      );
      return 1;
    }
  }
  if (result.error !== undefined) {
    io.err(`${result.error}\n`);
    return 1;
  }
  await fs.writeFile(values.out, result.xml!);
  io.out(`已写入 ${result.activities} 个活动 / ${result.activities} activities written to ${values.out}\n`);
  return 0;
}
