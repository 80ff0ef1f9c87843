import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../server/http/app-error.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { appErrorText, commandWithAppDeps, pairingArgument, processIo, type CliIo } from '../server/cli-support.ts';
import { parsePlanWithSource } from '../server/modules/plans/parser/parse-plan.ts';
import {
  extractOrRefuse,
  planRegions,
  planFileRefusal,
  MAX_PLAN_FILE_BYTES,
} from '../server/modules/plans/plan-preview.service.ts';
import { formatBytes, PlanFileError } from '../server/modules/plans/parser/plan-file-error.ts';
import { pairingCandidates, pairingOfSides, programmeOfPlan } from '../server/modules/plans/plan-owner.service.ts';
import { importInputFromParsed } from '../server/modules/plans/plan-import-input.ts';
import { importPlan } from '../server/modules/plans/plan-import.service.ts';

const USAGE = `用法 / usage: duikou plan import FILE [--pairing ID|NAME]
  FILE           方案文件 / plan file (.txt, .docx, .pdf)
  --pairing ID|NAME   所属对口合作关系（ID 或名称，如 吉林省—浙江省）；缺省时按方案标题中的双方识别 / the pairing (id or exact name); by default the one whose sides the title names
`;

/**
 * `duikou plan import FILE [--pairing ID|NAME]`: imports a plan as the preview page would with its tree confirmed
 * unchanged, as the system user (audited as such); a changed version of a plan already imported becomes its new
 * version. Like `admin create` it opens the database itself: while the server runs on the embedded database it says
 * so in one line (the web app imports plans through the server).
 */
export async function planImportCommand(
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { pairing: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const file = parsed.positionals[0]!;
  let buffer: Buffer;
  try {
    // Refuse an oversized file before reading it into memory.
    if ((await fs.stat(file)).size > MAX_PLAN_FILE_BYTES) {
      io.err(
        `${appErrorText(planFileRefusal(new PlanFileError('too_large', { limit: formatBytes(MAX_PLAN_FILE_BYTES) })))}\n`,
      );
      return 1;
    }
    buffer = await fs.readFile(file);
  } catch {
    io.err(`找不到文件 / file not found: ${file}\n`);
    return 1;
  }
  return commandWithAppDeps(env, io, async (deps) => {
    try {
      const ctx = systemContext(deps, 'cli');
      const text = await extractOrRefuse(buffer, path.basename(file));
      const { plan, normalised } = parsePlanWithSource(text, { regions: planRegions() });
      let owner: { pairingId: string | null; programmeId: string } | undefined;
      if (parsed.values.pairing) {
        const pairing = await pairingArgument({ tx: ctx.db }, ctx.actor, parsed.values.pairing, io);
        if (!pairing) return 1;
        owner = { pairingId: pairing.id, programmeId: pairing.programmeId };
      } else if (plan.kind === 'national') {
        const programme = await programmeOfPlan(ctx, plan, undefined);
        if (programme) owner = { pairingId: null, programmeId: programme.id };
      } else {
        const pairing = await pairingOfSides(ctx, plan.sides);
        if (pairing) owner = { pairingId: pairing.id, programmeId: pairing.programmeId };
      }
      if (!owner) {
        const candidates = await pairingCandidates(ctx, plan.sides, 20);
        io.err(
          `方案双方未对应任何对口合作关系，请用 --pairing 指定 / the plan's sides match no pairing; choose one with --pairing:\n${candidates.map((c) => `  ${c.id}  ${c.name}`).join('\n')}\n`,
        );
        return 1;
      }
      const created = await importPlan(ctx, importInputFromParsed(plan, normalised.text, path.basename(file), owner));
      if (created.unchanged) {
        io.out(`未变化 / unchanged: ${plan.title} v${created.versionNo} (${created.id})\n`);
        return 0;
      }
      const c = created.changes;
      const changes = c
        ? `; 新增 added ${c.added.length}, 删除 removed ${c.removed.length}, 修改 changed ${c.changed.length}`
        : '';
      io.out(
        `已导入 / imported: ${plan.title} v${created.versionNo} (${created.id}): ${created.taskCount} 项任务 / tasks${changes}\n`,
      );
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
