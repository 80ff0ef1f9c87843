import { translate } from '../../../../common/i18n/messages.ts';

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

const key = (code: PlanFileErrorCode) => `errors.field.file_${code}`;

/** Every placeholder of the code's texts, one not given left empty (an unsupported type need not name itself). */
function allParams(code: PlanFileErrorCode, params: Record<string, string>): Record<string, string> {
  const names = [translate('zh-CN', key(code)), translate('en', key(code))].flatMap((t) =>
    [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  );
  return { ...Object.fromEntries(names.map((n) => [n, ''])), ...params };
}

/**
 * A file refused as a plan. The user is told the catalogue's `errors.field.file_<code>` text, the one the API
 * answers with (the CLI prints it too); the detail is for the log.
 */
export class PlanFileError extends Error {
  readonly params: Record<string, string>;

  constructor(
    readonly code: PlanFileErrorCode,
    params: Record<string, string> = {},
    readonly detail?: string,
  ) {
    const all = allParams(code, params);
    super(translate('en', key(code), all) + (detail ? ` (${detail})` : ''));
    this.name = 'PlanFileError';
    this.params = all;
  }

  get messageZh(): string {
    return translate('zh-CN', key(this.code), this.params);
  }

  get messageEn(): string {
    return translate('en', key(this.code), this.params);
  }
}

/** What an unsupported type is, in the words of each language's text (`hint` Chinese, `hintEn` English). */
export function typeHint(
  hint: 'zip_not_docx' | 'old_office' | 'extension',
  params: Record<string, string> = {},
): { hint: string; hintEn: string } {
  return {
    hint: translate('zh-CN', `errors.planFileHints.${hint}`, params),
    hintEn: translate('en', `errors.planFileHints.${hint}`, params),
  };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
