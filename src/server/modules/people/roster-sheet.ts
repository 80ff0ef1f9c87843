import ExcelJS from 'exceljs';
import {
  GENDERS,
  SECONDMENT_DIRECTIONS,
  SECONDMENT_RANKS,
  SECONDMENT_STATUSES,
  type SecondmentSummary,
} from '../../../common/api/people.ts';
import { errors as zhErrors } from '../../../common/i18n/zh-CN/errors.ts';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { type SideParams, sideParams } from '../../../common/programme-sides.ts';
import { columnLetter, type SheetColumn } from '../../kernel/sheet/sheet-column.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

const label = (group: string, v: string, locale: Locale = 'zh-CN', params: Partial<SideParams> = {}) =>
  translate(locale, `ui.people.${group}.${v}`, params);
const labels = (group: string, values: readonly string[], params: Partial<SideParams> = {}) =>
  values.map((v) => label(group, v, 'zh-CN', params)).join('、');
/** The neutral side texts (甲方/乙方), for the template, which serves every programme. */
const neutralSides = (locale: Locale) => sideParams(null, locale, (key, params) => translate(locale, key, params));

/**
 * The secondment roster (挂职干部花名册) as 组织部 keep it: one row per cadre. One list drives the template, the
 * reader (columns found by header, in any order) and the row validator.
 */
export const ROSTER_COLUMNS: readonly SheetColumn[] = [
  { key: 'seq', header: '序号', headerEn: 'No.', kind: 'text', width: 6, hint: '可不填，导入时忽略', example: '1' },
  {
    key: 'name',
    header: '姓名',
    headerEn: 'Name',
    kind: 'text',
    required: true,
    max: 50,
    width: 10,
    hint: '必填',
    example: '张三',
  },
  {
    key: 'gender',
    header: '性别',
    headerEn: 'Gender',
    kind: 'choice',
    required: true,
    width: 6,
    hint: '必填：男、女',
    example: '男',
  },
  {
    key: 'birthYear',
    header: '出生年份',
    headerEn: 'Year of birth',
    kind: 'text',
    width: 9,
    hint: '可不填，取身份证号中的年份；填写的须与之一致',
    example: '1980',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    headerEn: 'ID number',
    kind: 'text',
    required: true,
    width: 21,
    hint: '必填，18 位公民身份号码，校验位须正确（GB 11643）；加密保存',
    example: '11010519491231002X',
    aliases: ['公民身份号码', '身份证号码'],
  },
  {
    key: 'mobile',
    header: '手机号',
    headerEn: 'Mobile',
    kind: 'text',
    width: 14,
    hint: '可不填；11 位手机号，加密保存',
    example: '13800138000',
    aliases: ['手机', '联系电话'],
  },
  {
    key: 'direction',
    header: '方向',
    headerEn: 'Direction',
    kind: 'choice',
    required: true,
    width: 12,
    hint: `必填：派出一方→接收一方，用本对口合作双方的名称（如 东北地区→东部地区、东部→西部），或 ${labels('directions', SECONDMENT_DIRECTIONS, neutralSides('zh-CN'))}`,
    example: '东北地区→东部地区',
    aliases: ['挂职方向'],
  },
  {
    key: 'homeUnit',
    header: '派出单位',
    headerEn: 'Home unit',
    kind: 'text',
    required: true,
    max: 200,
    width: 24,
    hint: '必填',
    example: '吉林省发展和改革委员会',
  },
  {
    key: 'homePost',
    header: '原职务',
    headerEn: 'Home post',
    kind: 'text',
    required: true,
    max: 100,
    width: 14,
    hint: '必填',
    example: '处长',
    aliases: ['派出单位职务'],
  },
  {
    key: 'hostUnit',
    header: '挂职单位',
    headerEn: 'Host unit',
    kind: 'text',
    required: true,
    max: 200,
    width: 24,
    hint: '必填',
    example: '浙江省发展和改革委员会',
  },
  {
    key: 'hostPost',
    header: '挂职职务',
    headerEn: 'Host post',
    kind: 'text',
    required: true,
    max: 100,
    width: 14,
    hint: '必填',
    example: '副处长',
    aliases: ['挂职岗位'],
  },
  {
    key: 'rank',
    header: '职级',
    headerEn: 'Rank',
    kind: 'choice',
    required: true,
    width: 12,
    hint: `必填：${labels('ranks', SECONDMENT_RANKS)}`,
    example: '县处级',
  },
  {
    key: 'batch',
    header: '批次',
    headerEn: 'Batch',
    kind: 'text',
    required: true,
    max: 50,
    width: 12,
    hint: '必填，如“2024年第一批”',
    example: '2024年第一批',
  },
  {
    key: 'startsOn',
    header: '开始日期',
    headerEn: 'Start',
    kind: 'date',
    required: true,
    width: 12,
    hint: '必填，如 2024-03-01',
    example: '2024-03-01',
  },
  {
    key: 'endsOn',
    header: '结束日期',
    headerEn: 'End',
    kind: 'date',
    required: true,
    width: 12,
    hint: '必填，不早于开始日期',
    example: '2025-02-28',
  },
  {
    key: 'status',
    header: '状态',
    headerEn: 'Status',
    kind: 'choice',
    width: 8,
    hint: `可不填（拟派）：${labels('statuses', SECONDMENT_STATUSES)}`,
    example: '在岗',
  },
  {
    key: 'evaluation',
    header: '返回评价',
    headerEn: 'Evaluation',
    kind: 'text',
    max: 2000,
    width: 30,
    hint: '可不填；返回后的考核评价',
    example: '',
  },
];

/** Texts of the roster's own row codes (errors.rosterRows), Chinese and English. */
export const ROSTER_ROW_MESSAGES: Record<string, readonly [string, string]> = Object.fromEntries(
  Object.keys(zhErrors.rosterRows).map((code) => [
    code,
    [translate('zh-CN', `errors.rosterRows.${code}`), translate('en', `errors.rosterRows.${code}`)],
  ]),
);

/** A choice as a sheet may write it: the Chinese or English label, or the code; arrows and spaces loosely. */
function choiceMap<T extends string>(
  group: string,
  values: readonly T[],
  extra: [string, T][] = [],
  sides: { zh: Partial<SideParams>; en: Partial<SideParams> } = { zh: {}, en: {} },
): (text: string) => T | undefined {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s→\->到至]/g, '')
      .toLowerCase();
  const m = new Map<string, T>(extra.map(([k, v]) => [norm(k), v]));
  for (const v of values)
    for (const k of [v, label(group, v, 'zh-CN', sides.zh), label(group, v, 'en', sides.en)]) m.set(norm(k), v);
  return (text) => m.get(norm(text));
}

export const RANK_BY_LABEL = choiceMap('ranks', SECONDMENT_RANKS, [
  ['厅级', 'bureau'],
  ['处级', 'division'],
  ['科级', 'section'],
  ['专技', 'professional'],
]);
export const GENDER_BY_LABEL = choiceMap('genders', GENDERS);
/**
 * A direction as a roster of this programme writes it: its side names (东部→西部, Eastern side → Western side; the
 * pairing's programme's, in both languages), 甲方→乙方 when it has none, or the code. 22号's first wording
 * (东北→东部, 东北派往东部) stays readable, as rosters were written with it.
 */
export function directionByLabel(sides: { zh: SideParams; en: SideParams }) {
  const sent = (s: SideParams, from: 'sideAName' | 'sideBName', to: 'sideAName' | 'sideBName') =>
    `${s[from]}派往${s[to]}`;
  return choiceMap(
    'directions',
    SECONDMENT_DIRECTIONS,
    [
      ['东北→东部', 'ne_to_east'],
      ['东部→东北', 'east_to_ne'],
      ['东北派往东部', 'ne_to_east'],
      ['东部派往东北', 'east_to_ne'],
      [sent(sides.zh, 'sideAName', 'sideBName'), 'ne_to_east'],
      [sent(sides.zh, 'sideBName', 'sideAName'), 'east_to_ne'],
    ],
    sides,
  );
}
/** The direction labels an error names (东部→西部 / 西部→东部), in both languages. */
export const directionChoices = (sides: { zh: SideParams; en: SideParams }) => ({
  aToB: label('directions', 'ne_to_east', 'zh-CN', sides.zh),
  bToA: label('directions', 'east_to_ne', 'zh-CN', sides.zh),
  aToBEn: label('directions', 'ne_to_east', 'en', sides.en),
  bToAEn: label('directions', 'east_to_ne', 'en', sides.en),
});
export const STATUS_BY_LABEL = choiceMap('statuses', SECONDMENT_STATUSES, [
  ['已到岗', 'in_post'],
  ['期满返回', 'returned'],
]);

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };

/** The template: the header row, an example row in grey, and a sheet explaining each column. */
export async function buildRosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(translate('zh-CN', 'ui.people.sheet.rosterSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `${c.header}*` : c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  // Identity numbers are text: a number cell would lose the final X and the precision of 18 digits.
  ws.getColumn(ROSTER_COLUMNS.findIndex((c) => c.key === 'idNumber') + 1).numFmt = '@';
  ws.getColumn(ROSTER_COLUMNS.findIndex((c) => c.key === 'mobile') + 1).numFmt = '@';
  const help = wb.addWorksheet(translate('zh-CN', 'ui.people.sheet.help'));
  help.columns = [{ width: 8 }, { width: 16 }, { width: 60 }, { width: 24 }];
  help.addRow([
    translate('zh-CN', 'ui.people.sheet.helpColumn'),
    '',
    translate('zh-CN', 'ui.people.sheet.helpHint'),
    translate('zh-CN', 'ui.people.sheet.helpExample'),
  ]).font = { bold: true };
  ROSTER_COLUMNS.forEach((c, i) => help.addRow([columnLetter(i + 1), c.header, c.hint, c.example]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The named export: a title, the watermark line (who exported it, from which unit, when; that it holds personal
 * data), and one row per cadre with the numbers masked as on screen.
 */
export async function buildRosterExport(
  rows: readonly SecondmentSummary[],
  watermark: { name: string; organisation: string; at: string },
  sidesOf: (pairingId: string) => SideParams,
): Promise<Buffer> {
  const t = (key: string, params: Record<string, string> = {}) => translate('zh-CN', `ui.people.${key}`, params);
  const cols = ROSTER_COLUMNS.filter((c) => c.key !== 'seq');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('sheet.rosterSheet'), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&L${t('sheet.watermark', watermark).replace(/&/g, '&&')}` },
  });
  const width = cols.length + 2;
  ws.columns = [{ width: 6 }, { width: 18 }, ...cols.map((c) => ({ width: c.width }))];
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = t('sheet.rosterTitle');
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = safeCell(t('sheet.watermark', watermark));
  ws.getCell(2, 1).font = { color: { argb: 'FFC00000' } };
  const header = ws.getRow(3);
  [ROSTER_COLUMNS[0]!.header, t('fields.pairing'), ...cols.map((c) => c.header)].forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  rows.forEach((r, i) => {
    const values: Record<string, string | number> = {
      name: safeCell(r.name),
      gender: label('genders', r.gender),
      birthYear: r.birthYear,
      idNumber: r.idNumber,
      mobile: r.mobile ?? '',
      direction: label('directions', r.direction, 'zh-CN', sidesOf(r.pairingId)),
      homeUnit: safeCell(r.homeUnit),
      homePost: safeCell(r.homePost),
      hostUnit: safeCell(r.hostUnit),
      hostPost: safeCell(r.hostPost),
      rank: label('ranks', r.rank),
      batch: safeCell(r.batch),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: label('statuses', r.status),
      evaluation: '',
    };
    const row = ws.addRow([i + 1, safeCell(r.pairingName), ...cols.map((c) => values[c.key] ?? '')]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
