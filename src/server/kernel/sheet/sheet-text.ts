import { translate } from '../../../common/i18n/messages.ts';

/**
 * A catalogue text in Chinese and English, or null when the catalogue has none. A placeholder without a value is
 * left empty rather than shown as `{name}`: a sheet report's texts are read by offices, not developers.
 */
export function sheetText(key: string, params: Record<string, string | number> = {}): [zh: string, en: string] | null {
  const zh = translate('zh-CN', key);
  if (zh === key) return null;
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
  return [fill(zh), fill(translate('en', key))];
}
