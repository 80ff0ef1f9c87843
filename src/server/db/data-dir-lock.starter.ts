/**
 * Child process of data-dir-lock.test.ts: waits for a common start time, takes the lock, says when it held it, and
 * (unless told to hold until killed) releases it after `holdMs`.
 */
import { lockDataDir } from './data-dir-lock.ts';

const [dir, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  /* all starters leave this loop in the same millisecond */
}
try {
  const lock = lockDataDir(dir!);
  const from = Date.now();
  process.stdout.write(`HELD ${from}\n`);
  if (holdMs === 'forever') setInterval(() => {}, 60_000);
  else {
    await new Promise((r) => setTimeout(r, Number(holdMs)));
    const to = Date.now();
    lock.release();
    process.stdout.write(`RELEASED ${to}\n`);
  }
} catch (err) {
  process.stdout.write(`REFUSED ${(err as Error).message.split('\n')[0]}\n`);
}
