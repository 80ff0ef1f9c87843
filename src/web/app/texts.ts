import type { MessageKey } from '../../common/i18n/messages.ts';
import { textOf, type Locale } from '../../common/i18n/text.ts';
import { domain } from '../../common/i18n/zh-CN/domain.ts';
import { webErrors, webFieldErrors } from '../../common/i18n/zh-CN/errors-web.ts';
import { ui } from '../../common/i18n/zh-CN/ui.ts';

/**
 * The Chinese catalogue as the web app has it: the interface's texts and the few errors it shows by itself, not
 * the server's error texts (those come with each answer, in both languages), which would weigh on the first screen.
 */
export const zhCN = { domain, ui, errors: { ...webErrors, field: webFieldErrors } };

// Chinese, the default, comes with the first screen; the English catalogue is fetched when English is chosen, so
// it does not weigh on the first-screen budget.
const loaded: { [L in Locale]?: object } = { 'zh-CN': zhCN };

export const hasTexts = (locale: Locale) => loaded[locale] !== undefined;

export async function loadTexts(locale: Locale): Promise<void> {
  if (!hasTexts(locale)) loaded.en = (await import('../../common/i18n/en/index.ts')).en;
}

/** A catalogue text; a language not loaded yet answers in Chinese (its texts load before it is shown). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return textOf(loaded[locale] ?? zhCN, key, params);
}
