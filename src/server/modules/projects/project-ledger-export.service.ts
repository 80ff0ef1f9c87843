import ExcelJS from 'exceljs';
import type { AuthedContext } from '../../http/context.ts';
import type { ProjectListQuery } from '../../../common/api/projects.ts';
import { percentage, toWan, wan } from '../../../common/money/money.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { ledgerRows } from './projects.repository.ts';
import { presentSummary } from './projects.presenter.ts';
import { safeCells } from '../../xlsx/safe-cell.ts';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { sideTextsByPairing } from '../programmes/programmes.service.ts';

/** An export past this many rows should be filtered first; the file says so in its title row. */
export const MAX_EXPORT_ROWS = 200_000;

/** The columns in order: their heading key (ui.output.projectLedger.columns) and width; money columns in 万元. */
const COLUMNS: { key: string; width: number; money?: true }[] = [
  { key: 'no', width: 6 },
  { key: 'pairing', width: 16 },
  { key: 'side', width: 8 },
  { key: 'title', width: 34 },
  { key: 'investor', width: 26 },
  { key: 'investorRegion', width: 12 },
  { key: 'hostRegion', width: 12 },
  { key: 'park', width: 20 },
  { key: 'industry', width: 20 },
  { key: 'type', width: 10 },
  { key: 'code', width: 26 },
  { key: 'stage', width: 8 },
  { key: 'signedOn', width: 11 },
  { key: 'startedOn', width: 11 },
  { key: 'producingOn', width: 11 },
  { key: 'signed', width: 14, money: true },
  { key: 'planned', width: 14, money: true },
  { key: 'arrived', width: 14, money: true },
  { key: 'completed', width: 14, money: true },
  { key: 'arrivalRate', width: 10 },
  { key: 'landmark', width: 8 },
  { key: 'demo', width: 8 },
];

/**
 * The project ledger (合作项目台账) as offices keep it: a title row with the date, one row per project, the four
 * money figures in their own columns, and a totals row (合计) that sums each figure on its own. Writes one audit
 * row, like every export.
 */
export async function exportProjectLedger(
  ctx: AuthedContext,
  filter: Partial<ProjectListQuery>,
  locale: Locale = 'zh-CN',
): Promise<{ fileName: string; buffer: Buffer }> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `ui.output.projectLedger.${key}`, params);
  const rows = (await ledgerRows(ctx.db, ctx.actor, filter, MAX_EXPORT_ROWS)).map(presentSummary);
  // Each project's side as its own programme names it (东北地区, 东部 …).
  const sides = await sideTextsByPairing(
    ctx.db,
    locale,
    rows.map((p) => p.pairingId),
  );
  const today = chinaToday();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('sheet'), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = t(rows.length === MAX_EXPORT_ROWS ? 'titleTruncated' : 'title', {
    date: today,
    count: rows.length,
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = COLUMNS.map((c) => t(`columns.${c.key}`));
  header.font = { bold: true };
  const totals = { signed: 0n, planned: 0n, arrived: 0n, completed: 0n };
  // Excel keeps numbers as doubles; amounts of 万元 with six decimals stay exact within 15 significant digits.
  const num = (s: string) => Number(s);
  rows.forEach((p, i) => {
    for (const k of ['signed', 'planned', 'arrived', 'completed'] as const) totals[k] += wan(p.figures[k]);
    // Titles, names and codes are as users typed them: never let one be read as a formula.
    ws.addRow(
      safeCells([
        i + 1,
        p.pairingName,
        p.side === 'a' ? sides(p.pairingId).sideAName : sides(p.pairingId).sideBName,
        p.title,
        p.investor,
        p.investorRegion?.name ?? '',
        p.hostRegion.name,
        p.park?.name ?? '',
        p.industryName ?? '',
        translate(locale, `domain.projectTypes.${p.type}`),
        p.projectCode ?? '',
        translate(locale, `domain.projectStages.${p.stage}`),
        p.signedOn ?? '',
        p.startedOn ?? '',
        p.producingOn ?? '',
        num(p.figures.signed),
        num(p.figures.planned),
        num(p.figures.arrived),
        num(p.figures.completed),
        percentage(wan(p.figures.arrived), wan(p.figures.signed)) ?? '',
        t(p.landmark ? 'yes' : 'no'),
        p.isDemo ? t('yes') : '',
      ]),
    );
  });
  const total = ws.addRow([
    t('total'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    num(toWan(totals.signed)),
    num(toWan(totals.planned)),
    num(toWan(totals.arrived)),
    num(toWan(totals.completed)),
    percentage(totals.arrived, totals.signed) ?? '',
  ]);
  total.font = { bold: true };
  COLUMNS.forEach((c, i) => c.money && (ws.getColumn(i + 1).numFmt = '#,##0.00####'));
  await auditStandalone(ctx, {
    action: 'project.export',
    result: 'success',
    objectType: 'project',
    details: { filter, rows: rows.length },
  });
  return { fileName: `${t('file', { date: today })}.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}
