import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { appErrorText, type CliIo, commandWithAppDeps, pairingArgument, processIo } from '../server/cli-support.ts';
import { AppError } from '../server/http/app-error.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { exportPairingYear } from '../server/modules/summaries/summaries.service.ts';

const USAGE = `用法 / usage:
  duikou summary export --pairing ID|NAME --year YYYY --out FILE.docx [--xlsx FILE.xlsx] [--kind summary|plan]
      年度工作总结（或计划）导出为公文格式 Word，附件表导出为 Excel / the annual summary (or plan) as a 公文 Word file, its annex tables as Excel
`;

/**
 * `duikou summary export`: the pairing's annual summary (or plan) of the year as the office drafted it, or, none
 * drafted yet, as the records give it now; run as the system user, audited. On the embedded database the server
 * must be stopped (it says so in one line); on PostgreSQL it runs beside a running server.
 */
export async function summaryCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        pairing: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string' },
        xlsx: { type: 'string' },
        kind: { type: 'string', default: 'summary' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  const v = parsed.values;
  const year = Number(v.year);
  if (
    v.help ||
    command !== 'export' ||
    !v.pairing ||
    !v.out ||
    !/^\d{4}$/.test(v.year ?? '') ||
    (v.kind !== 'summary' && v.kind !== 'plan')
  ) {
    (v.help ? io.out : io.err)(USAGE);
    return v.help ? 0 : 2;
  }
  return commandWithAppDeps(env, io, async (deps) => {
    const ctx = systemContext(deps, 'cli');
    const pairing = await pairingArgument({ tx: ctx.db }, ctx.actor, v.pairing!, io);
    if (!pairing) return 1;
    try {
      const r = await exportPairingYear(ctx, pairing, year, v.kind as 'summary' | 'plan', { xlsx: !!v.xlsx });
      await fs.writeFile(v.out!, r.docx);
      if (v.xlsx && r.xlsx) await fs.writeFile(v.xlsx, r.xlsx);
      io.out(`已导出“${r.title}” / exported: ${v.out}${v.xlsx ? `, ${v.xlsx}` : ''}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      io.err(`${appErrorText(err)}\n`);
      return 1;
    }
  });
}
