import fs from 'node:fs';
import path from 'node:path';
import { REPO, removeDir, tempDir } from './lib/duikou-server.ts';
import { runToCompletion } from './lib/processes.ts';
import { quietly, type Quietly } from './lib/quiet.ts';

export interface StallResult {
  mode: 'worker' | 'direct';
  version: string;
  heavySql: string;
  heavyMs: number[];
  phaseMs: number;
  idle: { cheap: number[]; select1: number[] };
  heavy: { cheap: number[]; select1: number[] };
  errors: number;
  unfinished: number;
  eventLoopDelay: { maxMs: number; p99Ms: number };
}

/** Stage 3 in its own process (bench/stall-server.ts), so nothing else shares its event loop. */
export async function measureStall(mode: StallResult['mode']): Promise<Quietly<StallResult>> {
  return quietly(() => runStall(mode));
}

async function runStall(mode: StallResult['mode']): Promise<StallResult> {
  const dir = tempDir(`stall-${mode}`);
  try {
    const out = await runToCompletion(process.execPath, ['--import', 'tsx', 'bench/stall-server.ts', mode, dir], {
      cwd: REPO,
      timeoutMs: 180_000,
    });
    const file = path.join(dir, 'result.json');
    if (!fs.existsSync(file)) throw new Error(`stall-server ${mode} wrote no result:\n${out}`);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StallResult;
  } finally {
    removeDir(dir);
  }
}
