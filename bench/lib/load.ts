import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export const LOAD = { connections: 64, durationS: 10, warmupS: 2 };

export interface LoadResult {
  url: string;
  /** Mean requests per second over the measured 10 s (autocannon's per-second samples). */
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
}

/**
 * autocannon with 64 connections: a 2 s warm-up (not recorded), then 10 s measured. Latencies are taken from every
 * response of the measured part (autocannon's own summary has no p95).
 */
export async function loadTest(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: LOAD.connections,
    duration: LOAD.durationS,
    headers,
    warmup: { connections: LOAD.connections, duration: LOAD.warmupS },
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const r = await instance;
  return {
    url,
    rps: r.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.reduce((m, v) => (v > m ? v : m), 0),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
  };
}
