import { z } from 'zod';
import { attachment } from './attachments.ts';
import { isoDate, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';

/** A news item of a pairing for the public portal: written and published by the pairing's office. */
const newsFields = {
  title: text(200),
  /** The day the news is about. */
  newsDate: isoDate,
  body: text(20_000),
};

export const createNewsInput = z.strictObject({ pairingId: uuid, ...newsFields });
export type CreateNewsInput = z.infer<typeof createNewsInput>;

export const updateNewsInput = z.strictObject({
  version: z.number().int(),
  title: newsFields.title.optional(),
  newsDate: newsFields.newsDate.optional(),
  body: newsFields.body.optional(),
});
export type UpdateNewsInput = z.infer<typeof updateNewsInput>;

/** Publishing or unpublishing over the version the office read. */
export const versionInput = z.strictObject({ version: z.number().int() });

export const newsSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  title: z.string(),
  newsDate: isoDate,
  publishedAt: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type NewsSummary = z.infer<typeof newsSummary>;

export const newsDetail = newsSummary.extend({
  body: z.string(),
  photos: z.array(attachment),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type NewsDetail = z.infer<typeof newsDetail>;

export const newsListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  state: z.enum(['draft', 'published']).optional(),
  ...pageQuery,
});
export type NewsListQuery = z.infer<typeof newsListQuery>;
export type NewsListParams = QueryParams<typeof newsListQuery>;
export const newsListResponse = paged(newsSummary);
export type NewsListResponse = z.infer<typeof newsListResponse>;

/** A project or park shown on the portal: its public summary, written for the public. */
export const publishInput = z.strictObject({ version: z.number().int(), publicSummary: text(2000) });
export type PublishInput = z.infer<typeof publishInput>;
export const unpublishInput = versionInput;
