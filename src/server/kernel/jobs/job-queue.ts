import type { AppDeps } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import {
  claimNextJob,
  deleteFinishedBefore,
  failAttempt,
  finishJob,
  insertQueuedJobs,
  type QueuedJobInsert,
  type QueuedJobRow,
} from './queue.repository.ts';

/** What runs one kind of job; a throw is a failed attempt (retried later, up to the job's attempts). */
export type JobHandler = (deps: AppDeps, payload: unknown, job: QueuedJobRow) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A job running longer than this is taken as abandoned by a process that died. */
const LOCK_MS = 5 * 60_000;
const POLL_MS = 15_000;
const KEEP_MS = 7 * 24 * 60 * 60_000;

/** 1, 2, 4, 8 … minutes after the attempts so far, at most 6 hours: a mail server down for the night is waited for. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 6 * 3_600_000);

/** Queues jobs in the caller's transaction (they exist once it commits); a job whose key is queued already is skipped. */
export function enqueue(tx: DbOrTx, jobs: QueuedJobInsert[]): Promise<number> {
  return insertQueuedJobs(tx, jobs);
}

/**
 * Runs the jobs due now, one after another, until none is left or `max` have run; says how many succeeded and
 * failed. Each job's outcome is written when it ends: a process that dies mid-job leaves it to be taken up again.
 */
export async function runDueJobs(
  deps: AppDeps,
  handlers: JobHandlers,
  opts: { max?: number; now?: () => Date } = {},
): Promise<{ done: number; failed: number }> {
  const kinds = Object.keys(handlers);
  const tally = { done: 0, failed: 0 };
  for (let i = 0; i < (opts.max ?? 100); i++) {
    const job = await claimNextJob(deps.db, kinds, LOCK_MS);
    if (!job) break;
    try {
      await handlers[job.kind]!(deps, job.payload, job);
      await finishJob(deps.db, job.id);
      tally.done++;
    } catch (err) {
      const now = opts.now?.() ?? new Date();
      await failAttempt(
        deps.db,
        job,
        String((err as Error)?.message ?? err),
        new Date(now.getTime() + retryDelayMs(job.attempts)),
      );
      tally.failed++;
    }
  }
  return tally;
}

/**
 * Runs due jobs now and then every `intervalMs` until stopped; runs never overlap, and stop() waits for the one
 * under way. The server starts it in one process of several (db/leader.ts).
 */
export function startQueueWorker(
  deps: AppDeps,
  handlers: JobHandlers,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = deleteFinishedBefore(deps.db, new Date(Date.now() - KEEP_MS))
      .then(() => runDueJobs(deps, handlers))
      .catch((err) => opts.onError?.(err))
      .finally(() => (running = null));
  };
  const timer = setInterval(run, opts.intervalMs ?? POLL_MS);
  timer.unref();
  run();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
