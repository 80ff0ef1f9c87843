import fs from 'node:fs';

export interface PeakMemory {
  /** Resident memory of the whole process (main thread, workers such as PGlite's, native buffers), in MB. */
  peakRssMb: number;
  rssBeforeMb: number;
  /** `VmHWM` after resetting it through /proc/self/clear_refs (exact), or sampling every 20 ms (may miss a short peak). */
  method: 'VmHWM' | 'sampled';
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function vmHwmBytes(): number | null {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
    return kb ? kb * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak-RSS mark to the current RSS (Linux 4.0+); false where that is not possible. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return vmHwmBytes() !== null;
  } catch {
    return false;
  }
}

/** Runs `fn` and reports this process's peak resident memory while it ran. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; memory: PeakMemory }> {
  const before = process.memoryUsage().rss;
  const exact = resetPeak();
  let sampled = before;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  try {
    const value = await fn();
    sampled = Math.max(sampled, process.memoryUsage().rss);
    const hwm = exact ? vmHwmBytes() : null;
    return {
      value,
      memory: { peakRssMb: mb(hwm ?? sampled), rssBeforeMb: mb(before), method: hwm ? 'VmHWM' : 'sampled' },
    };
  } finally {
    clearInterval(timer);
  }
}
