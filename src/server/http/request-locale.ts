import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../common/i18n/messages.ts';

/**
 * The language a request's files (exports) are written in: the web app sends its interface language as
 * Accept-Language; anything not English reads as Chinese, the platform's first language.
 */
export function requestLocale(req: Pick<FastifyRequest, 'headers'>): Locale {
  const asked = req.headers['accept-language'];
  return typeof asked === 'string' && /^\s*en\b/i.test(asked) ? 'en' : 'zh-CN';
}
