import type { AppDeps } from '../../http/context.ts';

/** Every few minutes: often enough that a new day's reminders appear soon after midnight, rare enough to cost nothing. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;

/** One module's reminders: makes today's notices (idempotent: a second run the same day makes none) and says how many. */
export type ReminderGenerator = (deps: AppDeps, now?: Date) => Promise<number>;

/**
 * Runs every module's reminder generator now and then every `intervalMs` until stopped, one after the other (one
 * failing does not keep the others from running). Runs never overlap, and stop() waits for the one under way so
 * the database can close after it. The server starts it in one process of several (db/leader.ts).
 */
export function startReminderTimer(
  deps: AppDeps,
  generators: readonly ReminderGenerator[],
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const runAll = async () => {
    for (const generate of generators) {
      if (stopped) return;
      await generate(deps).catch((err) => opts.onError?.(err));
    }
  };
  const run = () => {
    // A run still under way when the next tick comes is left to finish; the tick is skipped.
    if (running || stopped) return;
    running = runAll().finally(() => (running = null));
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
