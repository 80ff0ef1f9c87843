import { randomUUID } from 'node:crypto';
import { AppError, bilingual } from '../../http/app-error.ts';
import type { Db, DbOrTx } from '../../db/database.ts';
import type { ImportJob } from '../../../common/api/projects.ts';
import { tableUpkeepOf } from '../../db/table-upkeep.ts';
import { deleteJobsCreatedBefore, findOwnJob, insertJob, updateJob, type JobRow } from './jobs.repository.ts';

export type Progress = (p: Partial<Pick<ImportJob, 'phase' | 'processed' | 'total'>>) => void;
/** A job's state as its owner polls it; `R` is what it answers when done (an import's counts by default). */
export type BackgroundJob<R = NonNullable<ImportJob['result']>> = Omit<ImportJob, 'result'> & { result: R | null };
type Outcome<R> = Pick<BackgroundJob<R>, 'result' | 'errors' | 'error'>;
/**
 * Writes the job's outcome in the caller's transaction, the one that stores what the job did: a process that dies
 * right after that commit leaves a job that reports what it stored, not "interrupted, nothing imported".
 */
export type FinishJob<R = NonNullable<ImportJob['result']>> = (tx: DbOrTx, outcome: Outcome<R>) => Promise<void>;

const KEEP_MS = 24 * 60 * 60 * 1000;
/** Progress is written this often at most; a poll from another process sees it this late at worst. */
const WRITE_EVERY_MS = 1_000;
/** A running job not heard of for this long died with its process. */
const STALE_MS = 60_000;
const WAIT_MS = 5 * 60_000;

interface Live {
  owner: string;
  state: BackgroundJob<unknown>;
  done: Promise<void>;
}

/** Jobs this process runs, for live progress without a query; others are read from the table. */
const live = new Map<string, Live>();

const catalogued = (code: string): NonNullable<ImportJob['error']> => ({ code, ...bilingual(`errors.${code}`) });

/** What a failed job says: an AppError's own text, a file refusal's two messages, or the catalogue's generic failure. */
function failure(err: unknown): ImportJob['error'] {
  if (err instanceof AppError) return { code: err.code, ...err.text };
  const e = err as { code?: string; messageZh?: string; messageEn?: string };
  return e.messageZh && e.messageEn
    ? { code: e.code ?? 'internal', zh: e.messageZh, en: e.messageEn, message: `${e.messageZh} / ${e.messageEn}` }
    : catalogued('job_failed');
}

/**
 * Starts `run` after recording the job; answers at once with its first state. Progress and the outcome are kept in
 * this process and written to the jobs table (progress at most once a second, the outcome when it ends).
 */
export async function startJob<R = NonNullable<ImportJob['result']>>(
  db: Db,
  kind: string,
  owner: string,
  run: (progress: Progress, finish: FinishJob<R>) => Promise<Outcome<R>>,
): Promise<BackgroundJob<R>> {
  const state: BackgroundJob<R> = {
    id: randomUUID(),
    status: 'running',
    phase: 'reading',
    processed: 0,
    total: 0,
    result: null,
    errors: [],
    error: null,
  };
  await deleteJobsCreatedBefore(db, new Date(Date.now() - KEEP_MS));
  await insertJob(db, { id: state.id, kind, ownerUserId: owner, status: 'running', phase: state.phase });

  let lastWrite = Date.now();
  let writing: Promise<unknown> = Promise.resolve();
  const finalRow = (outcome: Outcome<R>) => ({
    status: outcome.result ? ('done' as const) : ('failed' as const),
    phase: 'done',
    processed: state.processed,
    total: state.total,
    heartbeatAt: new Date(),
    outcome: { result: outcome.result, errors: outcome.errors, error: outcome.error },
  });
  const save = (final: boolean) => {
    const row = final
      ? finalRow(state)
      : {
          status: state.status,
          phase: state.phase,
          processed: state.processed,
          total: state.total,
          heartbeatAt: new Date(),
        };
    // In order, and never awaited by the job: with one connection a progress write waits for the import's own transaction.
    writing = writing.then(() => updateJob(db, state.id, row)).catch(() => undefined);
    return writing;
  };
  const progress: Progress = (p) => {
    Object.assign(state, p);
    if (Date.now() - lastWrite >= WRITE_EVERY_MS) {
      lastWrite = Date.now();
      void save(false);
    }
  };
  const finish: FinishJob<R> = (tx, outcome) => updateJob(tx, state.id, finalRow(outcome));
  const done = run(progress, finish)
    .then(
      (r) => void Object.assign(state, r, { status: r.result ? 'done' : 'failed', phase: 'done' }),
      (err: unknown) => void Object.assign(state, { status: 'failed', phase: 'done', error: failure(err) }),
    )
    .then(() => save(true))
    // A bulk import changes many rows at once: on PGlite, which has no autovacuum, the tables it took past the
    // threshold are analyzed now (db/table-upkeep.ts), so the next reads plan on its rows; a failure waits for the
    // periodic upkeep.
    .then(() => tableUpkeepOf(db)?.analyzeDue())
    .catch(() => undefined)
    .then(() => {
      // Kept a while for polls that arrive as it ends; the table answers after that.
      setTimeout(() => live.delete(state.id), 60_000).unref();
    });
  live.set(state.id, { owner, state, done });
  return { ...state };
}

function fromRow<R>(row: JobRow): BackgroundJob<R> {
  const outcome = (row.outcome ?? {}) as Partial<Outcome<R>>;
  const interrupted = row.status === 'running' && Date.now() - row.heartbeatAt.getTime() > STALE_MS;
  return {
    id: row.id,
    status: interrupted ? 'failed' : row.status,
    phase: interrupted ? 'done' : (row.phase as ImportJob['phase']),
    processed: row.processed,
    total: row.total,
    result: outcome.result ?? null,
    errors: outcome.errors ?? [],
    error: interrupted ? catalogued('job_interrupted') : (outcome.error ?? null),
  };
}

/** The job as its owner sees it, from whichever process ran it; `wait` resolves once it has finished. */
export async function getJob<R = NonNullable<ImportJob['result']>>(
  db: Db,
  owner: string,
  id: string,
  wait: boolean,
): Promise<BackgroundJob<R> | null> {
  const mine = live.get(id);
  if (mine) {
    if (mine.owner !== owner) return null;
    if (wait) await mine.done;
    return { ...(mine.state as BackgroundJob<R>) };
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await findOwnJob(db, owner, id);
    if (!row) return null;
    const job = fromRow<R>(row);
    if (!wait || job.status !== 'running' || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** For tests: forget the jobs this process runs, as another process would see them. */
export function forgetLiveJobs(): void {
  live.clear();
}
