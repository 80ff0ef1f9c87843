import ExcelJS from 'exceljs';
import { SHARED_FIGURES, type SharedFigure } from '../../../common/api/parks.ts';
import { domain as zhDomain } from '../../../common/i18n/zh-CN/domain.ts';
import { domain as enDomain } from '../../../common/i18n/en/domain.ts';
import { errors as zhErrors } from '../../../common/i18n/zh-CN/errors.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { columnLetter, type SheetColumn } from '../../kernel/sheet/sheet-column.ts';
import { rangeValidations } from '../../kernel/sheet/range-validations.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

/**
 * The park ledger sheet (园区税收和产值台账导入表): one row per enterprise, figure and period, amounts in 元 exact to
 * the fen. One list drives the template, the reader and the row validator.
 */
export const LEDGER_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'seq', header: '序号', headerEn: 'No.', kind: 'text', width: 6, hint: '可不填，导入时忽略', example: '1' },
  {
    key: 'enterprise',
    header: '企业名称',
    headerEn: 'Enterprise',
    kind: 'choice',
    required: true,
    max: 200,
    width: 34,
    hint: '必填，须为本园区已登记的入驻企业（下拉选择）',
    example: '吉林某汽车电子有限公司',
    aliases: ['入驻企业', '企业'],
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    headerEn: 'Credit code',
    kind: 'text',
    max: 18,
    width: 22,
    hint: '可不填；填写的须与该企业登记的代码一致',
    example: '',
  },
  {
    key: 'figure',
    header: '指标',
    headerEn: 'Figure',
    kind: 'choice',
    required: true,
    width: 14,
    hint: `必填：${SHARED_FIGURES.map((f) => zhDomain.sharedFigures[f]).join('、')}`,
    example: '增值税',
    aliases: ['税种', '税种或指标'],
  },
  {
    key: 'year',
    header: '年度',
    headerEn: 'Year',
    kind: 'text',
    required: true,
    width: 8,
    hint: '必填，四位年份，如“2024”',
    example: '2024',
    aliases: ['年份'],
  },
  {
    key: 'month',
    header: '月份',
    headerEn: 'Month',
    kind: 'text',
    width: 8,
    hint: '1—12；全年数据留空（跨越分成比例变更的年度须按月填报）',
    example: '3',
    aliases: ['月'],
  },
  {
    key: 'amount',
    header: '金额（元）',
    headerEn: 'Amount (yuan)',
    kind: 'money',
    required: true,
    width: 18,
    hint: '必填，单位元，最多 2 位小数，不能为负数',
    example: '123456.78',
    aliases: ['金额', '金额(元)', '数额（元）'],
  },
];

/**
 * Texts of the ledger sheet's own row codes (errors.ledgerRows), placeholders left for the row error to fill;
 * the shared sheet texts serve the other codes.
 */
export const LEDGER_ROW_MESSAGES: Record<string, readonly [string, string]> = Object.fromEntries(
  Object.keys(zhErrors.ledgerRows).map((code) => [
    code,
    [translate('zh-CN', `errors.ledgerRows.${code}`), translate('en', `errors.ledgerRows.${code}`)],
  ]),
);

/** 增值税 / VAT / vat → vat. */
export const FIGURE_BY_LABEL = new Map<string, SharedFigure>(
  SHARED_FIGURES.flatMap(
    (f) =>
      [
        [zhDomain.sharedFigures[f], f],
        [enDomain.sharedFigures[f].toLowerCase(), f],
        [f, f],
      ] as [string, SharedFigure][],
  ),
);

export const LEDGER_TEMPLATE_SHEET = '园区台账导入';
const NAMES_SHEET = '入驻企业名单';
const PREPARED_ROWS = 2000;

/**
 * The template for one park: the header row (required columns marked *), drop-downs of the park's enterprises
 * (from a sheet listing them, so names with commas work) and of the figures, and a help sheet.
 */
export async function buildLedgerTemplate(park: {
  name: string;
  enterprises: { name: string; creditCode: string | null }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  wb.title = `${park.name}台账导入模板`;
  const ws = wb.addWorksheet(LEDGER_TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_SHEET_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  ws.getRow(1).font = { bold: true };
  LEDGER_SHEET_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.note = `${c.hint}\n${c.headerEn}`;
  });

  const names = wb.addWorksheet(NAMES_SHEET);
  names.columns = [
    { header: '企业名称', key: 'name', width: 40 },
    { header: '统一社会信用代码', key: 'code', width: 24 },
  ];
  for (const e of park.enterprises) names.addRow({ name: safeCell(e.name), code: e.creditCode ?? '' });
  const col = (key: string) => columnLetter(LEDGER_SHEET_COLUMNS.findIndex((c) => c.key === key) + 1);
  const rows = (key: string) => `${col(key)}2:${col(key)}${PREPARED_ROWS + 1}`;
  if (park.enterprises.length) {
    rangeValidations(ws).add(rows('enterprise'), {
      type: 'list',
      allowBlank: true,
      formulae: [`'${NAMES_SHEET}'!$A$2:$A$${park.enterprises.length + 1}`],
      showErrorMessage: true,
      errorTitle: '企业名称',
      error: '请从本园区入驻企业名单中选择',
    });
  }
  const figures = SHARED_FIGURES.map((f) => zhDomain.sharedFigures[f]);
  rangeValidations(ws).add(rows('figure'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${figures.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '指标',
    error: `请从下拉列表中选择：${figures.join('、')}`,
  });
  ws.getColumn(col('amount')).numFmt = '#,##0.00';

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: 'Column', key: 'headerEn', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'hint', width: 70 },
    { header: '示例', key: 'example', width: 26 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of LEDGER_SHEET_COLUMNS)
    help.addRow({
      header: c.header,
      headerEn: c.headerEn,
      required: c.required ? '是' : '否',
      hint: c.hint,
      example: c.example,
    });
  help.addRow({});
  for (const n of [
    `本模板用于“${park.name}”的税收和产值台账导入；企业须先在园区页面登记为入驻企业。`,
    '整个文件逐行校验：只要有一行有误，全部不导入，并列出每个有误的行和列。',
    '同一企业、指标和期间已有记录的：金额相同的视为已导入，不重复记录；金额不同的作为更正记录，原记录保留可查。',
  ])
    help.addRow({ header: safeCell(n) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
