import type { AppDeps } from '../../http/context.ts';
import { dataVersionOf } from '../../db/data-version.ts';
import { tableUpkeepOf } from '../../db/table-upkeep.ts';
import { enqueue, type JobHandlers } from './job-queue.ts';

export const TABLE_UPKEEP_JOB = 'db.upkeep';
/** How often the statistics are looked at, when anything was written since the last look. */
export const UPKEEP_CHECK_MS = 60_000;

/**
 * The queued job: VACUUM or ANALYZE every table past autovacuum's thresholds now, one table at a time
 * (db/table-upkeep.ts). The payload names the tables found when it was queued, for the record.
 */
export const tableUpkeepHandlers: JobHandlers = {
  [TABLE_UPKEEP_JOB]: async (deps) => {
    const upkeep = tableUpkeepOf(deps.db);
    if (upkeep) await upkeep.keep(await upkeep.due());
  },
};

/**
 * Looks at the statistics views (one statement) every `UPKEEP_CHECK_MS` when something was written since the last
 * look, and queues the upkeep job when a table is past a threshold. Only for a database the app keeps itself
 * (PGlite); the queue runs the job once, in one process.
 */
export function startTableUpkeep(
  deps: AppDeps,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  const upkeep = tableUpkeepOf(deps.db);
  if (!upkeep) return { stop: async () => {} };
  const version = dataVersionOf(deps.db);
  let seen = -1;
  let running: Promise<unknown> | null = null;
  const check = () => {
    if (running || (version && version.ticks === seen)) return;
    seen = version?.ticks ?? 0;
    running = upkeep
      .due()
      .then((due) =>
        due.length
          ? enqueue(deps.db, [
              {
                kind: TABLE_UPKEEP_JOB,
                payload: { tables: due },
                dedupeKey: `${TABLE_UPKEEP_JOB}:${new Date().toISOString()}`,
              },
            ])
          : 0,
      )
      .catch((err) => opts.onError?.(err))
      .finally(() => (running = null));
  };
  const timer = setInterval(check, opts.intervalMs ?? UPKEEP_CHECK_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
