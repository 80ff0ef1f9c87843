import type { NewsDetail, NewsSummary } from '../../../common/api/portal.ts';
import { dateString } from '../../kernel/dates.ts';
import type { AttachmentRow } from '../../kernel/attachments/attachments.repository.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import type { NewsListRow, NewsRow } from './news.repository.ts';

export function presentNewsSummary(r: NewsListRow): NewsSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    title: r.title,
    newsDate: dateString(r.newsDate)!,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    isDemo: r.isDemo,
    version: r.version,
  };
}

export function presentNewsDetail(d: { row: NewsRow; pairingName: string; photos: AttachmentRow[] }): NewsDetail {
  return {
    ...presentNewsSummary({ ...d.row, pairingName: d.pairingName }),
    body: d.row.body,
    photos: d.photos.map(presentAttachment),
    createdBy: d.row.createdByName,
    updatedAt: d.row.updatedAt.toISOString(),
  };
}
