import { dataVersionOf } from '../../db/data-version.ts';
import type { AppDeps } from '../../http/context.ts';
import { chinaToday } from '../dates.ts';

/** Every few minutes: often enough that a new day's reminders appear soon after midnight, rare enough to cost nothing. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * One module's reminders: `generate` makes today's notices (idempotent: a second run the same day makes none) and
 * says how many; `reads`, every table what is due depends on besides the day (what it reads, and what removes a
 * notice given), so that a run the same day after none of them changed is skipped.
 */
export interface ReminderGenerator {
  generate: (deps: AppDeps, now?: Date) => Promise<number>;
  /** Table names, as the data version knows them (drizzle-orm getTableName). */
  reads: readonly string[];
}

/**
 * Runs every module's reminder generator, one after the other (one failing does not keep the others from running).
 * A generator whose last run was the same day (China time) is skipped while none of the tables it reads changed
 * since that run began (db/data-version.ts: this process's writes and, on PostgreSQL, the other processes'
 * announced ones); a new day, an untrusted clock or a failed run runs it. The notices' unique indexes keep a
 * reminder single even when two runs race.
 */
export function reminderRunner(
  deps: AppDeps,
  generators: readonly ReminderGenerator[],
  onError?: (err: unknown) => void,
): (now?: Date, stopped?: () => boolean) => Promise<void> {
  const version = dataVersionOf(deps.db);
  const lastRun = new Map<ReminderGenerator, { day: string; at: number }>();
  const runOne = async (g: ReminderGenerator, now: Date) => {
    const day = chinaToday(now);
    // The generators read the primary (work outside requests): the clock as it stands is the moment they read at.
    const at = version?.ticks;
    const last = lastRun.get(g);
    if (last?.day === day && version!.unchangedSince(last.at, g.reads)) return;
    lastRun.delete(g);
    await g.generate(deps, now);
    if (at !== undefined) lastRun.set(g, { day, at });
  };
  return async (now = new Date(), stopped = () => false) => {
    for (const g of generators) {
      if (stopped()) return;
      await runOne(g, now).catch((err) => onError?.(err));
    }
  };
}

/**
 * Runs the reminders (reminderRunner) now and then every `intervalMs` until stopped. Runs never overlap, and
 * stop() waits for the one under way so the database can close after it. The server starts it in one process of
 * several (db/leader.ts).
 */
export function startReminderTimer(
  deps: AppDeps,
  generators: readonly ReminderGenerator[],
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
) {
  const runAll = reminderRunner(deps, generators, opts.onError);
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    // A run still under way when the next tick comes is left to finish; the tick is skipped.
    if (running || stopped) return;
    running = runAll(new Date(), () => stopped).finally(() => (running = null));
  };
  const timer = setInterval(run, opts.intervalMs ?? REMINDER_INTERVAL_MS);
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
