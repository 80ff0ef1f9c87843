export type PlanFileErrorCode =
  | 'empty'
  | 'too_large'
  | 'image'
  | 'spreadsheet'
  | 'unsupported_type'
  | 'zip_bomb'
  | 'corrupt'
  | 'encrypted'
  | 'no_text';

const MESSAGES: Record<PlanFileErrorCode, [zh: string, en: string]> = {
  empty: ['文件为空，没有方案内容。', 'The file is empty.'],
  too_large: ['文件超过大小上限 {limit}，请压缩或拆分后再上传。', 'The file is larger than the {limit} limit.'],
  image: [
    '文件是图片，不是方案文档。请上传 .txt、.docx 或 .pdf 格式的方案。',
    'The file is an image, not a plan document. Upload the plan as .txt, .docx or .pdf.',
  ],
  spreadsheet: [
    '文件是电子表格，不是方案文档。请上传 .txt、.docx 或 .pdf 格式的方案。',
    'The file is a spreadsheet, not a plan document. Upload the plan as .txt, .docx or .pdf.',
  ],
  unsupported_type: [
    '不支持该文件格式{hint}。请上传 .txt、.docx 或 .pdf 格式的方案。',
    'This file type is not supported{hintEn}. Upload the plan as .txt, .docx or .pdf.',
  ],
  zip_bomb: [
    '文件解压后的大小或压缩比异常，疑似压缩炸弹，已拒绝。',
    'The file expands to an abnormal size or ratio (suspected zip bomb) and was refused.',
  ],
  corrupt: ['文件已损坏，或内容与扩展名不符。', 'The file is damaged or its content does not match its extension.'],
  encrypted: ['文件已加密，请去除密码后再上传。', 'The file is encrypted; remove the password and upload it again.'],
  no_text: [
    '文件中没有可提取的文字（可能是扫描件或图片版 PDF），请上传文字版方案。',
    'The file has no extractable text (perhaps a scan); upload a text version of the plan.',
  ],
};

/** A file refused as a plan, with a message for the user in Chinese and English. */
export class PlanFileError extends Error {
  readonly code: PlanFileErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly detail?: string;

  constructor(code: PlanFileErrorCode, params: Record<string, string> = {}, detail?: string) {
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? '');
    const [zh, en] = MESSAGES[code];
    super(fill(en) + (detail ? ` (${detail})` : ''));
    this.name = 'PlanFileError';
    this.code = code;
    this.messageZh = fill(zh);
    this.messageEn = fill(en);
    this.detail = detail;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
