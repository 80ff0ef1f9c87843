import type { PairingListQuery, PairingSummary } from '../../../common/api/pairings.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { allPages, auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import { sideTextsInView, withinProgramme } from '../programmes/programmes.service.ts';
import { presentPairingPage } from './pairings.presenter.ts';
import { pairingPage } from './pairings.service.ts';

const names = (regions: PairingSummary['sideA']) => regions.map((r) => r.name).join('、');

const columns = (t: ExportText, sides: SideParams): ListColumn<PairingSummary>[] => [
  { header: t('ui.pairings.name'), width: 28, value: (p) => p.name },
  { header: t('ui.pairings.sideA', { ...sides }), width: 22, value: (p) => names(p.sideA) },
  { header: t('ui.pairings.sideB', { ...sides }), width: 22, value: (p) => names(p.sideB) },
  { header: t('ui.pairings.level'), width: 8, value: (p) => t(`domain.pairingLevels.${p.level}`) },
  { header: t('ui.pairings.theme'), width: 30, value: (p) => p.theme },
  { header: t('ui.pairings.status'), width: 8, value: (p) => t(`domain.pairingStatuses.${p.status}`) },
  { header: t('ui.pairings.subPairCount'), width: 9, value: (p) => p.subPairCount },
  { header: t('ui.pairings.startedOn'), width: 12, value: (p) => p.startedOn },
];

/** 对口合作关系一览表: the pairings list as filtered on screen, in the same order, one row each; audited. */
export async function exportPairingList(
  ctx: AuthedContext,
  filter: Omit<PairingListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { t, locale } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) =>
    presentPairingPage(await pairingPage(ctx, { ...filter, page, pageSize })),
  );
  // The headings name the sides as the listed programme does (neutral when the list spans several).
  const sides = await sideTextsInView(
    filter.programmeId ? await withinProgramme(ctx, filter.programmeId) : ctx,
    locale,
  );
  const file = await buildListWorkbook({
    name: t('ui.output.pairings.sheet'),
    title: t('ui.output.pairings.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(t, sides),
    rows: items,
  });
  await auditExport(ctx, 'pairing', filter, items.length);
  return { fileName: `${t('ui.output.pairings.file')}-${chinaToday()}.xlsx`, file };
}
