import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersionOf } from '../db/data-version.ts';
import { routeStore } from '../db/routing.ts';
import type { AppDeps } from './context.ts';
import { chinaToday } from '../kernel/dates.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer depends only on the data, the user and the address: it may be served again, as sent, until a
     * table it read (or the user's session and scope read) is written. Only for reads that write nothing, not
     * even an audit row.
     */
    cacheable?: boolean;
  }
  interface FastifyRequest {
    /** A cacheable read that missed: where to keep its answer, and the data version it was read at. */
    cacheMiss?: { key: string; version: number; settle: (body: string | null) => void };
  }
}

/** What the cache may hold in all, and the largest answer it keeps (a 5,000-task plan tree is about 3 MB). */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Dashboards and lists are asked for far more often than anything changes, by many officials at once. A cacheable
 * route's JSON is kept per user and address under the data version it was read at; access checks have run before
 * (this is a preHandler), so a hit is served only to a user who may ask. Requests that miss together wait for the
 * first one's answer instead of each computing it.
 */
export function registerResponseCache(app: FastifyInstance, deps: AppDeps) {
  const version = dataVersionOf(deps.db);
  /** `tables`: what the answer was read from (the request's store); null: unknown, kept until anything changes. */
  const cache = new Map<string, { version: number; tables: Set<string> | null; body: string }>();
  const inflight = new Map<string, Promise<string | null>>();
  let totalBytes = 0;

  const store = (key: string, entry: { version: number; tables: Set<string> | null; body: string }) => {
    const old = cache.get(key);
    if (old) totalBytes -= old.body.length;
    cache.delete(key);
    cache.set(key, entry);
    totalBytes += entry.body.length;
    // Least recently used first: a hit moves its entry to the end.
    for (const [k, e] of cache) {
      if (totalBytes <= MAX_TOTAL_BYTES) break;
      cache.delete(k);
      totalBytes -= e.body.length;
    }
  };
  const send = (reply: FastifyReply, body: string) =>
    reply.header('x-cache', 'hit').type('application/json; charset=utf-8').send(body);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config?.cacheable || req.method !== 'GET' || !req.actor) return;
    const v = version?.current;
    if (v === null || v === undefined) return;
    // Lights and deadlines are relative to today: a new day is a new answer.
    const key = `${chinaToday()}|${req.actor.userId}|${req.url}`;
    const hit = cache.get(key);
    if (hit && version!.unchangedSince(hit.version, hit.tables)) {
      store(key, hit);
      return send(reply, hit.body);
    }
    const flightKey = `${v}|${key}`;
    const pending = inflight.get(flightKey);
    if (pending) {
      const body = await pending;
      if (body !== null) return send(reply, body);
      return;
    }
    let settle!: (body: string | null) => void;
    inflight.set(flightKey, new Promise<string | null>((resolve) => (settle = resolve)));
    req.cacheMiss = {
      key,
      version: v,
      settle: (body) => {
        inflight.delete(flightKey);
        req.cacheMiss = undefined;
        settle(body);
      },
    };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const miss = req.cacheMiss;
    if (!miss) return payload;
    const ok = reply.statusCode === 200 && typeof payload === 'string' && payload.length <= MAX_BYTES;
    // Stored under the version read before the handler ran, with the tables the request read (the session's
    // among them): a write to one of them, meanwhile or later, makes it stale.
    if (ok) store(miss.key, { version: miss.version, tables: routeStore()?.reads ?? null, body: payload as string });
    miss.settle(ok ? (payload as string) : null);
    return payload;
  });
  // An answer that never reached onSend (the client went away) must not keep others waiting.
  app.addHook('onResponse', async (req) => req.cacheMiss?.settle(null));
  app.addHook('onRequestAbort', async (req) => req.cacheMiss?.settle(null));
}
