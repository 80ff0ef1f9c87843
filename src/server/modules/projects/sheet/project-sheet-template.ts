import ExcelJS from 'exceljs';
import { columnLetter } from '../../../kernel/sheet/sheet-column.ts';
import { rangeValidations } from '../../../kernel/sheet/range-validations.ts';
import { PROJECT_SHEET_COLUMNS, STAGE_LABELS, TYPE_LABELS, FLAG_LABELS } from './project-sheet-columns.ts';

export const TEMPLATE_SHEET = '项目导入';
export const HELP_SHEET = '填写说明';
/** Drop-down lists and formats reach this far; rows below still import, without the drop-downs. */
const PREPARED_ROWS = 2000;

/**
 * The downloadable template (合作项目导入模板.xlsx): one header row with required columns marked *, drop-downs
 * for type, stage and yes/no, money and date formats, and a second sheet explaining each column with an
 * example. The example is on the help sheet, not in the data sheet, so a template filled in carelessly does not
 * import a sample project.
 */
export async function buildProjectTemplate(opts: { pairingName?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  wb.title = '合作项目导入模板';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = PROJECT_SHEET_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  PROJECT_SHEET_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.note = c.hint ? `${c.hint}\n${c.headerEn}` : c.headerEn;
  });

  const lists: Record<string, readonly string[]> = {
    type: Object.values(TYPE_LABELS),
    stage: Object.values(STAGE_LABELS),
    landmark: FLAG_LABELS,
    greenChannel: FLAG_LABELS,
  };
  PROJECT_SHEET_COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${PREPARED_ROWS + 1}`;
    const list = lists[c.key];
    if (list) {
      rangeValidations(ws).add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择：${list.join('、')}`,
      });
    }
    if (c.kind === 'money') ws.getColumn(i + 1).numFmt = '#,##0.00####';
    if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.kind === 'month' || c.key === 'projectCode' || c.key === 'contactPhone') ws.getColumn(i + 1).numFmt = '@';
  });

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列名', key: 'header', width: 24 },
    { header: 'Column', key: 'headerEn', width: 34 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'hint', width: 70 },
    { header: '示例', key: 'example', width: 32 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of PROJECT_SHEET_COLUMNS)
    help.addRow({
      header: c.header,
      headerEn: c.headerEn,
      required: c.required ? '是' : '否',
      hint: c.hint,
      example: c.example,
    });
  help.addRow({});
  const notes = [
    opts.pairingName ? `本模板用于“${opts.pairingName}”的合作项目导入。` : '导入时在系统中选择项目所属的对口合作关系。',
    '金额单位均为万元，可保留至 6 位小数（即精确到分）；签约额、计划总投资、到位资金、完成投资分别填写，不要相加。',
    '整个文件逐行校验：只要有一行有误，全部不导入，并列出每个有误的行和列。',
    '有项目代码的按项目代码识别，没有的按“项目名称＋投资方”识别：重复导入同一文件不会产生重复项目，表中有变化的项目将被更新。',
  ];
  for (const n of notes) help.addRow({ header: n });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
