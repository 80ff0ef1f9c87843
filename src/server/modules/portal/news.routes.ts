import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  createNewsInput,
  newsDetail,
  newsListQuery,
  newsListResponse,
  updateNewsInput,
  versionInput,
} from '../../../common/api/portal.ts';
import { moduleRoutes } from '../../http/route.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import { publishedFigureRoutes } from '../../kernel/published-figures/published-figure-routes.ts';
import { deleteNewsPhoto, downloadNewsPhoto, uploadNewsPhoto } from './news-photos.service.ts';
import { presentNewsDetail, presentNewsSummary } from './news.presenter.ts';
import { createNews, newsDetail as loadNews, newsPage, setNewsPublished, updateNews } from './news.service.ts';

/** The offices' side of the portal: news items (draft → published) with their photos, and the press figures. */
export function registerNewsRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'portal');
  r.get(
    '/api/news',
    { access: 'news.read', query: newsListQuery, response: newsListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await newsPage(ctx, query);
      return { ...page, items: page.items.map(presentNewsSummary) };
    },
  );
  r.get('/api/news/:id', { access: 'news.read', params: idParams, response: newsDetail }, async ({ ctx, params }) =>
    presentNewsDetail(await loadNews(ctx, params.id)),
  );
  r.post(
    '/api/news',
    { access: 'news.manage', body: createNewsInput, response: newsDetail, status: 201 },
    async ({ ctx, body }) => presentNewsDetail(await loadNews(ctx, await createNews(ctx, body))),
  );
  r.patch(
    '/api/news/:id',
    { access: 'news.manage', params: idParams, body: updateNewsInput, response: newsDetail },
    async ({ ctx, params, body }) => {
      await updateNews(ctx, params.id, body);
      return presentNewsDetail(await loadNews(ctx, params.id));
    },
  );
  for (const [action, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    r.post(
      `/api/news/:id/${action}`,
      { access: 'news.manage', params: idParams, body: versionInput, response: newsDetail },
      async ({ ctx, params, body }) => {
        await setNewsPublished(ctx, params.id, body.version, publish);
        return presentNewsDetail(await loadNews(ctx, params.id));
      },
    );
  }
  attachmentRoutes(app, 'portal', (a) => {
    a.post(
      '/api/news/:id/photos',
      { access: 'news.manage', params: idParams, consumes: ['multipart/form-data'], response: newsDetail, status: 201 },
      async ({ ctx, params, req }) => {
        await uploadNewsPhoto(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return presentNewsDetail(await loadNews(ctx, params.id));
      },
    );
    a.get(
      '/api/news/:id/photos/:attachmentId',
      { access: 'news.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadNewsPhoto(ctx, params.id, params.attachmentId)),
    );
    a.delete(
      '/api/news/:id/photos/:attachmentId',
      { access: 'news.manage', params: attachmentParams, response: newsDetail },
      async ({ ctx, params }) => {
        await deleteNewsPhoto(ctx, params.id, params.attachmentId);
        return presentNewsDetail(await loadNews(ctx, params.id));
      },
    );
  });
  // Figures from the press and official reports about the pairing in general, shown on the portal with their source.
  publishedFigureRoutes(app, {
    topic: 'general',
    base: '/api/portal/figures',
    tag: 'portal',
    read: 'portal.figures',
    manage: 'portal.figures',
  });
}
