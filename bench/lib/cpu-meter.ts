import fs from 'node:fs';

/**
 * The bench shares its machine with whatever else runs there (other test suites, editors, a dev server). This
 * separates the CPU time this process tree used from everything else's, so the report can say how much foreign
 * work overlapped each measurement, and the bench can wait for a quiet machine before measuring.
 */
const HZ = 100; // USER_HZ on Linux

function machineBusyTicks(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = v;
  void idle;
  void iowait;
  return user + nice + system + irq + softirq + steal;
}

interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function readProc(pid: number): ProcStat | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * Processes the bench started that are not its descendants (a PostgreSQL postmaster detaches from pg_ctl): their
 * trees count as the bench's own work, not as other load.
 */
const ownRoots = new Set<number>();
export function addOwnRoot(pid: number) {
  ownRoots.add(pid);
}

/** CPU ticks of this process and all its live descendants, with the reaped children folded in (cutime/cstime). */
function ownTicks(): number {
  const all: ProcStat[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) all.push(p);
  }
  const children = new Map<number, ProcStat[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let sum = 0;
  const stack = [readProc(process.pid)!, ...[...ownRoots].map(readProc).filter((p): p is ProcStat => !!p)];
  while (stack.length) {
    const p = stack.pop()!;
    sum += p.ticks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return sum;
}

export interface CpuSnapshot {
  at: number;
  busy: number;
  own: number;
}

export function cpuSnapshot(): CpuSnapshot {
  return { at: performance.now(), busy: machineBusyTicks(), own: ownTicks() };
}

/** CPU-seconds used by processes outside the bench between two snapshots, and as a share of one core. */
export function foreignCpu(from: CpuSnapshot, to: CpuSnapshot): { cpuSeconds: number; coreShare: number } {
  const seconds = Math.max(0, (to.busy - from.busy - (to.own - from.own)) / HZ);
  const wall = (to.at - from.at) / 1000;
  return { cpuSeconds: seconds, coreShare: wall > 0 ? seconds / wall : 0 };
}

/**
 * Waits (at most `maxWaitMs`) until other processes used under 10 % of one core over a 1 s window. Returns the
 * foreign share of the last window, so the caller can record that it measured on a busy machine anyway.
 */
export async function waitForQuiet(maxWaitMs = 60_000, threshold = 0.1): Promise<number> {
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const a = cpuSnapshot();
    await new Promise((r) => setTimeout(r, 1000));
    const share = foreignCpu(a, cpuSnapshot()).coreShare;
    if (share < threshold || performance.now() > deadline) return share;
  }
}
