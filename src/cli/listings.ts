import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LISTING_KINDS } from '../common/api/enums.ts';
import type { RankedListing } from '../common/api/listings.ts';
import { appErrorText, type CliIo, commandWithAppDeps, processIo } from '../server/cli-support.ts';
import { AppError } from '../server/http/app-error.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { importListingFile } from '../server/modules/listings/listing-import.service.ts';
import { presentRanked } from '../server/modules/listings/listings.presenter.ts';
import { matchListing, searchListings } from '../server/modules/listings/listing-ranking.service.ts';
import { resolveListing } from '../server/modules/listings/listing-reading.service.ts';

const USAGE = `用法 / usage:
  duikou listings import FILE [--pairing ID|NAME]              导入供需表（.xlsx 或 UTF-8 .csv）/ import a listing sheet
  duikou listings match 编号|ID [--top 20] [--json]               为一条信息找互补的供需 / the complementary listings that match one
  duikou listings search "查询" [--type 供给|需求] [--top 20] [--json]   搜索已发布的供需 / search published listings
`;

const TYPES: Record<string, (typeof LISTING_KINDS)[number]> = {
  供给: 'offer',
  需求: 'need',
  offer: 'offer',
  need: 'need',
};

/** What `--json` prints: `[{ ref, score, reasons }]`, the reference being the 编号 where there is one, else the id. */
function printRanked(io: CliIo, items: RankedListing[], json: boolean) {
  if (json) {
    const out = items.map((i) => ({
      ref: i.listing.ref ?? i.listing.id,
      score: i.score,
      reasons: i.reasons.map((r) => r.zh),
    }));
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  for (const [n, i] of items.entries())
    io.out(
      `${n + 1}. [${i.score.toFixed(3)}] ${i.listing.ref ?? i.listing.id} ${i.listing.title}（${i.listing.organisationName}）\n   ${i.reasons.map((r) => r.zh).join('；')}\n`,
    );
}

/**
 * `duikou listings import|match|search`: run as the system user on the opened database (audited as such); while the
 * server runs on the embedded database they say so in one line.
 */
export async function listingsCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        pairing: { type: 'string' },
        top: { type: 'string', default: '20' },
        type: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const top = Number(values.top);
  const kind = values.type ? TYPES[values.type] : undefined;
  if (
    values.help ||
    !['import', 'match', 'search'].includes(command ?? '') ||
    positionals.length !== 1 ||
    !Number.isInteger(top) ||
    top < 1 ||
    top > 100 ||
    (values.type && !kind)
  ) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const arg = positionals[0]!;
  let file: Buffer | undefined;
  if (command === 'import') {
    try {
      file = await fs.readFile(arg);
    } catch {
      io.err(`找不到文件 / file not found: ${arg}\n`);
      return 1;
    }
  }
  return commandWithAppDeps(env, io, async (deps) => {
    const ctx = systemContext(deps, 'cli');
    try {
      if (command === 'import') {
        const r = await importListingFile(ctx, file!, path.basename(arg), { pairing: values.pairing });
        io.out(
          values.json
            ? `${JSON.stringify(r)}\n`
            : `新增 ${r.created} 条，更新 ${r.updated} 条 / ${r.created} created, ${r.updated} updated\n`,
        );
        return 0;
      }
      if (command === 'match') {
        const { source, rows, words } = await matchListing(ctx, await resolveListing(ctx, arg), top);
        const match = { kind: source.kind, pairingName: source.pairingName };
        printRanked(
          io,
          rows.map((r) => presentRanked(r, ctx.actor.organisationId, { words, match })),
          values.json,
        );
        return 0;
      }
      const { rows, words } = await searchListings(ctx, { q: arg, top, kind });
      printRanked(
        io,
        rows.map((r) => presentRanked(r, ctx.actor.organisationId, { words })),
        values.json,
      );
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      io.err(`${appErrorText(err)}\n`);
      return 1;
    }
  });
}
