import type { FastifyInstance, FastifyRequest } from 'fastify';
import { textFault } from '../../common/api/text-faults.ts';
import { fieldError, invalid, type ErrorDetail } from './app-error.ts';

/** Enough to show the caller what to fix without answering a body of thousands of errors. */
const MAX_DETAILS = 20;

/**
 * Every text in the value (strings and object keys, at any depth) checked against the shared text rule, each
 * fault named by its dotted field path as zod names fields. Walked with a stack, since a JSON body may nest
 * deeper than the call stack allows.
 */
export function textFaultDetails(value: unknown, out: ErrorDetail[] = []): ErrorDetail[] {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length && out.length < MAX_DETAILS) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const fault = textFault(node);
      if (fault) out.push(fieldError(path, fault));
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], path ? `${path}.${i}` : String(i)]);
    } else if (node && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const key of Object.keys(node).reverse()) {
        const field = path ? `${path}.${key}` : key;
        const fault = textFault(key);
        if (fault) out.push(fieldError(field, fault));
        else stack.push([(node as Record<string, unknown>)[key], field]);
      }
    }
  }
  return out;
}

const unknown = (fields: object) => Object.keys(fields).map((key) => fieldError(key, 'unknown_field', { key }));

/** Nothing to check: no value, or an object without keys (most routes' parameters, a GET's query without one). */
function isEmpty(part: unknown): boolean {
  if (part === undefined || part === null) return true;
  if (typeof part !== 'object') return false;
  for (const _ in part) return false;
  return true;
}

/**
 * A query or body sent to an API route that declares none: refused field by field, so nothing a client sends is
 * silently dropped. An upload route reads its multipart body itself (and says which file it wants when it gets
 * something else). Pages, maps and the API description take what browsers add, such as cache busters.
 */
function undeclaredInput(req: FastifyRequest): ErrorDetail[] {
  const url = req.routeOptions.url ?? '';
  if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return [];
  const schema = req.routeOptions.schema;
  const details = schema?.querystring ? [] : unknown(req.query as object);
  const body = req.body;
  if (schema?.body || schema?.consumes?.includes('multipart/form-data') || body === undefined || body === null)
    return details;
  if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) return [...details, ...unknown(body)];
  return body === '' ? details : [...details, fieldError('body', 'unknown_field', { key: 'body' })];
}

/**
 * Text that enters the system is valid: after the access check and before any schema, the address's parameters,
 * the query and the body of every route — declared through moduleRoutes or not, today's and tomorrow's — are
 * checked once, and a fault is a 400 naming the field, whatever the route's own schema says; so is a query or
 * body the route does not declare. Multipart file names and fields are checked where they are read (upload.ts).
 */
export function registerInputGuard(app: FastifyInstance) {
  // Not async: a hook run on every request costs less without a promise of its own.
  app.addHook('preValidation', (req, _reply, done) => {
    const details = undeclaredInput(req);
    const { params, query, body } = req;
    if (!isEmpty(params)) textFaultDetails(params, details);
    if (!isEmpty(query)) textFaultDetails(query, details);
    if (!isEmpty(body)) textFaultDetails(body, details);
    done(details.length ? invalid(...details.slice(0, MAX_DETAILS)) : undefined);
  });
}
