/** Refusals of the public portal's side in the product: news items, publishing projects and parks. */
export const portalFieldErrors = {
  news_already_published: '该新闻已发布',
  news_not_published: '该新闻尚未发布',
  not_published: '该记录尚未公开',
  too_many_news_photos: '每条新闻最多 {max} 张图片',
  news_photo_type: '新闻图片只能是 JPG 或 PNG 图片',
};
