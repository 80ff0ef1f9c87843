import { ITEM_STATUSES, MEETING_KINDS, SECONDMENT_RANKS } from '../src/common/api/enums.ts';
import {
  COOPERATION_USERS,
  type CooperationArgs,
  type CooperationPrepared,
  syntheticRoster,
} from './cooperation-data.ts';
import { ApiClient } from './lib/api-client.ts';
import { BROWSER_ACCEPT_ENCODING } from './lib/browser.ts';
import { startDuikou, type Target } from './lib/duikou-server.ts';
import { measureEndpoint, rssMb, type SerialLatency } from './lib/http-measure.ts';
import { runInChild } from './lib/in-process.ts';
import type { LoadResult } from './lib/load.ts';
import type { Quietly } from './lib/quiet.ts';
import { benchScale, scaled } from './lib/scale.ts';
import { median, percentile } from './lib/stats.ts';

/** Issue 11's sizes at BENCH_SCALE=1: 10× the national programme. */
export const COOPERATION_SIZES = {
  pairings: 200,
  meetings: 5_000,
  decisionsPerMeeting: 10,
  rosterRows: 2_000,
  rosterImports: 10,
} as const;
/** Issue 11: a roster of 2,000 rows imports in under 5 s. */
export const ROSTER_IMPORT_TARGET_MS = 5_000;

export interface CooperationList {
  label: string;
  /** One of the paths, as an example; every request of the run asks for another. */
  sample: string;
  paths: number;
  load: Quietly<LoadResult>;
  serial: SerialLatency;
}

export interface CooperationResult {
  engine: Target['engine'];
  scale: number;
  prepared: CooperationPrepared;
  cadres: number;
  /** Each roster import over HTTP, in ms (wall time of POST /api/secondments/import). */
  importMs: number[];
  lists: CooperationList[];
  serverRssMb: number | null;
}

/** Distinct addresses per list: more than a run of 10 s makes, so no request is answered from the response cache. */
const MAX_PATHS = 60_000;

/**
 * Every page of every filter at page sizes 10 to 100 (`rows`: about how many rows the filter has), in a fixed
 * shuffled order: the requests take them in turn, so each asks for an address no earlier request asked for.
 */
function distinctPages(filters: { query: string; rows: number }[]): string[] {
  const out: string[] = [];
  for (let size = 10; size <= 100; size++)
    for (const f of filters)
      for (let page = 1; page <= Math.max(1, Math.floor(f.rows / size)); page++)
        out.push(`${f.query}&pageSize=${size}&page=${page}`);
  // A linear congruential shuffle: the same order every run.
  let seed = 11;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, MAX_PATHS);
}

/** One request at a time over distinct addresses (the first five not timed): what an uncached answer costs alone. */
async function serialDistinct(label: string, baseUrl: string, paths: string[], headers: Record<string, string>) {
  const xs: number[] = [];
  for (const [k, p] of paths.entries()) {
    const t0 = performance.now();
    const res = await fetch(baseUrl + p, { headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...headers } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${p} → ${res.status}`);
    if (k >= 5) xs.push(performance.now() - t0);
  }
  return { label, median: median(xs), p95: percentile(xs, 95), runs: xs.length };
}

/**
 * Stage 6 (issue 11): meetings, decisions as tracked items, and cadre records at 10× national scale. The meetings
 * and decisions are generated in a child process (bench/cooperation-data.ts); the cadres come in through ten roster
 * imports of 2,000 rows over HTTP, each timed. Then the three list pages under 64 connections, every request another
 * page or filter (status, overdue, owner unit, pairing, year, rank), so no answer can come from a cache.
 */
export async function measureCooperation(target: Target, log: (line: string) => void): Promise<CooperationResult> {
  const scale = benchScale();
  const args: CooperationArgs = {
    pairings: scaled(COOPERATION_SIZES.pairings, 5),
    meetings: scaled(COOPERATION_SIZES.meetings, 50),
    decisionsPerMeeting: COOPERATION_SIZES.decisionsPerMeeting,
  };
  const rosterRows = scaled(COOPERATION_SIZES.rosterRows, 50);
  log(`  generating: ${args.pairings} sub-pairs, ${args.meetings} meetings × ${args.decisionsPerMeeting} decisions`);
  const prepared = await runInChild<CooperationPrepared>(
    'bench/cooperation-data.ts',
    'prepareCooperation',
    target,
    args,
    log,
  );
  const server = await startDuikou(target);
  try {
    const national = new ApiClient(server.baseUrl);
    await national.login(COOPERATION_USERS.national.username, COOPERATION_USERS.national.password);
    const zzb = new ApiClient(server.baseUrl);
    await zzb.login(COOPERATION_USERS.orgDept.username, COOPERATION_USERS.orgDept.password);

    const importMs: number[] = [];
    for (let b = 0; b < COOPERATION_SIZES.rosterImports; b++) {
      const file = await syntheticRoster(b, rosterRows);
      const t0 = performance.now();
      await zzb.upload(`/api/secondments/import?pairingId=${prepared.rosterPairingId}`, 'roster.xlsx', file);
      importMs.push(Math.round(performance.now() - t0));
      log(`  roster import ${b + 1}: ${rosterRows} rows in ${importMs.at(-1)} ms`);
    }
    const cadres = (await zzb.ok<{ total: number }>('GET', '/api/secondments?pageSize=1')).total;

    const { pairingIds, ownerIds, meetings, decisions } = prepared;
    const years = Array.from({ length: 10 }, (_, k) => 2016 + k);
    const lists: { label: string; headers: Record<string, string>; paths: string[] }[] = [
      {
        label: 'meetings (page, year, kind, pairing)',
        headers: { cookie: national.cookie },
        paths: distinctPages([
          { query: '/api/meetings?demo=false', rows: meetings },
          ...years.map((y) => ({ query: `/api/meetings?year=${y}`, rows: meetings / 10 })),
          ...MEETING_KINDS.map((k) => ({ query: `/api/meetings?kind=${k}`, rows: meetings / 6 })),
          ...pairingIds.map((id) => ({ query: `/api/meetings?pairingId=${id}`, rows: meetings / pairingIds.length })),
        ]),
      },
      {
        label: 'tracked items (status, overdue, owner unit)',
        headers: { cookie: national.cookie },
        paths: distinctPages([
          ...ITEM_STATUSES.map((st) => ({ query: `/api/tracked-items?status=${st}`, rows: decisions / 4 })),
          ...ownerIds.map((o) => ({ query: `/api/tracked-items?organisationId=${o}`, rows: decisions / 100 })),
          ...ownerIds.map((o) => ({
            query: `/api/tracked-items?status=overdue&organisationId=${o}`,
            rows: decisions / 400,
          })),
        ]),
      },
      {
        label: 'secondments (page, year and rank)',
        headers: { cookie: zzb.cookie },
        paths: distinctPages([
          { query: '/api/secondments?demo=false', rows: cadres },
          ...years.flatMap((y) =>
            SECONDMENT_RANKS.map((r) => ({ query: `/api/secondments?year=${y}&rank=${r}`, rows: cadres / 40 })),
          ),
        ]),
      },
    ];
    const measured: CooperationList[] = [];
    for (const l of lists) {
      // A 30 s per-request timeout: on a busy machine a slow answer is counted, not an error.
      const load = await measureEndpoint(server.baseUrl, l.paths[0]!, l.headers, log, { paths: l.paths, timeoutS: 30 });
      const serial = await serialDistinct(`serial ${l.label}`, server.baseUrl, l.paths.slice(-55), l.headers);
      log(`  ${serial.label}: median ${serial.median.toFixed(1)} ms, p95 ${serial.p95.toFixed(1)} ms`);
      measured.push({ label: l.label, sample: l.paths[0]!, paths: l.paths.length, load, serial });
    }
    return {
      engine: target.engine,
      scale,
      prepared,
      cadres,
      importMs,
      lists: measured,
      serverRssMb: rssMb(server.child.pid),
    };
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`,
    );
  } finally {
    await server.stop();
  }
}
