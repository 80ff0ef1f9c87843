import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every state-changing request carries `X-CSRF-Token`: the session's token when signed in, any value before
 * (a custom header cannot be sent cross-site without a CORS preflight, which this server never grants).
 */
export function passesCsrf(req: FastifyRequest): boolean {
  if (SAFE.has(req.method)) return true;
  const header = req.headers['x-csrf-token'];
  const token = typeof header === 'string' ? header : '';
  return sameOrigin(req) && token.length > 0 && (!req.actor || equal(token, req.actor.csrfToken));
}
