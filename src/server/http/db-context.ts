import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersionOf } from '../db/data-version.ts';
import { parseLsn, routeStore, runInStore } from '../db/routing.ts';
import type { AppDeps } from './context.ts';

/** Holds the primary's WAL position after the user's last write, so their next reads wait for a replica that has it. */
export const READ_YOUR_WRITES_COOKIE = 'duikou_rw';
/** Far longer than any replica lag worth serving from; after it, the user reads from any replica again. */
const PIN_SECONDS = 60;

declare module 'fastify' {
  interface FastifyRequest {
    /** The data version's clock when the request began: whether the request wrote anything. */
    dbTicksAtStart?: number;
  }
}

/**
 * Opens each request's database store (src/server/db/routing.ts) before anything else reads: a request that may
 * change data reads from the primary; a read goes to a streaming replica, unless the user's own last write (the
 * `duikou_rw` cookie, a WAL position) is not yet replayed by one, so a user always sees their own change at once
 * while everyone else's reads go to the replicas. Every request's store also collects the tables it reads, for the
 * caches. Needs @fastify/cookie registered before it.
 */
export function registerDbContext(app: FastifyInstance, deps: AppDeps) {
  const version = dataVersionOf(deps.db);
  const replicas = version?.replicas ?? null;

  app.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const reads = req.method === 'GET' || req.method === 'HEAD';
    let minLsn = 0n;
    if (reads && replicas) {
      const pin = req.cookies?.[READ_YOUR_WRITES_COOKIE];
      if (pin && /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(pin)) minLsn = parseLsn(pin);
    }
    req.dbTicksAtStart = version?.ticks;
    const written = !reads && replicas ? { lsn: null, outsideTransaction: false } : undefined;
    runInStore({ primary: !reads, minLsn, reads: new Set(), written }, done);
  });

  if (!replicas) return;
  const primary = version!;
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') return payload;
    // Its transactions' commits brought their position back with them (routing.ts, COMMIT_AT); when it wrote outside
    // one, or when something may have been written some other way, where the primary's WAL stands now covers it.
    const written = routeStore()?.written;
    let lsn = written && !written.outsideTransaction ? written.lsn : null;
    if (!lsn) {
      if (req.dbTicksAtStart === primary.ticks) return payload;
      lsn = (await primaryQuery(deps, 'SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn ?? null;
    }
    if (lsn)
      reply.setCookie(READ_YOUR_WRITES_COOKIE, lsn, {
        path: '/api',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.session.cookieSecure,
        maxAge: PIN_SECONDS,
      });
    return payload;
  });
}

/** A statement on the primary, whatever the request's store says. */
async function primaryQuery(deps: AppDeps, text: string) {
  return runInStore({ primary: true, reads: null }, () =>
    (deps.db as unknown as { $client: { query: (t: string) => Promise<{ rows: { lsn: string }[] }> } }).$client.query(
      text,
    ),
  );
}
