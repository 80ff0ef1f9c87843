import { en } from './en/index.ts';
import { zhCN } from './zh-CN/index.ts';
import { textOf, type Locale } from './text.ts';

export { LOCALES, type Locale } from './text.ts';

export const catalogues = { 'zh-CN': zhCN, en } as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<(typeof catalogues)['zh-CN']>;

export function translate(
  locale: Locale,
  key: MessageKey | string,
  params: Record<string, string | number> = {},
): string {
  return textOf(catalogues[locale], key, params);
}
