import type { errors } from '../../../common/i18n/zh-CN/errors.ts';
import { sheetText } from './sheet-text.ts';

export type SheetFileErrorCode = keyof typeof errors.sheetFile;

/** A file refused as a sheet as a whole (before any row is looked at), in Chinese and English (errors.sheetFile). */
export class SheetFileError extends Error {
  readonly code: SheetFileErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly detail?: string;

  constructor(code: SheetFileErrorCode, params: Record<string, string> = {}, detail?: string) {
    const [zh, en] = sheetText(`errors.sheetFile.${code}`, params)!;
    super(en + (detail ? ` (${detail})` : ''));
    this.name = 'SheetFileError';
    this.code = code;
    this.messageZh = zh;
    this.messageEn = en;
    this.detail = detail;
  }
}
