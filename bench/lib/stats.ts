export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, p in 0..100. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1];
}

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
export const fmtS = (ms: number) => (ms / 1000).toFixed(2) + ' s';
export const fmtRate = (r: number) =>
  r >= 10_000 ? (r / 1000).toFixed(1) + 'k' : Math.round(r).toLocaleString('en-US');

export interface Timing {
  median: number;
  p95: number;
  runs: number;
  warmup: number;
}

/** `fn` run `warmup` times untimed, then `runs` times one after another: median and p95 of those, in ms. */
export async function timedRuns(
  fn: () => Promise<unknown> | unknown,
  counts: { warmup: number; runs: number },
): Promise<Timing> {
  for (let i = 0; i < counts.warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < counts.runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return { median: median(xs), p95: percentile(xs, 95), ...counts };
}
