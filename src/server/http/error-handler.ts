import type { z } from 'zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, bilingual, type ErrorDetail } from './app-error.ts';
import { zodIssuesToDetails } from './zod-issues.ts';
import { auditStandalone } from '../kernel/audit/audit-writer.ts';

/** What is read and dropped of a refused body after the answer, before the connection is cut. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2000;

/**
 * A refusal before the body was read (no session, too large) must not end in reading the rest of it, as Node
 * does to keep the connection alive. Cutting the connection at once does not do either: closing a socket with
 * unread data resets it, and the reset can discard the answer on its way. So, as nginx's lingering close, a
 * little more is read and dropped while the answer reaches the client, and then the connection is cut.
 */
function stopReadingAfterAnswer(reply: FastifyReply) {
  const req = reply.request.raw;
  if (req.complete !== false) return;
  reply.raw.once('finish', () => {
    const socket = req.socket;
    const cut = () => socket.destroy();
    const timer = setTimeout(cut, LINGER_MS);
    // A body that ends within the allowance leaves the connection open for the client's next request.
    req.once('end', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    let dropped = 0;
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) cut();
    });
    req.resume();
  });
}

function send(reply: FastifyReply, err: AppError) {
  stopReadingAfterAnswer(reply);
  return reply.status(err.status).send({
    error: { code: err.code, message: err.text.message, zh: err.text.zh, en: err.text.en, details: err.details },
  });
}

function sendInternal(reply: FastifyReply) {
  const text = bilingual('errors.internal');
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: text.message, zh: text.zh, en: text.en, details: [] } });
}

/** PostgreSQL's unique violation, raised when two requests race past the service's own duplicate check. */
function isUniqueViolation(err: unknown): err is { code: string; constraint?: string } {
  const cause = (err as { cause?: unknown }).cause ?? err;
  return typeof cause === 'object' && cause !== null && (cause as { code?: string }).code === '23505';
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const details: ErrorDetail[] = zodIssuesToDetails(
      fe.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          }) as unknown as z.core.$ZodIssue,
      ),
    );
    return new AppError(400, 'validation', details);
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError))
    return new AppError(400, 'invalid_json');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError(400, 'invalid_json');
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError(413, 'payload_too_large');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError(415, 'validation');
  if (isUniqueViolation(err)) return new AppError(409, 'conflict');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError(fe.statusCode, 'validation');
  return null;
}

/**
 * Errors Fastify raises before a route is found (an address that is not valid UTF-8, a parameter over the length
 * limit) answer in the app's shape too; passed to Fastify as its `frameworkErrors` option.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return send(reply, new AppError(err.code === 'FST_ERR_BAD_URL' ? 400 : 414, 'invalid_url'));
  reply.log.error({ err }, 'framework error');
  return sendInternal(reply);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const appErr = toAppError(err);
    if (!appErr) {
      if (isResponseSerializationError(err)) req.log.error({ err }, 'response did not match its schema');
      else req.log.error({ err }, 'unhandled error');
      return sendInternal(reply);
    }
    if ((appErr.status === 403 || appErr.status === 404) && req.actor) {
      await auditStandalone(req.ctx, {
        action: 'request.denied',
        result: 'denied',
        details: { method: req.method, url: req.url.slice(0, 500), status: appErr.status, code: appErr.code },
      }).catch((auditErr) => req.log.error({ err: auditErr }, 'could not write the denial audit row'));
    }
    return send(reply, appErr);
  });
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/')) return send(reply, new AppError(404, 'route_not_found'));
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
  });
}
