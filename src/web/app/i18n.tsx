import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { MessageKey } from '../../common/i18n/messages.ts';
import { LOCALES, type Locale } from '../../common/i18n/text.ts';
import { type SideNames, sideParams, withSideNames } from '../../common/programme-sides.ts';
import { hasTexts, loadTexts, translate } from './texts.ts';

const STORAGE_KEY = 'duikou.locale';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The catalogue text for a key (src/common/i18n/*), with `{name}` placeholders filled in. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Picks the server's Chinese or English text for the current language. */
  pick: (text: Bilingual) => string;
  /**
   * Names the sides in every text after the programme being worked in (its own 东部/西部 …); null: the neutral
   * 甲方/乙方. Set by the programme switcher.
   */
  setSideNames: (sides: SideNames | null) => void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be unavailable (private mode); Chinese is the default.
  }
  return 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // Undefined while the texts of the language chosen last time are still loading.
  const [sideNames, setSideNames] = useState<SideNames | null>(null);
  const [locale, setLocaleState] = useState<Locale | undefined>(() => {
    const chosen = initialLocale();
    return hasTexts(chosen) ? chosen : undefined;
  });

  useEffect(() => {
    if (locale) return;
    const chosen = initialLocale();
    loadTexts(chosen).then(
      () => setLocaleState(chosen),
      () => setLocaleState('zh-CN'),
    );
  }, [locale]);

  useEffect(() => {
    if (!locale) return;
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    loadTexts(next).then(
      () => {
        setLocaleState(next);
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered, still switched.
        }
      },
      // The texts could not be fetched (offline): the interface stays in its language.
      () => undefined,
    );
  }, []);

  const value = useMemo<I18n | undefined>(
    () =>
      locale && {
        locale,
        setLocale,
        ...((sides) => ({
          t: (key: MessageKey, params?: Record<string, string | number>) =>
            translate(locale, key, { ...sides, ...params }),
          // Stored texts may name the sides too (the built-in cadre indicators): filled from the programme as well.
          pick: (text: Bilingual) => withSideNames(locale === 'en' ? text.en : text.zh, sides),
        }))(sideParams(sideNames, locale, (key, params) => translate(locale, key, params))),
        setSideNames,
      },
    [locale, setLocale, sideNames],
  );
  // Nothing until the chosen language's texts are there, rather than a moment of Chinese.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Sets the browser tab's title to the page's title and the product name, in the current language. */
export function usePageTitle(key: MessageKey, suffix?: string) {
  const { t } = useI18n();
  const title = [suffix, t(key), t('ui.app.name')].filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
