import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersionOf } from '../db/data-version.ts';
import type { AppDeps } from './context.ts';
import { chinaToday } from '../modules/tasks/task-light.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer depends only on the data, the user and the address: it may be served again, as sent, until
     * anything is written (the data version moves). Only for reads that write nothing, not even an audit row.
     */
    cacheable?: boolean;
  }
  interface FastifyRequest {
    cacheKey?: string;
  }
}

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Dashboards and lists are asked for far more often than anything changes, by many officials at once. A cacheable
 * route's JSON is kept per user and address under the data version it was read at; access checks have run before
 * (this is a preHandler), so a hit is served only to a user who may ask.
 */
export function registerResponseCache(app: FastifyInstance, deps: AppDeps) {
  const version = dataVersionOf(deps.db);
  const cache = new Map<string, { version: number; body: string }>();

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config?.cacheable || req.method !== 'GET' || !req.actor) return;
    const v = version?.current;
    if (v === null || v === undefined) return;
    // Lights and deadlines are relative to today: a new day is a new answer.
    const key = `${chinaToday()}|${req.actor.userId}|${req.url}`;
    const hit = cache.get(key);
    if (hit && hit.version === v) {
      // Recently used entries move to the end, so the oldest are dropped first.
      cache.delete(key);
      cache.set(key, hit);
      return reply.header('x-cache', 'hit').type('application/json; charset=utf-8').send(hit.body);
    }
    req.cacheKey = `${v}|${key}`;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.cacheKey || reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > MAX_BYTES) return payload;
    const sep = req.cacheKey.indexOf('|');
    const readAt = Number(req.cacheKey.slice(0, sep));
    // Stored under the version read before the handler ran: a write meanwhile has moved past it.
    cache.set(req.cacheKey.slice(sep + 1), { version: readAt, body: payload });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return payload;
  });
}
