import { translate, type MessageKey } from '../../common/i18n/messages.ts';

export interface Bilingual {
  /** Chinese, then English: one string a log or a plain client can show as is. */
  message: string;
  zh: string;
  en: string;
}

export function bilingual(key: MessageKey | string, params: Record<string, string | number> = {}): Bilingual {
  const zh = translate('zh-CN', key, params);
  const en = translate('en', key, params);
  return { message: `${zh} / ${en}`, zh, en };
}

export interface ErrorDetail extends Bilingual {
  field: string;
  code: string;
}

export function fieldError(field: string, code: string, params: Record<string, string | number> = {}): ErrorDetail {
  return { field, code, ...bilingual(`errors.field.${code}`, params) };
}

/** An expected failure with its HTTP status; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly text: Bilingual;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: ErrorDetail[] = [],
    params: Record<string, string | number> = {},
  ) {
    const text = bilingual(`errors.${code}`, params);
    super(text.en);
    this.text = text;
  }
}

export const invalid = (...details: ErrorDetail[]) => new AppError(400, 'validation', details);
export const unauthenticated = (code: 'unauthenticated' | 'session_expired' = 'unauthenticated') =>
  new AppError(401, code);
export const forbidden = (details: ErrorDetail[] = []) => new AppError(403, 'forbidden', details);
export const notFound = () => new AppError(404, 'not_found');
export const conflict = () => new AppError(409, 'conflict');
