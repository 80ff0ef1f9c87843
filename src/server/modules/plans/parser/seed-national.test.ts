import { describe, expect, it } from 'vitest';
import { allSubPairs, allTasks, parsePlanWithSource } from './parse-plan.ts';
import { regions, seedText } from './test-support/seeds.ts';

// 国办发〔2017〕22号: tasks are numbered from 1 again in each of the four areas of 三、重点任务.
const AREAS: [string, string, [number, string][]][] = [
  [
    '（一）',
    '对标先进经验做法，推进体制机制创新',
    [
      [1, '行政管理体制改革'],
      [2, '国有企业改革'],
      [3, '民营经济发展'],
      [4, '对内对外开放'],
      [5, '发展理念共享'],
    ],
  ],
  [
    '（二）',
    '开展产业务实合作，加快结构调整步伐',
    [
      [1, '装备制造业等优势产业'],
      [2, '新兴产业'],
      [3, '农业和绿色食品产业'],
      [4, '生产性服务业'],
      [5, '文化、旅游和健康产业'],
    ],
  ],
  [
    '（三）',
    '共促科技成果转化，提升创业创新水平',
    [
      [1, '科技研发与转化'],
      [2, '高校院所交流合作'],
      [3, '创业创新合作'],
      [4, '高端人才交流'],
    ],
  ],
  [
    '（四）',
    '搭建合作平台载体，探索共赢发展新路',
    [
      [1, '功能区对接'],
      [2, '合作园区共建'],
      [3, '重点城市合作'],
      [4, '多层次合作体系建设'],
    ],
  ],
];

// A municipality in a city pairing is whatever the resolver gives for a city-level 北京市 (its 市辖区 record, or the
// municipality itself); the parser asks for the city level and leaves that choice to the region module.
const municipality = (name: string, province: string) => {
  const code = regions().resolve(name, { prefer: ['city'] })!.code;
  expect([province, `${province.slice(0, 2)}0100`]).toContain(code);
  return code;
};
const pairings = () => [
  ['辽宁省', '210000', '江苏省', '320000'],
  ['吉林省', '220000', '浙江省', '330000'],
  ['黑龙江省', '230000', '广东省', '440000'],
  ['沈阳市', '210100', '北京市', municipality('北京市', '110000')],
  ['大连市', '210200', '上海市', municipality('上海市', '310000')],
  ['长春市', '220100', '天津市', municipality('天津市', '120000')],
  ['哈尔滨市', '230100', '深圳市', '440300'],
];

describe('national plan 国办发〔2017〕22号', () => {
  const { plan, normalised } = parsePlanWithSource(seedText('national'), { regions: regions() });

  it('reads title, document number and kind', () => {
    expect(plan.title).toBe('东北地区与东部地区部分省市对口合作工作方案');
    expect(plan.docNo).toBe('国办发〔2017〕22号');
    expect(plan.kind).toBe('national');
    expect(plan.sides).toEqual([]);
    expect(plan.subPairs).toEqual([]);
  });

  it('finds the four parts and the sub-sections of 总体要求', () => {
    expect(plan.sections.map((s) => [s.no, s.title, s.level])).toEqual([
      ['一', '总体要求', 1],
      ['二', '对口合作关系', 1],
      ['三', '重点任务', 1],
      ['四', '保障措施', 1],
    ]);
    expect(plan.sections[0].children?.map((s) => [s.no, s.title, s.level])).toEqual([
      ['（一）', '指导思想', 2],
      ['（二）', '基本原则', 2],
      ['（三）', '主要目标', 2],
    ]);
  });

  it('finds 18 numbered key tasks in 4 areas, every number and title', () => {
    const areas = plan.sections[2].children!;
    expect(areas.map((a) => [a.no, a.title, a.tasks.map((t) => [t.no, t.title])])).toEqual(AREAS);
    expect(allTasks(plan)).toHaveLength(18);
  });

  it('keeps the full clause text, joined across lines and the page break of the newspaper copy', () => {
    const t4 = plan.sections[2].children![0].tasks[3];
    expect(t4.text.startsWith('对内对外开放。协同推进“一带一路”建设，支持东部地区和东北地区')).toBe(true);
    expect(t4.text.endsWith('重点领域合作。支持东北地区与长江经济带、珠三角地区加强经贸投资合作。')).toBe(true);
    expect(t4.text).not.toMatch(/下转|上接/);
    expect(t4.endLine).toBeGreaterThan(t4.line);
  });

  it('has no quantitative targets: 2020年, 五位一体, 十八大, 三年行动计划 are not targets', () => {
    for (const t of allTasks(plan)) expect(t.targets, `task ${t.no} ${t.title}`).toEqual([]);
  });

  it('finds the 6 safeguard measures', () => {
    expect(plan.measures.map((m) => [m.no, m.title])).toEqual([
      ['（一）', '完善工作机制'],
      ['（二）', '科学编制实施方案'],
      ['（三）', '推进干部人才交流培训'],
      ['（四）', '加大政策支持力度'],
      ['（五）', '创造良好合作环境'],
      ['（六）', '加强督查评估'],
    ]);
    expect(plan.measures[5].text.endsWith('确保东北地区与东部地区部分省市对口合作的各项措施任务落实到位。')).toBe(true);
    expect(plan.measures[5].text).not.toContain('据中国政府网');
  });

  it('reads the 7 pairings and Inner Mongolia as exploratory, in 二、对口合作关系', () => {
    const pairs = plan.sections[1].subPairs;
    expect(pairs.slice(0, 7).map((p) => [p.a[0].name, p.a[0].code, p.b[0].name, p.b[0].code])).toEqual(pairings());
    expect(pairs.slice(0, 7).every((p) => p.a.length === 1 && p.b.length === 1 && !p.theme)).toBe(true);
    expect(pairs[0].source).toBe('辽宁省与江苏省');
    expect(pairs[7]).toEqual({
      a: [{ name: '内蒙古自治区', code: '150000' }],
      b: [],
      source: '内蒙古自治区主动对接东部省市，探索建立相应合作机制',
      note: '主动对接东部省市，探索建立相应合作机制',
      exploratory: true,
    });
    expect(allSubPairs(plan)).toHaveLength(8);
  });

  it('maps every line back to the source', () => {
    const t1 = plan.sections[2].children![0].tasks[0];
    const src = seedText('national').split('\n');
    const first = normalised.lines[t1.line - 1].sourceLines[0];
    expect(src[first - 1].startsWith('1.行政管理体制改革')).toBe(true);
    expect(normalised.removed.map((r) => r.text)).toContain('（下转第二版）');
  });
});
