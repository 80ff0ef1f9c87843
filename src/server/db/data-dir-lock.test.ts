import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { lockDataDir, DataDirLockedError } from './data-dir-lock.ts';

const STARTER = path.join(import.meta.dirname, 'data-dir-lock.starter.ts');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function starter(dir: string, startAt: number, hold: string): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', STARTER, dir, String(startAt), hold], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return { child, output: new Promise((resolve) => child.on('exit', () => resolve(out))) };
}

/** [from, to] of each starter that held the lock. */
function heldSpans(outputs: string[]): [number, number][] {
  return outputs
    .filter((o) => o.startsWith('HELD'))
    .map((o) => [Number(/HELD (\d+)/.exec(o)![1]), Number(/RELEASED (\d+)/.exec(o)![1])] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

describe('data directory lock', () => {
  it('lets exactly one of several starters in the same millisecond hold it, with or without an old lock file', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = tempDir();
      // An old lock file naming a reused PID (1, as in a container), or an empty one, decides nothing.
      if (round % 2 === 1)
        fs.writeFileSync(path.join(dir, 'duikou.lock'), JSON.stringify({ pid: 1, host: os.hostname() }));
      if (round === 2) fs.writeFileSync(path.join(dir, 'duikou.lock'), '');
      const startAt = Date.now() + 2500;
      const outputs = await Promise.all([0, 1, 2].map(() => starter(dir, startAt, '800').output));
      const spans = heldSpans(outputs);
      expect(spans.length, outputs.join('')).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i]![0], outputs.join('')).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      for (const o of outputs) expect(o).toMatch(/^(HELD|REFUSED)/);
    }
  });

  it('is refused to a second holder in one process too, and free again once released', () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    lockDataDir(dir).release();
  });

  it('is released by the kernel when its holder is killed with SIGKILL', async () => {
    const dir = tempDir();
    const holder = starter(dir, 0, 'forever');
    await new Promise<void>((resolve) => holder.child.stdout!.once('data', () => resolve()));
    expect(() => lockDataDir(dir)).toThrow(/in use by another Duikou process/);
    holder.child.kill('SIGKILL');
    await holder.output;
    const lock = lockDataDir(dir);
    lock.release();
  });
});
