import fs from 'node:fs';
import { BROWSER_ACCEPT_ENCODING } from './browser.ts';
import { startBareFastify } from './duikou-server.ts';
import { loadTest, type LoadOptions, type LoadResult } from './load.ts';
import { quietly, type Quietly } from './quiet.ts';
import { median, percentile } from './stats.ts';

export interface SerialLatency {
  label: string;
  median: number;
  p95: number;
  /** Timed requests (after the warm-up ones). */
  runs?: number;
}

/** Resident memory of a process, in MB (for the Duikou server: PGlite lives inside it). */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** One request at a time: what a request costs when nothing queues. */
export async function serialLatency(
  label: string,
  url: string,
  headers: Record<string, string>,
  counts: { warmup: number; runs: number } = { warmup: 20, runs: 150 },
): Promise<SerialLatency> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...headers } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < counts.warmup; i++) await once();
  const xs: number[] = [];
  for (let i = 0; i < counts.runs; i++) xs.push(await once());
  return { label, median: median(xs), p95: percentile(xs, 95), runs: counts.runs };
}

export function checkClean(r: LoadResult) {
  if (r.non2xx || r.errors)
    throw new Error(
      `${r.url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load${r.firstError ? ` (first: ${r.firstError})` : ''}`,
    );
  if (!r.requests)
    throw new Error(`${r.url}: no answer within the measured ${r.timeouts ? `part (${r.timeouts} timeouts)` : 'part'}`);
}

const fmt = (q: Quietly<LoadResult>) =>
  `${Math.round(q.value.rps)} req/s, p95 ${q.value.p95.toFixed(1)} ms (other processes: ${q.foreignCores.toFixed(2)} cores)`;

/** The baseline of every ratio: a separate minimal Fastify process under the same load, in the same run. */
export async function measureBare(log: (line: string) => void): Promise<Quietly<LoadResult>> {
  const bare = await quietly(async () => {
    const proc = await startBareFastify();
    try {
      return await loadTest(`${proc.baseUrl}/hello`);
    } finally {
      await proc.stop();
    }
  });
  checkClean(bare.value);
  log(`  bare Fastify: ${fmt(bare)}`);
  return bare;
}

/** autocannon against one endpoint of a running server, as `headers` (the session cookie). */
export async function measureEndpoint(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  log: (line: string) => void,
  opts: LoadOptions = {},
): Promise<Quietly<LoadResult>> {
  const r = await quietly(() => loadTest(`${baseUrl}${path}`, headers, opts));
  checkClean(r.value);
  log(`  ${path}: ${fmt(r)}, ${(r.value.bytesPerResponse / 1024).toFixed(1)} kB per response`);
  return r;
}
