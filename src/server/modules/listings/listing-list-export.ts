import type { ListingListQuery, ListingSummary } from '../../../common/api/listings.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { allPages, auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import { listListingPage } from './listing-reading.service.ts';
import { presentListing } from './listings.presenter.ts';

/** The list's own columns; never a contact (hidden or not, a sheet travels further than the page). */
const columns = (t: ExportText): ListColumn<ListingSummary>[] => {
  const heading = (column: string) => t(`ui.listings.export.columns.${column}`);
  return [
    { header: heading('ref'), width: 12, value: (l) => l.ref },
    { header: heading('kind'), width: 8, value: (l) => t(`domain.listingKinds.${l.kind}`) },
    { header: heading('category'), width: 10, value: (l) => t(`domain.listingCategories.${l.category}`) },
    { header: heading('title'), width: 36, value: (l) => l.title },
    { header: heading('region'), width: 14, value: (l) => l.regionName },
    { header: heading('industry'), width: 10, value: (l) => l.industryDivision },
    { header: heading('tags'), width: 20, value: (l) => l.tags.join('、') },
    { header: heading('quantity'), width: 12, value: (l) => l.quantity },
    { header: heading('unit'), width: 8, value: (l) => l.unit },
    { header: heading('validUntil'), width: 12, value: (l) => l.validUntil },
    { header: heading('organisation'), width: 28, value: (l) => l.organisationName },
    { header: heading('pairing'), width: 18, value: (l) => l.pairingName },
    { header: heading('state'), width: 10, value: (l) => t(`domain.listingStates.${l.state}`) },
    { header: heading('createdAt'), width: 12, value: (l) => l.createdAt.slice(0, 10) },
    // Demo listings are marked 演示 here as on screen; synthetic ones (the bench's) as such.
    {
      header: heading('marked'),
      width: 8,
      value: (l) =>
        l.isDemo ? t('ui.listings.export.demo') : l.isSynthetic ? t('ui.listings.export.synthetic') : null,
    },
  ];
};

/** The listings as filtered on screen (the reader's scope and moderation view), on the shared list sheet; audited. */
export async function exportListingList(
  ctx: AuthedContext,
  filter: Omit<ListingListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { t } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const got = await listListingPage(ctx, { ...filter, page, pageSize });
    return { items: got.items.map((row) => presentListing(row, ctx.actor.organisationId, null)), total: got.total };
  });
  const file = await buildListWorkbook({
    name: t('ui.listings.export.sheet'),
    title: t('ui.listings.export.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(t),
    rows: items,
  });
  await auditExport(ctx, 'listing', filter, items.length);
  return { fileName: t('ui.listings.export.fileName', { date: chinaToday() }), file };
}
