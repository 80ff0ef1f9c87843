import { errors as zhErrors } from './zh-CN/errors.ts';
import { domain as zhDomain } from './zh-CN/domain.ts';
import { errors as enErrors } from './en/errors.ts';
import { domain as enDomain } from './en/domain.ts';
import { ui as zhUi } from './zh-CN/ui.ts';
import { ui as enUi } from './en/ui.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const catalogues = {
  'zh-CN': { errors: zhErrors, domain: zhDomain, ui: zhUi },
  en: { errors: enErrors, domain: enDomain, ui: enUi },
} as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<(typeof catalogues)['zh-CN']>;

export function translate(
  locale: Locale,
  key: MessageKey | string,
  params: Record<string, string | number> = {},
): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
