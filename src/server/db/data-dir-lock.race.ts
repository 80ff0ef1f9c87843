/**
 * Measurement, not a test: `node --import tsx src/server/db/data-dir-lock.race.ts [tries] [stale|fresh] [starters]`
 * starts the starters of data-dir-lock.starter.ts in the same millisecond `tries` times and counts the rounds in
 * which more than one held the lock at once (docs/DECISIONS.md quotes the result).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const [triesArg, mode, startersArg] = process.argv.slice(2);
const tries = Number(triesArg ?? 30);
const starters = Number(startersArg ?? 3);
const STARTER = path.join(import.meta.dirname, 'data-dir-lock.starter.ts');
let overlapping = 0;
let single = 0;
for (let i = 0; i < tries; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-race-'));
  if (mode === 'stale')
    fs.writeFileSync(path.join(dir, 'duikou.lock'), JSON.stringify({ pid: 999999, host: os.hostname() }));
  const startAt = Date.now() + 3000;
  const outputs = await Promise.all(
    Array.from(
      { length: starters },
      () =>
        new Promise<string>((resolve) => {
          const c = spawn(process.execPath, ['--import', 'tsx', STARTER, dir, String(startAt), '1000']);
          let out = '';
          c.stdout.on('data', (d) => (out += d));
          c.on('exit', () => resolve(out));
        }),
    ),
  );
  const spans = outputs
    .filter((o) => o.startsWith('HELD'))
    .map((o) => [Number(/HELD (\d+)/.exec(o)![1]), Number(/RELEASED (\d+)/.exec(o)![1])])
    .sort((a, b) => a[0]! - b[0]!);
  if (spans.some((s, k) => k > 0 && s[0]! < spans[k - 1]![1]!)) overlapping++;
  else single++;
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  JSON.stringify({ tries, mode: mode ?? 'fresh', starters, onlyOneHolder: single, twoOrMoreAtOnce: overlapping }),
);
