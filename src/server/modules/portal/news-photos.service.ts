import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import {
  type AttachmentRules,
  forgetAttachment,
  keepAttachment,
  readAttachment,
} from '../../kernel/attachments/attachments.service.ts';
import { findNews } from './news.repository.ts';

/** A news item shows a few photos; only pictures (JPEG, PNG), as the portal displays them in the page. */
const NEWS_PHOTOS: AttachmentRules = {
  owner: 'news_item',
  ownerField: 'newsId',
  max: 6,
  tooMany: 'too_many_news_photos',
};

export async function uploadNewsPhoto(ctx: AuthedContext, newsId: string, file: { buffer: Buffer; fileName: string }) {
  if (!(await findNews(ctx.db, ctx.actor, newsId))) throw notFound();
  return keepAttachment(ctx, NEWS_PHOTOS, file, async ({ tx }, kept) => {
    if (kept.kind !== 'jpg' && kept.kind !== 'png') throw invalid(fieldError('file', 'news_photo_type'));
    // The row lock keeps two uploads from both passing the count.
    const item = await findNews(tx, ctx.actor, newsId, { forUpdate: true });
    if (!item) throw notFound();
    return item.id;
  });
}

export async function downloadNewsPhoto(ctx: AuthedContext, newsId: string, photoId: string) {
  if (!(await findNews(ctx.db, ctx.actor, newsId))) throw notFound();
  return readAttachment(ctx, NEWS_PHOTOS, newsId, photoId);
}

export async function deleteNewsPhoto(ctx: AuthedContext, newsId: string, photoId: string) {
  await forgetAttachment(ctx, NEWS_PHOTOS, photoId, async ({ tx }) => {
    const item = await findNews(tx, ctx.actor, newsId);
    if (!item) throw notFound();
    return item;
  });
}
