import ExcelJS from 'exceljs';
import type { AuthedContext } from '../../http/context.ts';
import { invalid, notFound, fieldError } from '../../http/app-error.ts';
import { writeAudit } from '../../kernel/audit/audit-writer.ts';
import type { StatementResponse } from '../../../common/api/parks.ts';
import { formatPercent } from '../../../common/money/share.ts';
import { parkLedgerEntries } from './parks.tables.ts';
import { and, eq } from 'drizzle-orm';
import { findPark, findAgreement } from './parks.repository.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';
import { computeStatement } from './sharing-statement.ts';
import { loadAgreement, loadEntry, yuanText } from './sharing-codec.ts';

export const ROUNDING_RULE =
  '每一税种或指标、每一分成期的合计数按比例一次分配：各方先取整到分，剩余的分按余数从大到小逐一分给各方，余数相同的按协议所列顺序；各方之和恒等于合计数。 / ' +
  "For each tax or statistic and each sharing term, the total is split once: each party's share rounded down to the fen, the fen left over going one by one to the largest remainders, ties to the party listed first; the parts always add up to the total.";

const FIGURE_NAMES: Record<string, string> = {
  vat: '增值税',
  corporate_income_tax: '企业所得税',
  personal_income_tax: '个人所得税',
  other_tax: '其他税费',
  gdp: '地区生产总值',
  output: '产值',
};

/** An as-of given as a day means the end of that day in China. */
function asOfInstant(asOf?: string): string {
  if (!asOf) return new Date().toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(`${asOf}T23:59:59.999+08:00`).toISOString();
  const d = new Date(asOf);
  if (Number.isNaN(d.getTime())) throw invalid(fieldError('asOf', 'invalid_date'));
  return d.toISOString();
}

export async function statementFor(
  ctx: AuthedContext,
  parkId: string,
  agreementId: string,
  year: number,
  asOf?: string,
): Promise<StatementResponse> {
  const park = await findPark(ctx.db, ctx.actor, parkId);
  if (!park) throw notFound();
  const row = await findAgreement(ctx.db, parkId, agreementId);
  if (!row) throw notFound();
  const agreement = loadAgreement(row);
  if (
    year < Number(agreement.startsOn.slice(0, 4)) ||
    (agreement.endsOn && year > Number(agreement.endsOn.slice(0, 4)))
  )
    throw invalid(fieldError('year', 'statement_year_range'));
  // A correction has its original's period, so one year's rows hold every chain the statement needs.
  const entries = (
    await ctx.db
      .select()
      .from(parkLedgerEntries)
      .where(and(eq(parkLedgerEntries.parkId, parkId), eq(parkLedgerEntries.periodYear, year)))
  ).map(loadEntry);
  const at = asOfInstant(asOf);
  const s = computeStatement(agreement, entries, year, at);
  return {
    agreementId,
    title: row.title,
    year,
    asOf: at,
    rounding: ROUNDING_RULE,
    parties: s.parties.map((p) => ({
      key: p.key,
      name: p.name,
      byFigure: Object.fromEntries(Object.entries(p.byFigure).map(([f, v]) => [f, yuanText(v)])),
      taxTotal: yuanText(p.taxTotal),
    })),
    figures: s.figures.map((f) => ({
      figure: f.figure,
      total: yuanText(f.total),
      shared: yuanText(f.shared),
      notShared: yuanText(f.notShared),
      unallocated: yuanText(f.unallocated),
      parts: f.parts.map(yuanText),
      groups: f.groups.map((g) => ({
        from: g.from,
        to: g.to,
        shares: g.shares.map(formatPercent),
        base: yuanText(g.base),
        parts: g.parts.map(yuanText),
        entryCount: g.entryCount,
      })),
    })),
    entryCount: s.entryCount,
    correctionCount: s.correctionCount,
  };
}

/** The statement as a printable sheet (A4 landscape): one row per figure, one column per party, totals; audited as an export. */
export async function statementWorkbook(
  ctx: AuthedContext,
  parkId: string,
  agreementId: string,
  year: number,
  asOf?: string,
) {
  const s = await statementFor(ctx, parkId, agreementId, year, asOf);
  const park = (await findPark(ctx.db, ctx.actor, parkId))!;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(`${year}年分成结算`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = 2 + s.parties.length + 3;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = safeCell(`${park.name} ${s.title} ${year}年度利益分成结算表`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value =
    `数据截至 ${s.asOf}；单位：元（精确到分）；台账记录 ${s.entryCount} 条，其中更正 ${s.correctionCount} 条`;
  ws.addRow([
    '指标',
    '合计',
    ...s.parties.map((p) => safeCell(p.name)),
    '参与分成',
    '不参与分成',
    '未分配（跨比例变更期）',
  ]).font = { bold: true };
  const n = (t: string) => Number(t); // 元 with two decimals: exact as a double well beyond any park's tax
  for (const f of s.figures)
    ws.addRow([
      FIGURE_NAMES[f.figure] ?? f.figure,
      n(f.total),
      ...f.parts.map(n),
      n(f.shared),
      n(f.notShared),
      n(f.unallocated),
    ]);
  ws.addRow(['税收合计', '', ...s.parties.map((p) => n(p.taxTotal))]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['分成期', '', ...s.parties.map((p) => safeCell(`${p.name}比例`))]).font = { bold: true };
  for (const f of s.figures)
    for (const g of f.groups)
      ws.addRow([
        `${FIGURE_NAMES[f.figure]} ${g.from}至${g.to ?? '协议期满'}`,
        n(g.base),
        ...g.shares.map((x) => `${x}%`),
      ]);
  ws.addRow([]);
  ws.mergeCells(ws.rowCount + 1, 1, ws.rowCount + 1, cols);
  ws.getCell(ws.rowCount, 1).value = `分配规则：${s.rounding.split(' / ')[0]}`;
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= cols; c++) {
    ws.getColumn(c).width = 18;
    ws.getColumn(c).numFmt = '#,##0.00';
  }
  await writeAudit(ctx.db, ctx, {
    action: 'park.statement.export',
    result: 'success',
    objectType: 'park',
    objectId: parkId,
    details: { agreementId, year, asOf: s.asOf },
  });
  return {
    fileName: `${park.name}-${year}年度分成结算.xlsx`,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    statement: s,
  };
}
