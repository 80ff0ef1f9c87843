import pg from 'pg';

/** How often a process that does not lead asks again (a leader that died hands over within this). */
const RETRY_MS = 5_000;

export interface Led {
  stop: () => Promise<void>;
}

/**
 * Runs `start` in exactly one of the app processes sharing a PostgreSQL database at any time: the one that holds
 * the session advisory lock `key` on a connection of its own. The lock goes with the connection, so when the
 * leading process dies (or its connection drops) another one takes over at its next try and starts the work
 * itself; until then nothing runs twice. Without a PostgreSQL URL (PGlite: one process by construction) the work
 * starts at once. Used for the reminder timer; each run is idempotent anyway (modules/reporting/reminders.ts).
 */
export function runWhileLeading(
  connectionString: string | undefined,
  key: number,
  start: () => Led,
  opts: { retryMs?: number; onChange?: (leading: boolean) => void } = {},
): Led & { leading: () => boolean } {
  if (!connectionString) {
    const led = start();
    return { stop: () => led.stop(), leading: () => true };
  }
  let stopped = false;
  let client: pg.Client | null = null;
  let led: Led | null = null;
  let timer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();

  const stepDown = async () => {
    const was = led;
    led = null;
    if (was) {
      opts.onChange?.(false);
      await was.stop();
    }
  };
  const tryLead = async () => {
    if (stopped || led) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString });
        c.on('error', () => undefined);
        c.on('end', () => {
          if (client === c) client = null;
          void stepDown();
        });
        await c.connect();
        client = c;
      }
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (rows[0]?.ok && !stopped) {
        led = start();
        opts.onChange?.(true);
      }
    } catch {
      // The database is unreachable: try again later.
    }
  };
  const loop = () => {
    if (stopped) return;
    attempt = tryLead().finally(() => {
      if (stopped) return;
      timer = setTimeout(loop, opts.retryMs ?? RETRY_MS);
      timer.unref();
    });
  };
  loop();
  return {
    leading: () => !!led,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await attempt;
      await stepDown();
      const c = client;
      client = null;
      // Ending the connection releases the lock for the next leader.
      await c?.end().catch(() => undefined);
    },
  };
}

/** Advisory lock keys of the work that runs in one process only. */
export const LEADER_KEYS = { reminders: 0x64_6b_72_6d, jobQueue: 0x64_6b_6a_71 } as const;
