import type { ItemSummary } from '../../../common/api/tracking.ts';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';

const STATUS_FILL: Record<ItemSummary['status'], string> = {
  not_started: 'FFFFFFFF',
  in_progress: 'FFFFEB9C',
  closed: 'FFC6EFCE',
  overdue: 'FFFFC7CE',
};

const names = (i: ItemSummary, role: 'lead' | 'co') =>
  i.owners
    .filter((o) => o.role === role)
    .map((o) => o.name)
    .join('、');

/**
 * The 督办台账 as offices keep it: a title, who exported it and when, and a row per item with its owners, deadline
 * and status (coloured), most urgent first — the shared list sheet (xlsx/list-workbook.ts).
 */
export async function buildItemLedger(
  items: readonly ItemSummary[],
  exportedBy: string,
  exportedOn: string,
  locale: Locale = 'zh-CN',
): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `ui.tracking.${key}`, params);
  const column = (key: string, width: number, value: ListColumn<ItemSummary>['value']): ListColumn<ItemSummary> => ({
    header: t(`columns.${key}`),
    width,
    value,
  });
  return buildListWorkbook<ItemSummary>({
    name: t('ledgerSheet'),
    title: t('ledgerTitle'),
    subtitle: t('ledgerExported', { name: exportedBy, date: exportedOn }),
    columns: [
      column('seq', 7, (i) => i.seq),
      column('pairing', 20, (i) => i.pairingName),
      column('source', 24, (i) => i.sourceTitle ?? t(`sources.${i.source}`)),
      column('text', 60, (i) => i.text),
      column('lead', 22, (i) => names(i, 'lead')),
      column('co', 22, (i) => names(i, 'co')),
      column('deadline', 13, (i) => i.deadline),
      { ...column('status', 10, (i) => t(`statuses.${i.status}`)), fill: (i) => STATUS_FILL[i.status] },
      column('closedOn', 13, (i) => i.closedOn),
    ],
    rows: items,
  });
}
