import { cpuSnapshot, foreignCpu, waitForQuiet } from './cpu-meter.ts';

export interface Quietly<T> {
  value: T;
  /** Other processes' CPU use during the measurement, in cores (2 = both cores busy with someone else's work). */
  foreignCores: number;
  /** Measurements made; more than one when the first overlapped with other work. */
  attempts: number;
}

let deadline = Infinity;

/** After this moment (performance.now()), measurements neither wait for a quiet machine nor repeat: the bench stays bounded. */
export function setQuietDeadline(at: number) {
  deadline = at;
}

/**
 * Runs a measurement after waiting (bounded) for a quiet machine, and again if other processes still took more
 * than a quarter of a core during it; keeps the attempt that overlapped least with foreign work.
 */
export async function quietly<T>(
  measure: () => Promise<T>,
  opts: { wait?: number; retries?: number } = {},
): Promise<Quietly<T>> {
  let best: { value: T; foreignCores: number } | undefined;
  const attempts = 1 + (opts.retries ?? 1);
  let made = 0;
  while (made < attempts && (made === 0 || performance.now() < deadline)) {
    if (performance.now() < deadline) await waitForQuiet(opts.wait ?? 10_000);
    const before = cpuSnapshot();
    const value = await measure();
    made++;
    const foreignCores = foreignCpu(before, cpuSnapshot()).coreShare;
    if (!best || foreignCores < best.foreignCores) best = { value, foreignCores };
    if (foreignCores < 0.25) break;
  }
  return { ...best!, attempts: made };
}
