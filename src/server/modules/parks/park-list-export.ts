import type { ParkListQuery, ParkSummary } from '../../../common/api/parks.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { allPages, auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import { presentParkSummary } from './parks.presenter.ts';
import { parkPage } from './parks.service.ts';

const columns = (t: ExportText): ListColumn<ParkSummary>[] => [
  { header: t('ui.parks.name'), width: 30, value: (p) => p.name },
  { header: t('ui.parks.type'), width: 14, value: (p) => t(`domain.parkTypes.${p.type}`) },
  {
    header: t('ui.parks.branchCount'),
    width: 24,
    value: (p) => (p.mainPark ? t('ui.parks.branchOf', { name: p.mainPark.name }) : p.branchCount),
  },
  { header: t('ui.parks.pairing'), width: 20, value: (p) => p.pairingName },
  { header: t('ui.parks.hostRegion'), width: 16, value: (p) => p.hostRegion.name },
  { header: t('ui.parks.partnerRegion'), width: 16, value: (p) => p.partnerRegion?.name },
  { header: t('ui.parks.enterpriseCount'), width: 10, value: (p) => p.enterpriseCount },
  { header: t('ui.parks.area'), width: 11, value: (p) => (p.areaKm2 === null ? null : Number(p.areaKm2)) },
  { header: t('ui.common.demo'), width: 9, value: (p) => (p.isDemo ? t('ui.output.yes') : null) },
];

/** 合作园区一览表: the parks list as filtered on screen, one row each (a branch names its main park); audited. */
export async function exportParkList(
  ctx: AuthedContext,
  filter: Omit<ParkListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { t } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const got = await parkPage(ctx, { ...filter, page, pageSize });
    return { items: got.items.map(presentParkSummary), total: got.total };
  });
  const file = await buildListWorkbook({
    name: t('ui.output.parks.sheet'),
    title: t('ui.output.parks.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(t),
    rows: items,
  });
  await auditExport(ctx, 'park', filter, items.length);
  return { fileName: `${t('ui.output.parks.file')}-${chinaToday()}.xlsx`, file };
}
