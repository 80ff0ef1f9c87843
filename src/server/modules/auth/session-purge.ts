import type { AppDeps } from '../../http/context.ts';
import { deleteExpiredSessions } from './session.repository.ts';
import { purgeThrottle } from './login-throttle.repository.ts';

export const PURGE_INTERVAL_MS = 10 * 60_000;
/** Sign-in records older than this, with no lock, say nothing any more (known addresses are kept this long). */
const THROTTLE_KEEP_MS = 90 * 24 * 3_600_000;

/**
 * Removes sessions that can no longer be used (idle past the timeout or past their absolute end) and sign-in records
 * that have expired, so the tables hold live state only (等保 剩余信息保护). Each step looks before it deletes, so a
 * run with nothing to do writes nothing and leaves the data version and the caches alone.
 */
export async function purgeExpired(deps: AppDeps, now = new Date()) {
  const sessions = await deleteExpiredSessions(deps.db, new Date(now.getTime() - deps.config.session.idleMs), now);
  const throttle = await purgeThrottle(
    deps.db,
    new Date(now.getTime() - deps.config.login.lockMs),
    new Date(now.getTime() - THROTTLE_KEEP_MS),
    now,
  );
  return { sessions, throttle };
}

/** Runs the purge at start and every ten minutes; a run under way is awaited on stop. */
export function startSessionPurge(deps: AppDeps, opts: { onError?: (err: unknown) => void } = {}) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = purgeExpired(deps)
      .catch((err) => opts.onError?.(err))
      .finally(() => (running = null));
  };
  const timer = setInterval(run, PURGE_INTERVAL_MS);
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
