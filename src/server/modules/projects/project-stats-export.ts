import type { ProjectStats, RateRow } from '../../../common/api/projects.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { auditExport, type ExportText, exportSubtitle, exportTexts } from '../../kernel/list-export.ts';
import { addListSheet, newWorkbook, workbookBuffer, type ListColumn } from '../../xlsx/list-workbook.ts';
import { projectFigures } from './projects.service.ts';

type StatsQuery = Parameters<typeof projectFigures>[1];
type StageRow = ProjectStats['byStage'][number];

/** Rates come as "12.34" (per cent) or null when there is nothing to divide by. */
const rate = (v: string | null) => (v === null ? null : Number(v) / 100);
const FIGURES = ['signed', 'planned', 'arrived', 'completed'] as const;

function rateColumns(t: ExportText, groupBy: StatsQuery['groupBy']): ListColumn<RateRow>[] {
  const percent = (key: 'arrivalRate' | 'startRate' | 'productionRate'): ListColumn<RateRow> => ({
    header: t(`ui.projects.rates.${key}`),
    width: 10,
    value: (r) => rate(r[key]),
  });
  return [
    { header: t(`ui.projects.groupBy.${groupBy}`), width: 28, value: (r) => r.label },
    { header: t('ui.projects.rates.projects'), width: 9, value: (r) => r.projects },
    { header: t('ui.projects.rates.signedProjects'), width: 9, value: (r) => r.signedProjects },
    { header: t('ui.projects.rates.startedProjects'), width: 9, value: (r) => r.startedProjects },
    { header: t('ui.projects.rates.producingProjects'), width: 9, value: (r) => r.producingProjects },
    { header: t('ui.projects.rates.signedAmount'), width: 16, money: true, value: (r) => Number(r.signedAmount) },
    { header: t('ui.projects.rates.arrivedFunds'), width: 16, money: true, value: (r) => Number(r.arrivedFunds) },
    percent('arrivalRate'),
    percent('startRate'),
    percent('productionRate'),
  ];
}

const stageColumns = (t: ExportText): ListColumn<StageRow>[] => [
  { header: t('ui.projects.filters.stage'), width: 12, value: (s) => t(`domain.projectStages.${s.stage}`) },
  { header: t('ui.projects.rates.projects'), width: 9, value: (s) => s.projects },
  ...FIGURES.map(
    (f): ListColumn<StageRow> => ({
      header: t('ui.output.inWan', { label: t(`ui.projects.figures.${f}`) }),
      width: 18,
      money: true,
      value: (s) => Number(s.figures[f]),
    }),
  ),
];

/**
 * 合作项目统计 as on the statistics page with its filters: the rates by the chosen grouping with the total row, and
 * projects and money by stage. Scoped like the page; audited.
 */
export async function exportProjectStats(
  ctx: AuthedContext,
  query: StatsQuery,
): Promise<{ fileName: string; file: Buffer }> {
  const { t } = exportTexts(ctx);
  const stats = await projectFigures(ctx, query);
  const wb = newWorkbook();
  const overall = stats.overall;
  const rates = addListSheet(wb, {
    name: t('ui.output.stats.sheet'),
    title: t('ui.output.stats.title', { group: t(`ui.projects.groupBy.${query.groupBy}`) }),
    subtitle: exportSubtitle(ctx, stats.groups.length),
    columns: rateColumns(t, query.groupBy),
    rows: stats.groups,
    totals: rateColumns(t, query.groupBy).map((c, i) => (i === 0 ? t('ui.projects.rates.overall') : c.value(overall))),
  });
  for (const col of [8, 9, 10]) rates.getColumn(col).numFmt = '0.00%';
  addListSheet(wb, {
    name: t('ui.output.stats.stagesSheet'),
    title: t('ui.output.stats.stagesTitle'),
    subtitle: exportSubtitle(ctx, stats.byStage.length),
    columns: stageColumns(t),
    rows: stats.byStage,
  });
  const file = await workbookBuffer(wb);
  await auditExport(ctx, 'project', { ...query, stats: true }, stats.groups.length);
  return { fileName: `${t('ui.output.stats.file')}-${chinaToday()}.xlsx`, file };
}
