import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '../../common/access/permissions.ts';
import { AppError, unauthenticated } from './app-error.ts';
import { passesCsrf } from './csrf.ts';

/** Every API route declares who may call it; a route without a declaration cannot be registered. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** Its answers may be served from the response cache (http/response-cache.ts). */
  cacheable: boolean;
}

/**
 * Authentication, then CSRF, then the action's permission — all before the body is read, so an anonymous caller
 * learns nothing about the input format and cannot make the server read a large body before the 401 (the error
 * handler stops reading a body its refusal left unread). Row scope is the repositories' job.
 */
export function registerAccessControl(app: FastifyInstance, routes: RegisteredRoute[]) {
  app.addHook('onRoute', (opts) => {
    if (!opts.url.startsWith('/api/') || opts.url.startsWith('/api/docs')) return;
    const access = opts.config?.access;
    if (!access) throw new Error(`Route ${String(opts.method)} ${opts.url} declares no access rule`);
    const cacheable = !!opts.config?.cacheable;
    for (const method of [opts.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: opts.url, access, cacheable });
  });
  // Not async: run on every request, it costs less without a promise of its own.
  app.addHook('preParsing', (req, _reply, payload, done) => done(refusal(req), payload));
}

function refusal(req: FastifyRequest): AppError | null {
  const access = req.routeOptions.config?.access;
  if (!access) return null;
  if (access !== 'public' && !req.actor) return unauthenticated();
  if (!passesCsrf(req)) return new AppError(403, 'csrf');
  if (access !== 'public' && access !== 'authenticated' && !hasPermission(req.actor!.roles, access))
    return new AppError(403, 'forbidden');
  return null;
}
