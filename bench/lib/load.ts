import autocannon from 'autocannon';
import { BROWSER_ACCEPT_ENCODING } from './browser.ts';
import { percentile } from './stats.ts';

/** BENCH_LOAD_S shortens the measured part for a quick check of the bench itself (the report says so). */
export const LOAD = { connections: 64, durationS: Number(process.env.BENCH_LOAD_S || 10), warmupS: 2 };

export interface LoadResult {
  url: string;
  /** The measured part and warm-up actually used, in seconds, when not LOAD's (slow endpoints get longer). */
  durationS?: number;
  warmupS?: number;
  /** Mean requests per second over the measured part (autocannon's per-second samples). */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** The first request error's message, when there were any (what to look at first). */
  firstError?: string;
}

/**
 * For an endpoint so slow that 64 requests in flight take longer than the usual window to come back (a 5,000-task
 * plan tree): a longer warm-up and measured part, so the figures are from a steady state and not from the first
 * round, and a longer per-request timeout (autocannon's default is 10 s) so a slow answer is counted, not an error.
 */
export interface LoadOptions {
  durationS?: number;
  warmupS?: number;
  timeoutS?: number;
  /** Paths the requests take in turn, across all connections (every request another page or filter, none cached). */
  paths?: readonly string[];
}

/**
 * autocannon with 64 connections: a 2 s warm-up (not recorded), then 10 s measured (LOAD). Latencies are taken from every
 * response of the measured part (autocannon's own summary has no p95).
 */
export async function loadTest(
  url: string,
  headers: Record<string, string> = {},
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  const durationS = opts.durationS ?? LOAD.durationS;
  const warmupS = opts.warmupS ?? LOAD.warmupS;
  // One counter for all connections: each request takes the next path, so no two requests ask for the same one.
  const paths = opts.paths;
  let next = 0;
  const instance = autocannon({
    url,
    connections: LOAD.connections,
    duration: durationS,
    // As a browser asks: the answers come compressed, and autocannon counts their bytes without decompressing them.
    headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...headers },
    warmup: { connections: LOAD.connections, duration: warmupS },
    ...(opts.timeoutS ? { timeout: opts.timeoutS } : {}),
    ...(paths ? { requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }] } : {}),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  let firstError: string | undefined;
  instance.on('reqError', (err: Error) => {
    firstError ??= err.message;
  });
  const r = await instance;
  return {
    url,
    ...(opts.durationS !== undefined || opts.warmupS !== undefined ? { durationS, warmupS } : {}),
    rps: r.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.reduce((m, v) => Math.max(v, m), 0),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
    ...(firstError ? { firstError } : {}),
  };
}
