import type { PracticeListQuery, PracticeSummary } from '../../../common/api/replication.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { allPages, auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import { sideTextsByPairing } from '../programmes/programmes.service.ts';
import { presentPracticeSummary } from './replication.presenter.ts';
import { practicePage } from './replication.service.ts';

const columns = (t: ExportText, sides: (pairingId: string) => SideParams): ListColumn<PracticeSummary>[] => {
  const heading = (column: string) => t(`ui.replication.export.columns.${column}`);
  return [
    { header: heading('pairing'), width: 20, value: (p) => p.pairingName },
    // Demo titles carry 【演示】 themselves.
    { header: heading('title'), width: 40, value: (p) => p.title },
    { header: heading('category'), width: 12, value: (p) => t(`domain.practiceCategories.${p.category}`) },
    {
      header: heading('sourceSide'),
      width: 14,
      value: (p) => t(`domain.sides.${p.sourceSide}`, { ...sides(p.pairingId) }),
    },
    { header: heading('sourceRegion'), width: 14, value: (p) => p.sourceRegionName },
    { header: heading('sourceDoc'), width: 36, value: (p) => p.sourceDocTitle },
    { header: heading('sourceDocDate'), width: 13, value: (p) => p.sourceDocDate },
    { header: heading('adoptions'), width: 10, value: (p) => p.adoptionCount },
    {
      header: heading('furthestStage'),
      width: 12,
      value: (p) => (p.furthestStage ? t(`domain.adoptionStages.${p.furthestStage}`) : null),
    },
    { header: heading('registeredOn'), width: 13, value: (p) => p.registeredOn },
  ];
};

/** The register of practices as filtered on screen, one row per practice, on the shared list sheet; audited. */
export async function exportPracticeList(
  ctx: AuthedContext,
  filter: Omit<PracticeListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { t, locale } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const got = await practicePage(ctx, { ...filter, page, pageSize });
    return { items: got.items.map(presentPracticeSummary), total: got.total };
  });
  const file = await buildListWorkbook({
    name: t('ui.replication.export.sheet'),
    title: t('ui.replication.export.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(
      t,
      await sideTextsByPairing(
        ctx.db,
        locale,
        items.map((p) => p.pairingId),
      ),
    ),
    rows: items,
  });
  await auditExport(ctx, 'replication_practice', filter, items.length);
  return { fileName: t('ui.replication.export.fileName', { date: chinaToday() }), file };
}
