import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../http/app-error.ts';

/**
 * The general limit on the API: requests per minute per signed-in user (the session is resolved by then), or per
 * address before sign-in; static files and pages are not counted. Over it, 429 with Retry-After and the usual
 * error body. Counted in each process's memory (with WORKERS > 1, each process counts its own share).
 * Sign-in has its own, stricter limits (modules/auth/sign-in-guard.ts and login-throttle).
 */
export async function registerApiRateLimit(app: FastifyInstance, perMinute: number) {
  if (!perMinute) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    cache: 20_000,
    allowList: (req) => !req.url.startsWith('/api/'),
    keyGenerator: (req) => (req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, context) =>
      new AppError(429, 'rate_limited', [], { seconds: Math.ceil(context.ttl / 1000) }),
  });
}
