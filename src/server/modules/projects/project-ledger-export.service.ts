import ExcelJS from 'exceljs';
import type { AuthedContext } from '../../http/context.ts';
import type { ProjectListQuery } from '../../../common/api/projects.ts';
import { percentage, toWan, wan } from '../../../common/money/money.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { ledgerRows } from './projects.repository.ts';
import { presentSummary } from './projects.presenter.ts';
import { safeCells } from '../../xlsx/safe-cell.ts';
import { STAGE_NAMES } from './stage-machine.ts';
import { TYPE_LABELS } from './sheet/project-sheet-columns.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { sideTextsByPairing } from '../programmes/programmes.service.ts';

/** An export past this many rows should be filtered first; the file says so in its title row. */
export const MAX_EXPORT_ROWS = 200_000;

const COLUMNS: { header: string; width: number; money?: true }[] = [
  { header: '序号', width: 6 },
  { header: '对口合作关系', width: 16 },
  { header: '所属方', width: 8 },
  { header: '项目名称', width: 34 },
  { header: '投资方', width: 26 },
  { header: '投资方所在地', width: 12 },
  { header: '项目落地地区', width: 12 },
  { header: '所在园区', width: 20 },
  { header: '所属行业', width: 20 },
  { header: '项目类型', width: 10 },
  { header: '项目代码', width: 26 },
  { header: '项目阶段', width: 8 },
  { header: '签约日期', width: 11 },
  { header: '开工日期', width: 11 },
  { header: '投产日期', width: 11 },
  { header: '签约额（万元）', width: 14, money: true },
  { header: '计划总投资（万元）', width: 14, money: true },
  { header: '到位资金（万元）', width: 14, money: true },
  { header: '完成投资（万元）', width: 14, money: true },
  { header: '到位率（%）', width: 10 },
  { header: '标志性项目', width: 8 },
  { header: '演示数据', width: 8 },
];

/**
 * The project ledger (合作项目台账) as offices keep it: a title row with the date, one row per project, the four
 * money figures in their own columns, and a totals row (合计) that sums each figure on its own. Writes one audit
 * row, like every export.
 */
export async function exportProjectLedger(
  ctx: AuthedContext,
  filter: Partial<ProjectListQuery>,
): Promise<{ fileName: string; buffer: Buffer }> {
  const rows = (await ledgerRows(ctx.db, ctx.actor, filter, MAX_EXPORT_ROWS)).map(presentSummary);
  // Each project's side as its own programme names it (东北地区, 东部 …).
  const sides = await sideTextsByPairing(
    ctx.db,
    'zh-CN',
    rows.map((p) => p.pairingId),
  );
  const today = chinaToday();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet('合作项目台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value =
    `合作项目台账（截至 ${today}，共 ${rows.length} 个项目${rows.length === MAX_EXPORT_ROWS ? '，已达导出上限，请筛选后分批导出' : ''}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
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
        TYPE_LABELS[p.type],
        p.projectCode ?? '',
        STAGE_NAMES[p.stage][0],
        p.signedOn ?? '',
        p.startedOn ?? '',
        p.producingOn ?? '',
        num(p.figures.signed),
        num(p.figures.planned),
        num(p.figures.arrived),
        num(p.figures.completed),
        percentage(wan(p.figures.arrived), wan(p.figures.signed)) ?? '',
        p.landmark ? '是' : '否',
        p.isDemo ? '是' : '',
      ]),
    );
  });
  const total = ws.addRow([
    '合计',
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
  return { fileName: `合作项目台账-${today}.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}
