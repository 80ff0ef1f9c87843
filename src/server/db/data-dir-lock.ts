import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: string,
  ) {
    super(
      `数据目录 ${dir} 正被另一个 Duikou 进程使用（${holder}），不能同时启动第二个实例；请先停止它，或用 npx duikou backup 在其运行时备份。\n` +
        `The data directory ${dir} is in use by another Duikou process (${holder}); stop it first, or use npx duikou backup while it runs.`,
    );
  }
}

export interface DataDirLock {
  release: () => void;
}

/**
 * Takes an exclusive flock(2) on the open file description of `fd` by handing the descriptor to a short-lived
 * helper: the lock belongs to the open file description, which this process keeps, so it stays held after the
 * helper exits and the kernel drops it when this process ends in any way (crash and kill -9 included).
 * util-linux `flock` is on every Linux (busybox has it too); perl (macOS, or a Linux without util-linux) is the fallback.
 * Answers 'taken' when another open file description holds it.
 */
function flockExclusive(fd: number): 'locked' | 'taken' {
  const helpers: [string, string[]][] = [
    ['flock', ['--nonblock', '--exclusive', '3']],
    [
      'perl',
      ['-MFcntl=:flock', '-e', 'open(my $f, ">&=", 3) or exit 2; flock($f, LOCK_EX | LOCK_NB) or exit 1; exit 0'],
    ],
  ];
  const problems: string[] = [];
  for (const [command, args] of helpers) {
    const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe', fd], timeout: 10_000 });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      problems.push(`${command}: not installed`);
      continue;
    }
    if (r.status === 0) return 'locked';
    if (r.status === 1) return 'taken';
    problems.push(`${command}: ${r.error?.message ?? `exit ${r.status}`} ${r.stderr?.toString().trim() ?? ''}`);
  }
  throw new Error(
    `无法锁定数据目录（需要 util-linux 的 flock 或 perl）/ Could not lock the data directory (needs util-linux flock or perl): ${problems.join('; ')}`,
  );
}

/**
 * PGlite takes no lock of its own and two processes on one directory corrupt it (stack.md guardrail 1), so the
 * directory is ours only while we hold an exclusive OS lock (flock) on `duikou.lock`. The kernel decides, so two
 * starters racing cannot both win, and a crashed holder leaves nothing behind to clean: the file's content is only
 * a note of who holds it, never read to decide. The file is never deleted (deleting a flock file lets a third
 * process lock a new file while the second still holds the old one). docs/DECISIONS.md explains the choice.
 */
export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'duikou.lock');
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  let outcome: 'locked' | 'taken';
  try {
    outcome = flockExclusive(fd);
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  if (outcome === 'taken') {
    let holder = '';
    try {
      const note = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number; host?: string; at?: string };
      holder = `pid ${note.pid} @ ${note.host}, ${note.at}`;
    } catch {
      holder = 'pid ?';
    }
    fs.closeSync(fd);
    throw new DataDirLockedError(dir, holder);
  }
  const note = Buffer.from(JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, note, 0, note.length, 0);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      fs.closeSync(fd); // closing the last descriptor of the open file description releases the flock
    },
  };
}
