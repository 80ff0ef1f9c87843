import fs from 'node:fs';
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppDeps } from './http/context.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { registerAccessControl, type RegisteredRoute } from './http/access-hook.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { responseSerializerCompiler } from './http/response-serializer.ts';
import { registerResponseCache } from './http/response-cache.ts';
import { registerCompression, webCacheHeaders } from './http/web-delivery.ts';
import { registerDbContext } from './http/db-context.ts';
import { registerSessionLoader } from './modules/auth/session-plugin.ts';
import { registerApiRateLimit } from './security/api-rate-limit.ts';
import { SetupToken } from './modules/auth/setup.service.ts';
import { registerModuleRoutes } from './routes.ts';
import { repoPath } from './repo-path.ts';
import { requestLocale } from './http/request-locale.ts';
import { lazyRequestLogger } from './http/request-logger.ts';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    registeredRoutes: RegisteredRoute[];
    setupToken: SetupToken;
  }
}

export interface BuildOptions {
  logger?: boolean | { level: string; stream?: { write: (line: string) => void } };
  /** Serve the built web app from dist/web when it exists. */
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    // Without a logger Fastify gives every request the no-op logger itself, which is cheaper still.
    ...(opts.logger ? { childLoggerFactory: lazyRequestLogger } : {}),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    ajv: undefined,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.decorate('deps', deps);
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.decorate('setupToken', new SetupToken());
  app.decorateRequest('ctx', null as never);

  await app.register(cookie);
  registerSecurityHeaders(app, { hsts: deps.config.session.cookieSecure });
  registerErrorHandling(app);
  registerDbContext(app, deps);
  registerSessionLoader(app, deps);
  await registerApiRateLimit(app, deps.config.security.apiPerMinute);
  app.addHook('onRequest', (req, _reply, done) => {
    req.ctx = { db: deps.db, actor: req.actor, requestId: req.id, ip: req.ip, deps, locale: requestLocale(req) };
    done();
  });
  registerAccessControl(app, app.registeredRoutes);
  registerInputGuard(app);
  registerResponseCache(app, deps);
  await registerCompression(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Duikou 对口 API',
        version: '0.1.0',
        description: '对口合作工作平台接口 / Paired-cooperation work platform API',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'duikou_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  await app.register(async (scope) => registerModuleRoutes(scope), {});

  await app.register(fastifyStatic, {
    root: repoPath('resources/maps'),
    prefix: '/maps/',
    decorateReply: false,
    maxAge: '1d',
  });
  const webRoot = repoPath('dist/web');
  if (opts.serveWeb !== false && fs.existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: webCacheHeaders,
      // Hashed files are never revalidated (immutable) and index.html is sent by the route below: no validators.
      etag: false,
      lastModified: false,
    });
    const indexHtml = fs.readFileSync(`${webRoot}/index.html`, 'utf8');
    // Every non-API path is a page of the single-page app.
    app.get('/*', { config: { access: 'public' } }, async (req, reply) => {
      // A missing hashed file is a 404, not the app's page (a browser would run HTML as a script).
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
    });
  }
  return app;
}
