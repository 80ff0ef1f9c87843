import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../../common/i18n/messages.ts';
import { AppError } from '../../http/app-error.ts';
import { moduleRoutes } from '../../http/route.ts';
import { CONTENT_TYPES } from '../../kernel/attachments/attachment-type.ts';
import { dateString } from '../../kernel/dates.ts';
import { escapeHtml } from './html.ts';
import { homePage, newsPage, notFoundPage, pairingPage, programmePage, projectPage } from './public-pages.ts';
import {
  portalHome,
  portalNewsItem,
  portalPairing,
  portalPhoto,
  portalProgramme,
  portalProject,
  portalSitemap,
} from './public-portal.service.ts';
import { publicPages } from './public-rate-limit.ts';
import { PORTAL_CSS_PATH, portalCss, portalLocale, portalPage, type PortalPage } from './public-shell.ts';

/** Only the language is read from a public page's address; anything else a link adds (utm_…) is ignored. */
const pageQuery = z.object({ lang: z.string().max(10).optional() });
/** Any text: an address that is no id answers the not-found page, as an unknown id does. */
const pageParams = z.strictObject({ id: z.string().max(100) });
const photoParams = z.strictObject({ id: z.string().max(100), photoId: z.string().max(100) });

/**
 * Pages may be kept by browsers and proxies but are checked at every visit (an office that publishes or takes back
 * an item sees the change at once); an unchanged page answers 304 by its ETag, a hash of the page sent.
 */
const PAGE_CACHE = 'public, no-cache';

async function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  locale: Locale,
  path: string,
  build: () => Promise<Omit<PortalPage, 'publicUrl'>>,
) {
  let status = 200;
  let page: Omit<PortalPage, 'publicUrl'>;
  try {
    page = await build();
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 404) throw err;
    status = 404;
    page = notFoundPage(locale, path);
  }
  const body = portalPage({ ...page, publicUrl });
  const etag = `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
  reply.type('text/html; charset=utf-8').header('Cache-Control', PAGE_CACHE).header('ETag', etag);
  if (status === 200 && req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(status).send(body);
}

/**
 * The public portal (/public…, no sign-in), its stylesheet, robots.txt and sitemap.xml, and the other modules'
 * public pages given (open data's), all under the portal's one limit.
 */
export function registerPublicPortalRoutes(app: FastifyInstance, ...otherPages: ((scope: FastifyInstance) => void)[]) {
  publicPages(app, (scope) => {
    declarePublicPortalRoutes(scope);
    for (const declare of otherPages) declare(scope);
  });
}

function declarePublicPortalRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'portal');
  const base = () => app.deps.config.publicUrl.replace(/\/$/, '');
  const path = (url: string) => url.split('?')[0]!;

  r.get('/public', { access: 'public', query: pageQuery }, async ({ ctx, query, req, reply }) => {
    const locale = portalLocale(query.lang);
    return sendPage(req, reply, base(), locale, path(req.url), async () => homePage(locale, await portalHome(ctx)));
  });
  r.get(
    '/public/programmes/:id',
    { access: 'public', params: pageParams, query: pageQuery },
    async ({ ctx, params, query, req, reply }) => {
      const locale = portalLocale(query.lang);
      return sendPage(req, reply, base(), locale, path(req.url), async () =>
        programmePage(locale, await portalProgramme(ctx, params.id)),
      );
    },
  );
  r.get(
    '/public/pairings/:id',
    { access: 'public', params: pageParams, query: pageQuery },
    async ({ ctx, params, query, req, reply }) => {
      const locale = portalLocale(query.lang);
      return sendPage(req, reply, base(), locale, path(req.url), async () =>
        pairingPage(locale, await portalPairing(ctx, params.id)),
      );
    },
  );
  r.get(
    '/public/news/:id',
    { access: 'public', params: pageParams, query: pageQuery },
    async ({ ctx, params, query, req, reply }) => {
      const locale = portalLocale(query.lang);
      return sendPage(req, reply, base(), locale, path(req.url), async () =>
        newsPage(locale, await portalNewsItem(ctx, params.id)),
      );
    },
  );
  r.get(
    '/public/projects/:id',
    { access: 'public', params: pageParams, query: pageQuery },
    async ({ ctx, params, query, req, reply }) => {
      const locale = portalLocale(query.lang);
      return sendPage(req, reply, base(), locale, path(req.url), async () =>
        projectPage(locale, await portalProject(ctx, params.id)),
      );
    },
  );
  r.get(
    '/public/news/:id/photos/:photoId',
    { access: 'public', params: photoParams },
    async ({ ctx, params, reply }) => {
      const photo = await portalPhoto(ctx, params.id, params.photoId);
      return reply.type(CONTENT_TYPES[photo.kind]).header('Cache-Control', 'public, max-age=3600').send(photo.buffer);
    },
  );
  // Any other address under /public is the portal's own not-found page, not the web app's.
  r.get('/public/*', { access: 'public', query: pageQuery }, async ({ query, req, reply }) => {
    const locale = portalLocale(query.lang);
    return sendPage(req, reply, base(), locale, path(req.url), async () => {
      throw new AppError(404, 'not_found');
    });
  });
  r.get(PORTAL_CSS_PATH, { access: 'public' }, async ({ reply }) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(portalCss),
  );
  r.get('/robots.txt', { access: 'public' }, async ({ reply }) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send(`User-agent: *\nAllow: /public\nDisallow: /\nSitemap: ${base()}/sitemap.xml\n`),
  );
  r.get('/sitemap.xml', { access: 'public' }, async ({ ctx, reply }) => {
    const entries = await portalSitemap(ctx);
    const url = (loc: string, lastmod?: Date) =>
      `<url><loc>${escapeHtml(base() + loc)}</loc>${lastmod ? `<lastmod>${dateString(lastmod)}</lastmod>` : ''}</url>`;
    const urls = [
      url('/public'),
      url('/public/data'),
      ...entries.programmes.map((p) => url(`/public/programmes/${p.id}`, p.updatedAt)),
      ...entries.pairings.map((p) => url(`/public/pairings/${p.id}`, p.updatedAt)),
      ...entries.news.map((n) => url(`/public/news/${n.id}`, n.updatedAt)),
      ...entries.projects.map((p) => url(`/public/projects/${p.id}`, p.updatedAt)),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
      );
  });
}
