import type { EventListQuery, EventSummary } from '../../../common/api/events.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { allPages, auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import { presentEventSummary } from './events.presenter.ts';
import { listEventPage } from './events.service.ts';

const columns = (t: ExportText): ListColumn<EventSummary>[] => [
  { header: t('ui.events.eventTitle'), width: 36, value: (e) => e.title },
  { header: t('ui.events.kind'), width: 12, value: (e) => t(`domain.eventKinds.${e.kind}`) },
  {
    header: t('ui.events.dates'),
    width: 24,
    value: (e) => (e.startsOn === e.endsOn ? e.startsOn : t('ui.events.dateRange', { from: e.startsOn, to: e.endsOn })),
  },
  { header: t('ui.events.place'), width: 14, value: (e) => e.place },
  { header: t('ui.events.pairing'), width: 20, value: (e) => e.pairingName },
  { header: t('ui.events.enterpriseCount'), width: 10, value: (e) => e.enterpriseCount },
  { header: t('ui.events.agreementCount'), width: 10, value: (e) => e.agreementCount },
  {
    header: t('ui.output.inWan', { label: t('ui.events.agreedAmount') }),
    width: 16,
    money: true,
    // 万元 with six decimals: exact as an Excel double within 15 significant digits.
    value: (e) => Number(e.agreedAmount),
  },
  { header: t('ui.common.demo'), width: 9, value: (e) => (e.isDemo ? t('ui.output.yes') : null) },
];

/** 招商活动一览表: the events list as filtered on screen, with the agreements signed at each; audited. */
export async function exportEventList(
  ctx: AuthedContext,
  filter: Omit<EventListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { t } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const got = await listEventPage(ctx, { ...filter, page, pageSize });
    return { items: got.items.map(presentEventSummary), total: got.total };
  });
  const file = await buildListWorkbook({
    name: t('ui.output.events.sheet'),
    title: t('ui.output.events.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(t),
    rows: items,
  });
  await auditExport(ctx, 'event', filter, items.length);
  return { fileName: `${t('ui.output.events.file')}-${chinaToday()}.xlsx`, file };
}
