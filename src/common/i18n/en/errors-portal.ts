import type { Shape } from '../shape.ts';
import type { portalFieldErrors as zh } from '../zh-CN/errors-portal.ts';

export const portalFieldErrors: Shape<typeof zh> = {
  news_already_published: 'This news item is published already',
  news_not_published: 'This news item is not published',
  not_published: 'This record is not public',
  too_many_news_photos: 'A news item has at most {max} photos',
  news_photo_type: 'News photos must be JPG or PNG pictures',
};
