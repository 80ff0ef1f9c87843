import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { type SideNames, sideParams } from '../../../common/programme-sides.ts';
import { repoPath } from '../../repo-path.ts';
import { rosterDirections } from './roster-import.ts';

/*
 * The exchange directions and the cadre measures keep 22号's codes (ne_to_east: side a sends) but are shown with the
 * programme's side names: 东部→西部 in the 东西部协作 example, 东北地区→东部地区 in 22号, in both languages.
 */
const fileSides = (path: string): SideNames =>
  JSON.parse(fs.readFileSync(repoPath(path), 'utf8')).programme.sides as SideNames;
const example = fileSides('resources/programmes/dongxi-xiezuo-2021.json');
const builtIn = fileSides('resources/seeds/manifest.json');
const params = (sides: SideNames, locale: Locale) => sideParams(sides, locale, (key, p) => translate(locale, key, p));
const shown = (sides: SideNames, locale: Locale, key: string) => translate(locale, key, { ...params(sides, locale) });

describe('texts naming the sides of an exchange', () => {
  it('name the example programme’s sides in Chinese and English, and 22号’s in its own', () => {
    expect(shown(example, 'zh-CN', 'ui.people.directions.ne_to_east')).toBe('东部→西部');
    expect(shown(example, 'zh-CN', 'ui.people.directions.east_to_ne')).toBe('西部→东部');
    expect(shown(example, 'en', 'ui.people.directions.ne_to_east')).toBe('Eastern side → Western side');
    expect(shown(example, 'en', 'ui.people.directions.east_to_ne')).toBe('Western side → Eastern side');
    expect(shown(example, 'zh-CN', 'ui.indicators.measures.cadres_ne_to_east')).toBe('东部赴西部挂职干部数');
    expect(shown(example, 'en', 'ui.indicators.measures.cadres_east_to_ne')).toBe(
      'Cadres seconded from Western side to Eastern side',
    );
    expect(shown(builtIn, 'zh-CN', 'ui.people.directions.ne_to_east')).toBe('东北地区→东部地区');
    expect(shown(builtIn, 'zh-CN', 'ui.indicators.measures.cadres_east_to_ne')).toBe('东部地区赴东北地区挂职干部数');
    for (const locale of ['zh-CN', 'en'] as const)
      for (const key of ['ui.people.directions.ne_to_east', 'ui.indicators.measures.cadres_ne_to_east'])
        expect(shown(example, locale, key)).not.toMatch(/[{}]|东北|north-east/i);
  });

  it('a roster reads the programme’s names (and 22号’s first wording), and its error names the programme’s', () => {
    const directions = rosterDirections({ zh: params(example, 'zh-CN'), en: params(example, 'en') });
    expect(directions.read('东部→西部')).toBe('ne_to_east');
    expect(directions.read('西部 → 东部')).toBe('east_to_ne');
    expect(directions.read('西部派往东部')).toBe('east_to_ne');
    expect(directions.read('Eastern side → Western side')).toBe('ne_to_east');
    expect(directions.read('ne_to_east')).toBe('ne_to_east');
    expect(directions.read('东北→东部')).toBe('ne_to_east');
    expect(directions.read('东部→中部')).toBeUndefined();
    expect(directions.choices).toEqual({
      aToB: '东部→西部',
      bToA: '西部→东部',
      aToBEn: 'Eastern side → Western side',
      bToAEn: 'Western side → Eastern side',
    });
    const ne = rosterDirections({ zh: params(builtIn, 'zh-CN'), en: params(builtIn, 'en') });
    expect(ne.read('东北地区→东部地区')).toBe('ne_to_east');
    expect(ne.read('东部→东北')).toBe('east_to_ne');
  });
});
