import ExcelJS from 'exceljs';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import type { PlanDetail, PlanSectionNode } from '../../../common/api/plans.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

export interface LedgerExtras {
  /** The full clause of each task, by task id. */
  texts: Map<string, string>;
  targets: Map<string, string[]>;
  progress: Map<string, string>;
}

/** The columns in order, by their heading key (ui.output.taskLedger.columns). */
const COLUMNS = ['no', 'task', 'lead', 'co', 'deadline', 'targets', 'progress', 'status'] as const;
const WIDTHS = [9, 62, 24, 24, 13, 20, 36, 10];
const LIGHT_FILL: Record<TaskSummary['light'], string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
  grey: 'FFE7E6E6',
};
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const joinNames = (units: TaskSummary['units'], role: 'lead' | 'co') =>
  units
    .filter((u) => u.role === role)
    .map((u) => u.name)
    .join('、');

/**
 * The 任务台账 as pairing offices keep it in Excel: a title, one header row, a row per section heading, and a row
 * per task with its units, deadline, targets, progress and status (coloured by its light).
 */
export async function buildLedger(
  plan: PlanDetail,
  extras: LedgerExtras,
  exportedOn: string,
  locale: Locale = 'zh-CN',
): Promise<Buffer> {
  const say = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `ui.output.taskLedger.${key}`, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  wb.created = new Date();
  const ws = wb.addWorksheet(say('sheet'), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));

  ws.mergeCells(1, 1, 1, 8);
  const title = ws.getCell(1, 1);
  title.value = safeCell(
    say('title', { plan: plan.title, version: plan.versionNo > 1 ? say('version', { n: plan.versionNo }) : '' }),
  );
  title.font = { name: '方正小标宋简体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, 8);
  const sub = ws.getCell(2, 1);
  sub.value = safeCell(
    `${plan.pairingName ? say('pairing', { name: plan.pairingName }) : ''}${say('exportedOn', { date: exportedOn })}`,
  );
  sub.alignment = { horizontal: 'right' };

  const header = ws.getRow(3);
  COLUMNS.forEach((key, i) => {
    const c = header.getCell(i + 1);
    c.value = say(`columns.${key}`);
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
  });

  const addSection = (s: PlanSectionNode) => {
    const row = ws.addRow([safeCell(`${s.no}${s.no && /^[一二三四五六七八九十]+$/.test(s.no) ? '、' : ''}${s.title}`)]);
    ws.mergeCells(row.number, 1, row.number, 8);
    row.getCell(1).font = { bold: true };
    row.getCell(1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: s.level <= 1 ? 'FFEDEDED' : 'FFF7F7F7' },
    };
    row.getCell(1).border = BORDER;
  };
  const addTask = (t: TaskSummary) => {
    const row = ws.addRow([
      safeCell(t.code),
      safeCell(extras.texts.get(t.id) ?? t.title),
      safeCell(joinNames(t.units, 'lead')),
      safeCell(joinNames(t.units, 'co')),
      t.deadline ?? '',
      safeCell((extras.targets.get(t.id) ?? []).join('\n')),
      safeCell(extras.progress.get(t.id) ?? ''),
      translate(locale, `domain.taskStatuses.${t.status}`),
    ]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: col === 1 || col === 5 || col === 8 ? 'center' : 'left',
      };
      c.border = BORDER;
    });
    row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[t.light] } };
  };
  const walk = (s: PlanSectionNode) => {
    if (!s.tasks.length && !s.children.some(hasTasks)) return;
    addSection(s);
    s.tasks.forEach(addTask);
    s.children.forEach(walk);
  };
  plan.sections.forEach(walk);
  plan.tasks.forEach(addTask);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function hasTasks(s: PlanSectionNode): boolean {
  return s.tasks.length > 0 || s.children.some(hasTasks);
}
