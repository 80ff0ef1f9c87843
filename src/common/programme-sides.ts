import type { Locale } from './i18n/text.ts';

export interface SideNames {
  a: { zh: string; en: string };
  b: { zh: string; en: string };
}

/** The placeholders every catalogue text naming a side uses ({sideA} 东北地区一方, {sideAName} 东北地区, …). */
export interface SideParams {
  sideA: string;
  sideB: string;
  sideAName: string;
  sideBName: string;
}

/**
 * The texts naming a programme's sides in one language. A Chinese name becomes a side's label with 一方
 * (东北地区 → 东北地区一方) unless it already names a party (支援方, 受援方); an English name is a label as given
 * (Eastern side). A programme without names (null) gets the catalogue's neutral 甲方/乙方.
 */
export function sideParams(
  sides: SideNames | null | undefined,
  locale: Locale,
  text: (
    key: 'domain.sideNeutral.a' | 'domain.sideNeutral.b' | 'domain.sideLabel',
    params?: { name: string },
  ) => string,
): SideParams {
  const name = (side: 'a' | 'b') =>
    sides ? (locale === 'en' ? sides[side].en : sides[side].zh) : text(`domain.sideNeutral.${side}`);
  const label = (side: 'a' | 'b') => {
    const n = name(side);
    if (!sides || locale === 'en' || n.endsWith('方')) return n;
    return text('domain.sideLabel', { name: n });
  };
  return { sideA: label('a'), sideB: label('b'), sideAName: name('a'), sideBName: name('b') };
}

/** The side names kept in a programme's row (null when the programme has none). */
export function sideNamesOf(row: {
  sideAZh: string | null;
  sideAEn: string | null;
  sideBZh: string | null;
  sideBEn: string | null;
}): SideNames | null {
  if (!row.sideAZh || !row.sideBZh) return null;
  return {
    a: { zh: row.sideAZh, en: row.sideAEn ?? row.sideAZh },
    b: { zh: row.sideBZh, en: row.sideBEn ?? row.sideBZh },
  };
}

/**
 * A stored text (a built-in indicator's name) with its side placeholders filled: {sideAName}赴{sideBName}挂职干部 is
 * 东部赴西部挂职干部 in the 东西部协作 programme. Other braces are left as they are.
 */
export function withSideNames(text: string, params: SideParams): string {
  return text.replace(/\{(sideA|sideB|sideAName|sideBName)\}/g, (_m, key: keyof SideParams) => params[key]);
}
