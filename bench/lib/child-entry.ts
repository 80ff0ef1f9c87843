// The child process of runInChild (bench/lib/in-process.ts): opens the database, runs one exported function, writes its result.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './duikou-server.ts';
import { withAppContext, type ChildJob, type InProcessApp } from './in-process.ts';

const job = JSON.parse(process.env.BENCH_CHILD_JOB ?? 'null') as ChildJob | null;
if (!job) throw new Error('BENCH_CHILD_JOB is not set: this file is started by runInChild');
const mod = (await import(pathToFileURL(path.join(REPO, job.module)).href)) as Record<
  string,
  (app: InProcessApp, args: unknown, log: (line: string) => void) => Promise<unknown>
>;
const fn = mod[job.fn];
if (typeof fn !== 'function') throw new Error(`${job.module} exports no function ${job.fn}`);
const result = await withAppContext(job.target, (app) => fn(app, job.args, (line) => console.log(line)));
fs.writeFileSync(job.out, JSON.stringify(result));
// PGlite's worker and pools are closed by withAppContext; exit without waiting for stray timers.
process.exit(0);
