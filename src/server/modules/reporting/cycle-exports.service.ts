import type { CycleListQuery, CycleSummary } from '../../../common/api/reporting.ts';
import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { chinaToday } from '../../kernel/dates.ts';
import {
  allPages,
  auditExport,
  type ExportText,
  exportedAt,
  exportSubtitle,
  exportTexts,
} from '../../kernel/list-export.ts';
import {
  addListSheet,
  buildListWorkbook,
  newWorkbook,
  workbookBuffer,
  type ListColumn,
} from '../../xlsx/list-workbook.ts';
import { findCycleDetail } from './cycles.repository.ts';
import { listCyclePage } from './cycles.service.ts';
import { presentCycle } from './reporting.presenter.ts';
import { slotsOfCycle, type SlotRow } from './reports.repository.ts';
import { SLOT_STATES } from '../../../common/api/enums.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import type { Locale } from '../../../common/i18n/messages.ts';
import { sideTextsInView } from '../programmes/programmes.service.ts';

/** A report's state as the period's page colours it. */
const STATE_FILL: Record<SlotRow['state'], string | undefined> = {
  pending: 'FFFFC7CE',
  draft: 'FFFFEB9C',
  submitted: 'FFDDEBF7',
  returned: 'FFFCE4D6',
  approved: 'FFC6EFCE',
};

/** A period's name in the export's language (2026年第四季度 / 2026 Q4). */
const periodName = (locale: Locale, c: Pick<CycleSummary, 'periodLabel' | 'periodLabelEn'>) =>
  locale === 'en' ? c.periodLabelEn : c.periodLabel;

const cycleColumns = (t: ExportText, locale: Locale): ListColumn<CycleSummary>[] => [
  { header: t('ui.reporting.periodLabel'), width: 16, value: (c) => periodName(locale, c) },
  { header: t('ui.reporting.frequency'), width: 9, value: (c) => t(`ui.reporting.frequencies.${c.frequency}`) },
  { header: t('ui.reporting.pairing'), width: 20, value: (c) => c.pairingName },
  {
    header: t('ui.events.dates'),
    width: 24,
    value: (c) => t('ui.reporting.periodRange', { start: c.periodStart, end: c.periodEnd }),
  },
  { header: t('ui.reporting.dueOn'), width: 12, value: (c) => c.dueOn },
  { header: t('ui.reporting.countTotal'), width: 8, value: (c) => c.counts.total },
  ...SLOT_STATES.map(
    (s): ListColumn<CycleSummary> => ({
      header: t(`ui.reporting.slotStates.${s}`),
      width: 10,
      value: (c) => c.counts[s],
    }),
  ),
  {
    header: t('ui.reporting.status'),
    width: 12,
    value: (c) =>
      c.status === 'open' && c.daysOverdue > 0
        ? t('ui.output.cycles.overdueStatus', {
            status: t('ui.reporting.cycleStatuses.open'),
            overdue: t('ui.reporting.daysOverdue', { days: c.daysOverdue }),
          })
        : t(`ui.reporting.cycleStatuses.${c.status}`),
  },
];

/** 进展调度填报期一览表: the periods as filtered on screen, with how many reports are in each state; audited. */
export async function exportCycleList(
  ctx: AuthedContext,
  filter: Omit<CycleListQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; file: Buffer }> {
  const { locale, t } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const { today, ...got } = await listCyclePage(ctx, { ...filter, page, pageSize });
    return { items: got.items.map((c) => presentCycle(c, today)), total: got.total };
  });
  const file = await buildListWorkbook({
    name: t('ui.output.cycles.sheet'),
    title: t('ui.output.cycles.title'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: cycleColumns(t, locale),
    rows: items,
  });
  await auditExport(ctx, 'cycle', filter, items.length);
  return { fileName: `${t('ui.output.cycles.file')}-${chinaToday()}.xlsx`, file };
}

type UnitCounts = { unitName: string; side: SlotRow['side']; total: number } & Record<SlotRow['state'], number>;

/** The period's reports counted by unit and state, units in the order the period lists them. */
export function countsByUnit(slots: readonly SlotRow[]): UnitCounts[] {
  const units = new Map<string, UnitCounts>();
  for (const s of slots) {
    const key = `${s.side}\u0000${s.unitName}`;
    let u = units.get(key);
    if (!u) {
      u = {
        unitName: s.unitName,
        side: s.side,
        total: 0,
        pending: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
      };
      units.set(key, u);
    }
    u.total += 1;
    u[s.state] += 1;
  }
  return [...units.values()];
}

const unitColumns = (t: ExportText, sides: SideParams): ListColumn<UnitCounts>[] => [
  { header: t('ui.reporting.unit'), width: 30, value: (u) => u.unitName },
  { header: t('ui.pairings.side'), width: 14, value: (u) => t(`domain.sides.${u.side}`, { ...sides }) },
  { header: t('ui.reporting.countTotal'), width: 8, value: (u) => u.total },
  ...SLOT_STATES.map(
    (s): ListColumn<UnitCounts> => ({
      header: t(`ui.reporting.slotStates.${s}`),
      width: 11,
      value: (u) => u[s],
      fill: (u) => (u[s] > 0 && (s === 'pending' || s === 'returned') ? STATE_FILL[s] : undefined),
    }),
  ),
];

const at = (d: Date | null) => (d ? exportedAt(d) : null);

const reportColumns = (t: ExportText, sides: SideParams): ListColumn<SlotRow>[] => [
  { header: t('ui.reporting.unit'), width: 26, value: (s) => s.unitName },
  { header: t('ui.pairings.side'), width: 13, value: (s) => t(`domain.sides.${s.side}`, { ...sides }) },
  { header: t('ui.output.periodSummary.role'), width: 10, value: (s) => t(`domain.unitRoles.${s.role}`) },
  { header: t('ui.output.periodSummary.taskCode'), width: 9, value: (s) => s.taskCode },
  { header: t('ui.output.periodSummary.taskTitle'), width: 36, value: (s) => s.taskTitle },
  {
    header: t('ui.reporting.state'),
    width: 13,
    value: (s) => t(`ui.reporting.slotStates.${s.state}`),
    fill: (s) => STATE_FILL[s.state],
  },
  {
    header: t('ui.reporting.taskStatus'),
    width: 9,
    value: (s) => (s.taskStatus ? t(`domain.taskStatuses.${s.taskStatus}`) : null),
  },
  { header: t('ui.reporting.percent'), width: 9, value: (s) => (s.percent === null ? null : `${s.percent}%`) },
  { header: t('ui.reporting.narrative'), width: 60, value: (s) => s.narrative },
  { header: t('ui.reporting.submittedAt'), width: 17, value: (s) => at(s.submittedAt) },
  { header: t('ui.output.periodSummary.reviewedAt'), width: 17, value: (s) => at(s.reviewedAt) },
  { header: t('ui.output.periodSummary.reviewComment'), width: 30, value: (s) => s.reviewComment },
];

/**
 * The 汇总 of one period: a sheet counting each unit's reports by state, and a sheet with every report of the
 * period — by unit, then task — with its state, the task's status and progress as reported, and the review.
 * A unit sees its own reports only, as on the period's page; another region's period answers 404. Audited.
 */
export async function exportPeriodSummary(ctx: AuthedContext, id: string): Promise<{ fileName: string; file: Buffer }> {
  const found = await findCycleDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const { locale, t } = exportTexts(ctx);
  const cycle = presentCycle(found.cycle, chinaToday());
  const slots = await slotsOfCycle(ctx.db, ctx.actor, id);
  const sides = await sideTextsInView(ctx, locale, found.cycle.pairingId);
  const names = { pairing: cycle.pairingName, period: periodName(locale, cycle) };
  const wb = newWorkbook();
  const units = countsByUnit(slots);
  addListSheet(wb, {
    name: t('ui.output.periodSummary.unitsSheet'),
    title: t('ui.output.periodSummary.unitsTitle', names),
    subtitle: exportSubtitle(ctx, units.length),
    columns: unitColumns(t, sides),
    rows: units,
    totals: [
      t('ui.projects.rates.overall'),
      '',
      slots.length,
      ...SLOT_STATES.map((s) => units.reduce((n, u) => n + u[s], 0)),
    ],
  });
  addListSheet(wb, {
    name: t('ui.output.periodSummary.reportsSheet'),
    title: t('ui.output.periodSummary.title', names),
    subtitle: exportSubtitle(ctx, slots.length),
    columns: reportColumns(t, sides),
    rows: slots,
  });
  const file = await workbookBuffer(wb);
  await auditExport(ctx, 'cycle', { summary: true }, slots.length, id);
  return { fileName: `${t('ui.output.periodSummary.file', names)}-${chinaToday()}.xlsx`, file };
}
