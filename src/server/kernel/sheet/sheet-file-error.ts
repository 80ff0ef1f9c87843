export type SheetFileErrorCode =
  | 'empty'
  | 'too_large'
  | 'not_spreadsheet'
  | 'legacy_or_encrypted'
  | 'zip_bomb'
  | 'corrupt'
  | 'no_sheet'
  | 'missing_columns'
  | 'too_many_rows'
  | 'no_rows';

const MESSAGES: Record<SheetFileErrorCode, [zh: string, en: string]> = {
  empty: ['文件为空。', 'The file is empty.'],
  too_large: [
    '文件超过大小上限 {limit}，请拆分后分批导入。',
    'The file is larger than the {limit} limit; split it and import the parts.',
  ],
  not_spreadsheet: [
    '文件不是 Excel 工作簿（.xlsx），请下载导入模板填写后上传。',
    'The file is not an Excel workbook (.xlsx); fill in the import template and upload it.',
  ],
  legacy_or_encrypted: [
    '文件是 Excel 97-2003 格式（.xls）或设置了密码，请另存为无密码的 .xlsx 后上传。',
    'The file is in Excel 97-2003 format (.xls) or password-protected; save it as an .xlsx without a password.',
  ],
  zip_bomb: [
    '文件解压后的大小或压缩比异常，疑似压缩炸弹，已拒绝。',
    'The file expands to an abnormal size or ratio (suspected zip bomb) and was refused.',
  ],
  corrupt: ['文件已损坏，或内容与扩展名不符。', 'The file is damaged or its content does not match its extension.'],
  no_sheet: ['工作簿中没有工作表。', 'The workbook has no worksheet.'],
  missing_columns: [
    '工作表缺少必填列：{columns}。请使用导入模板。',
    'The sheet lacks required columns: {columnsEn}. Use the import template.',
  ],
  too_many_rows: [
    '数据行数超过上限 {limit} 行，请拆分后分批导入。',
    'The sheet has more than {limit} data rows; split it and import the parts.',
  ],
  no_rows: ['工作表中没有项目数据行。', 'The sheet has no project rows.'],
};

/** A file refused as a project sheet as a whole (before any row is looked at), in Chinese and English. */
export class SheetFileError extends Error {
  readonly code: SheetFileErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly detail?: string;

  constructor(code: SheetFileErrorCode, params: Record<string, string> = {}, detail?: string) {
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? '');
    const [zh, en] = MESSAGES[code];
    super(fill(en) + (detail ? ` (${detail})` : ''));
    this.name = 'SheetFileError';
    this.code = code;
    this.messageZh = fill(zh);
    this.messageEn = fill(en);
    this.detail = detail;
  }
}
