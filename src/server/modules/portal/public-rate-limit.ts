import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { tooManyPage } from './public-pages.ts';
import { portalLocale, portalPage } from './public-shell.ts';

/**
 * Declares public pages (/public…) in a scope of their own with the portal's limit per address
 * (RATE_LIMIT_PUBLIC_PER_MINUTE): they are server-rendered, and the API's limit leaves them out. Past it, 429 with
 * Retry-After and a page, not the API's JSON error; other errors go on to the app's handler. Counted in each
 * process's memory, like the API's limit.
 */
export function publicPages(app: FastifyInstance, declare: (scope: FastifyInstance) => void) {
  app.register(async (scope) => {
    const perMinute = app.deps.config.security.publicPerMinute;
    if (perMinute) {
      await scope.register(rateLimit, {
        global: true,
        max: perMinute,
        timeWindow: 60_000,
        cache: 20_000,
        keyGenerator: (req) => `public:${req.ip}`,
        errorResponseBuilder: (_req, context) =>
          new AppError(429, 'rate_limited', [], { seconds: Math.ceil(context.ttl / 1000) }),
      });
      scope.setErrorHandler((err, req, reply) => {
        if (!(err instanceof AppError) || err.status !== 429) throw err;
        const { lang } = req.query as { lang?: string };
        const seconds = Number(reply.getHeader('retry-after')) || 60;
        const page = tooManyPage(portalLocale(lang), req.url.split('?')[0]!, seconds);
        return reply
          .status(429)
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .send(portalPage({ ...page, publicUrl: app.deps.config.publicUrl }));
      });
    }
    declare(scope);
  });
}
