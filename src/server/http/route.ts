import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RouteAccess } from './access-hook.ts';
import type { AuthedContext, RequestContext } from './context.ts';
import type { SharedAnswer } from './response-cache.ts';
import { scopeInProgramme } from '../kernel/pairing-scope.repository.ts';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route declares: who may call it, what it takes and what it answers. */
export interface RouteSpec<
  A extends RouteAccess,
  P extends Schema,
  Q extends Schema,
  B extends Schema,
  R extends Schema,
> {
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's schema; without one the handler answers through `reply` itself (a file, a redirect). */
  response?: R;
  /** The status of a successful answer (201 for a create, 202 for work that goes on after the answer). */
  status?: 200 | 201 | 202;
  /** Another status the handler may answer with, with the same schema (it sets it on `reply` itself). */
  otherStatus?: 200 | 201;
  /** Body media types besides JSON (an upload's multipart/form-data), for the API description. */
  consumes?: string[];
  /** A larger body than the server's limit, for a route that takes whole documents. */
  bodyLimit?: number;
  /**
   * The handler picks the programme itself from its `programmeId` (the dashboard, which also lists every programme
   * for the switcher): the scope is left whole instead of narrowed to it (see inChosenProgramme).
   */
  choosesProgramme?: true;
  /** A read whose answer may be kept until the data version moves (see response-cache.ts). */
  cacheable?: boolean;
  /** Readers alike share the kept answer (response-cache.ts, sharedAnswer); only with `cacheable`. */
  sharedAnswer?: SharedAnswer;
  summary?: string;
}

/** What a handler receives: the caller's context (signed in unless the route is public) and its parsed input. */
export interface RouteInput<A extends RouteAccess, P extends Schema, Q extends Schema, B extends Schema> {
  ctx: A extends 'public' ? RequestContext : AuthedContext;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  req: FastifyRequest;
  reply: FastifyReply;
}

type Answer<R extends Schema> = R extends z.ZodType ? z.input<R> : unknown;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type Declare = <
  A extends RouteAccess,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(
  url: string,
  spec: RouteSpec<A, P, Q, B, R>,
  handler: (input: RouteInput<A, P, Q, B>) => Promise<Answer<R>> | Answer<R>,
) => void;

export interface ModuleRoutes {
  get: Declare;
  post: Declare;
  patch: Declare;
  put: Declare;
  delete: Declare;
}

const definedParts = <T extends object>(parts: T): T =>
  Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as T;

/**
 * A route asked with `programmeId` in its query (a list, its export or statistics, for the programme chosen in the
 * web app) answers for that programme only: the actor's scope is narrowed to it before the handler runs, so every
 * repository applying the scope keeps to it, and a programme the actor does not work in shows nothing.
 */
function inChosenProgramme(ctx: RequestContext, query: unknown): RequestContext | Promise<RequestContext> {
  const programmeId = (query as { programmeId?: unknown } | null | undefined)?.programmeId;
  // Not async: nearly every request names no programme and takes its context as it is, without a promise.
  if (!ctx.actor || typeof programmeId !== 'string') return ctx;
  const actor = ctx.actor;
  return scopeInProgramme(ctx.db, actor.scope, programmeId).then((scope) => ({ ...ctx, actor: { ...actor, scope } }));
}

/**
 * Declares a module's routes with one shape: access, input and answer schemas, and a handler that gets an
 * authenticated context and parsed input without casts. The access hook has already refused callers without a
 * session or the permission by the time the handler runs, so `ctx.actor` is there for every non-public route.
 */
export function moduleRoutes(app: FastifyInstance, tag: string): ModuleRoutes {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const declare =
    (method: Method): Declare =>
    (url, spec, handler) => {
      typed.route({
        method,
        url,
        config: { access: spec.access, cacheable: spec.cacheable, sharedAnswer: spec.sharedAnswer },
        bodyLimit: spec.bodyLimit,
        // Only the parts the route declares: Fastify warns of a part given as undefined (FSTWRN001).
        schema: definedParts({
          tags: [tag],
          summary: spec.summary,
          params: spec.params,
          querystring: spec.query,
          body: spec.body,
          consumes: spec.consumes,
          response: spec.response
            ? Object.fromEntries(
                [spec.status ?? 200, ...(spec.otherStatus ? [spec.otherStatus] : [])].map((s) => [s, spec.response]),
              )
            : undefined,
        }),
        handler: async (req, reply) => {
          // The one place the parsed input meets its declared types: fastify-type-provider-zod has parsed each
          // part with the schema named in the spec, and the access hook has refused a missing session.
          const chosen = spec.choosesProgramme ? req.ctx : inChosenProgramme(req.ctx, req.query);
          const ctx = chosen instanceof Promise ? await chosen : chosen;
          const input = { ctx, params: req.params, query: req.query, body: req.body, req, reply } as never;
          // Set before the handler runs, so a handler answering its other status can set that on `reply`.
          if (spec.response && spec.status) reply.status(spec.status);
          return handler(input);
        },
      });
    };
  return {
    get: declare('GET'),
    post: declare('POST'),
    patch: declare('PATCH'),
    put: declare('PUT'),
    delete: declare('DELETE'),
  };
}
