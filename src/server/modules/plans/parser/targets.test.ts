import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-numerals.ts';
import { RegionMatcher } from './region-mentions.ts';
import { extractTargets } from './targets.ts';
import { regions } from './test-support/seeds.ts';

const one = (text: string) => {
  const t = extractTargets(text);
  expect(t, text).toHaveLength(1);
  return t[0];
};

describe('Chinese numerals', () => {
  it.each([
    ['千', 1000],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['两千三百', 2300],
    ['三万', 30000],
    ['一亿二千万', 120000000],
  ])('%s → %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it.each(['十三五', '五位', '三五', '百千', ''])('%s is not a number', (s) =>
    expect(parseChineseNumber(s)).toBeNull(),
  );
});

describe('targets', () => {
  it('reads ranges, comparisons, units and periods', () => {
    expect(one('选择10—20户国有企业吸引浙江省有实力的企业')).toEqual({
      min: 10,
      max: 20,
      unit: '户',
      perYear: false,
      comparison: 'range',
      source: '10—20户',
    });
    expect(one('每年举办若干培训班次，培训千人以上。')).toEqual({
      min: 1000,
      max: null,
      unit: '人',
      perYear: true,
      comparison: 'atLeast',
      source: '千人以上',
    });
    expect(one('协调不少于50家企业参与')).toMatchObject({
      min: 50,
      max: null,
      unit: '家',
      comparison: 'atLeast',
      perYear: false,
    });
    expect(one('每年选择1—2个重点产业')).toMatchObject({
      min: 1,
      max: 2,
      unit: '个',
      comparison: 'range',
      perYear: true,
    });
    expect(one('引进项目投资不超过5亿元')).toMatchObject({ min: null, max: 5, unit: '亿元', comparison: 'atMost' });
    expect(one('新建3个产业园区')).toMatchObject({ min: 3, max: 3, unit: '个', comparison: 'exactly' });
    expect(one('互派干部三至五名')).toMatchObject({ min: 3, max: 5, unit: '名', comparison: 'range' });
    expect(one('年均增长10%')).toMatchObject({ min: 10, unit: '%', perYear: true });
    expect(one('签约金额达到1.5万元')).toMatchObject({ min: 1.5, unit: '万元', comparison: 'atLeast' });
    expect(one('培训干部2,000人次')).toMatchObject({ min: 2000, unit: '人次' });
    expect(one('落地五千万元以上项目')).toMatchObject({ min: 5000, unit: '万元', comparison: 'atLeast' });
    expect(one('组织200余家企业参加')).toMatchObject({ min: 200, unit: '家', comparison: 'atLeast' });
  });

  it('never reads a numeral inside a place name as a count (issue 15)', () => {
    const matcher = new RegionMatcher(regions());
    const names = [
      '七台河市',
      '九台区',
      '五家渠市',
      '四平市',
      '二道江区',
      '五常市',
      '十堰市',
      '六盘水市',
      '三亚市',
      '八公山区',
      '万宁市',
      '千山区',
      '百色市',
      '双鸭山市',
    ];
    for (const name of names) {
      const text = `支持${name}与对口地区组织企业考察，组织活动3次。`;
      expect(extractTargets(text, matcher.find(text)), text).toEqual([expect.objectContaining({ min: 3, unit: '次' })]);
    }
  });

  it('reads small counts in words as descriptions unless the clause sets them as goals', () => {
    expect(extractTargets('建设一个主园和三个分园，打造一批示范项目')).toEqual([]);
    expect(extractTargets('力争引进三个项目')).toEqual([expect.objectContaining({ min: 3, max: 3, unit: '个' })]);
    expect(extractTargets('组织两市企业开展对接活动不少于六次')).toEqual([
      expect.objectContaining({ min: 6, max: null, unit: '次' }),
    ]);
  });

  it('ignores numbers that are not targets', () => {
    const noise = [
      '按照《国务院办公厅关于印发…的通知》（国办发〔2017〕22号）有关要求',
      '到2020年，两省对口合作取得重要实质性成果',
      '统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局',
      '深入学习贯彻党的十九大精神和十八届三中全会精神',
      '推进“中国制造2025”试点工作',
      '落实好《职业教育东西协作行动计划（2016—2020年）》',
      '共同制定新兴产业发展三年行动计划',
      '在苏南5市与辽宁沈阳、大连等市轮流组织',
      '推动在苏两院院士、国家“千人计划”专家对接',
      '国家千人计划专家',
      '统一开展，第一批试点，进一步深化，一次性解决，一条龙服务',
      '实施一批标志性项目，建立两省合作机制，东北三省四市',
      '“十三五”时期',
    ];
    for (const s of noise) expect(extractTargets(s), s).toEqual([]);
  });
});
