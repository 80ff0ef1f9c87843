import { describe, expect, it } from 'vitest';
import { translate } from './i18n/messages.ts';
import type { Locale } from './i18n/text.ts';
import { sideParams } from './programme-sides.ts';

const params = (sides: Parameters<typeof sideParams>[0], locale: Locale) =>
  sideParams(sides, locale, (key, p) => translate(locale, key, p));

describe('side texts from a programme', () => {
  const ne = { a: { zh: '东北地区', en: 'North-eastern side' }, b: { zh: '东部地区', en: 'Eastern side' } };
  const aid = { a: { zh: '支援方', en: 'Supporting side' }, b: { zh: '受援方', en: 'Supported side' } };

  it('labels a Chinese side name with 一方, and keeps one that already names a party', () => {
    expect(params(ne, 'zh-CN')).toEqual({
      sideA: '东北地区一方',
      sideB: '东部地区一方',
      sideAName: '东北地区',
      sideBName: '东部地区',
    });
    expect(params(aid, 'zh-CN')).toMatchObject({ sideA: '支援方', sideB: '受援方' });
  });

  it('uses the English names as given, and neutral texts for a programme without names', () => {
    expect(params(ne, 'en')).toMatchObject({ sideA: 'North-eastern side', sideB: 'Eastern side' });
    expect(params(null, 'zh-CN')).toMatchObject({ sideA: '甲方', sideB: '乙方' });
    expect(params(null, 'en')).toMatchObject({ sideA: 'Side A', sideB: 'Side B' });
  });

  it('fills every catalogue text that names a side', () => {
    const p = params({ a: { zh: '东部', en: 'Eastern side' }, b: { zh: '西部', en: 'Western side' } }, 'zh-CN');
    expect(translate('zh-CN', 'domain.sides.b', { ...p })).toBe('西部一方');
    expect(translate('zh-CN', 'ui.events.organisersA', { ...p })).toBe('主办单位（东部一方）');
    expect(translate('en', 'ui.pairings.sideB', { ...params(ne, 'en') })).toBe('Eastern side');
  });
});
