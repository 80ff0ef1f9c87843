import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `数据目录 ${dir} 正被进程 ${holderPid} 使用，不能同时启动第二个实例。\n` +
        `The data directory ${dir} is in use by process ${holderPid}; a second instance cannot open it.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock of its own and two processes on one directory corrupt it (stack.md guardrail 1),
 * so the directory is ours only while `duikou.lock` (created with O_EXCL) names a live process on this host.
 */
export function lockDataDir(dir: string): { release: () => void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'duikou.lock');
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* a torn lock file is treated as stale */
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(dir, holder.pid);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法锁定数据目录 / Could not lock the data directory ${dir}`);
}
