import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { programmeFile, type ProgrammeLoadReport } from '../common/api/programmes.ts';
import { AppError, invalid } from '../server/http/app-error.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { zodIssuesToDetails } from '../server/http/zod-issues.ts';
import { appErrorText, commandWithAppDeps, processIo, type CliIo } from '../server/cli-support.ts';
import { loadProgrammeFile } from '../server/modules/pairings/programme-load.service.ts';

const USAGE = `用法 / usage: duikou programme load FILE.json
  FILE.json   合作规划及其对口关系（格式见 docs/PROGRAMME-FILE.md）/ a programme and its pairings (docs/PROGRAMME-FILE.md)
`;

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The report in one block: what changed, by name; or that nothing did. */
export function loadReportText(r: ProgrammeLoadReport): string {
  if (r.unchanged)
    return `未变化 / unchanged: ${r.programmeName} (${r.programmeId}), ${r.unchangedCount} 个对口关系 / pairings\n`;
  const lines = [
    `${r.programmeCreated ? '已创建 / created' : '已更新 / updated'}: ${r.programmeName} (${r.programmeId})`,
    `  新增 added ${r.added.length}, 修改 updated ${r.updated.length}, 未变 unchanged ${r.unchangedCount}`,
  ];
  if (r.programmeChanges.length) lines.push(`  合作规划字段 / programme fields: ${r.programmeChanges.join(', ')}`);
  if (r.added.length) lines.push(`  新增 / added: ${r.added.join('、')}`);
  if (r.updated.length) lines.push(`  修改 / updated: ${r.updated.join('、')}`);
  if (r.notInFile.length) lines.push(`  文件中已无（保留）/ not in the file (kept): ${r.notInFile.join('、')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `duikou programme load FILE.json`: loads a programme and its pairings as the system user (audited as such), all
 * or nothing. Like the other commands it opens the database itself: beside a server on PostgreSQL it works, while
 * the server runs on the embedded database it says so in one line (load through the API instead).
 */
export async function programmeCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch {
    io.err(USAGE);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'load' || parsed.positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const path = parsed.positionals[0]!;
  let json: unknown;
  try {
    if ((await fs.stat(path)).size > MAX_FILE_BYTES) {
      io.err(`文件过大 / file too large: ${path}\n`);
      return 1;
    }
    json = JSON.parse(await fs.readFile(path, 'utf8'));
  } catch (err) {
    io.err(
      err instanceof SyntaxError
        ? `不是有效的 JSON / not valid JSON: ${path}: ${err.message}\n`
        : `找不到文件 / file not found: ${path}\n`,
    );
    return 1;
  }
  const checked = programmeFile.safeParse(json);
  if (!checked.success) {
    io.err(`${appErrorText(invalid(...zodIssuesToDetails(checked.error.issues)))}\n`);
    return 1;
  }
  return commandWithAppDeps(env, io, async (deps) => {
    try {
      io.out(loadReportText(await loadProgrammeFile(systemContext(deps, 'cli'), checked.data)));
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        io.err(`${appErrorText(err)}\n`);
        return 1;
      }
      throw err;
    }
  });
}
