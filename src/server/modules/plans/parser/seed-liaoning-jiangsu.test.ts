import { describe, expect, it } from 'vitest';
import { allSubPairs, allTasks, parsePlan } from './parse-plan.ts';
import { regions, seedText } from './test-support/seeds.ts';
import type { PlanTarget, SubPair } from './types.ts';

const SECTIONS: [string, string, [number, string][]][] = [
  [
    '（一）',
    '深化改革扩大开放',
    [
      [1, '深化行政管理体制改革'],
      [2, '推动国有企业改革'],
      [3, '加快发展民营经济'],
      [4, '搭建经贸合作平台'],
      [5, '深化智库合作'],
    ],
  ],
  [
    '（二）',
    '开展产业务实合作',
    [
      [6, '发展现代服务业'],
      [7, '大力发展物联网、新一代信息技术等新兴产业'],
      [8, '加快发展装备制造业等优势产业'],
      [9, '发展节能环保产业'],
      [10, '促进港口联动发展'],
      [11, '发展文化旅游产业'],
      [12, '发展医药健康产业'],
      [13, '加强农业产品推广和产业化合作'],
      [14, '推动军民融合发展'],
    ],
  ],
  [
    '（三）',
    '提升创业创新水平',
    [
      [15, '加强科技研发与转化'],
      [16, '推动创业创新合作'],
    ],
  ],
  [
    '（四）',
    '推动人才交流',
    [
      [17, '促进高等院校交流'],
      [18, '开展干部互派'],
      [19, '加强高端人才合作'],
      [20, '开展对口培训'],
      [21, '共享人力资源'],
    ],
  ],
  [
    '（五）',
    '推进平台载体建设',
    [
      [22, '探索合作产业园区共建'],
      [23, '深化城市建设管理交流合作'],
      [24, '搭建多层次合作平台'],
    ],
  ],
];

const TARGETS: Record<number, PlanTarget[]> = {
  4: [
    { min: 1, max: 2, unit: '个', perYear: true, comparison: 'range', source: '1—2个' },
    // The same sentence starts with 每年: the matchmaking events it sets are yearly.
    { min: 50, max: null, unit: '家', perYear: true, comparison: 'atLeast', source: '不少于50家' },
  ],
};

const city = (name: string, code: string) => ({ name, code });
const SUB_PAIRS: Record<number, SubPair[]> = {
  6: [
    {
      a: [city('鞍山市', '210300')],
      b: [],
      theme: '服务业',
      note: '江苏省有关城市（未具名）',
      source: '辽宁省鞍山市与江苏省有关城市结对打造服务业合作样板',
    },
  ],
  7: [
    {
      a: [city('盘锦市', '211100')],
      b: [city('无锡市', '320200')],
      theme: '互联网+',
      source: '辽宁省盘锦市与江苏省无锡市结对打造“互联网+”产业合作标杆',
    },
  ],
  8: [
    {
      a: [city('辽阳市', '211000')],
      b: [city('南通市', '320600')],
      theme: '装备制造',
      source: '辽宁省辽阳市与江苏省南通市结对打造装备制造业合作标杆',
    },
  ],
  11: [
    {
      a: [city('丹东市', '210600')],
      b: [city('扬州市', '321000')],
      theme: '旅游',
      source: '辽宁省丹东市与江苏省扬州市结对打造旅游合作标杆',
    },
  ],
  12: [
    {
      a: [city('本溪市', '210500')],
      b: [city('泰州市', '321200')],
      theme: '医药健康',
      source: '辽宁省本溪市与江苏省泰州市结对打造医药健康产业合作标杆',
    },
  ],
  13: [
    {
      a: [city('铁岭市', '211200')],
      b: [city('淮安市', '320800')],
      theme: '农业',
      source: '辽宁省铁岭市与江苏省淮安市开展农业合作',
    },
  ],
  15: [
    {
      a: [city('抚顺市', '210400')],
      b: [city('徐州市', '320300')],
      theme: '科技',
      source: '辽宁省抚顺市与江苏省徐州市结对打造科技研发与转化合作标杆',
    },
  ],
  16: [
    {
      a: [city('葫芦岛市', '211400')],
      b: [city('常州市', '320400')],
      theme: '双创',
      source: '辽宁省葫芦岛市与江苏省常州市结对打造“双创”合作标杆',
    },
  ],
  // Zones named in task 22; 苏州工业园区 is named first but 沈抚新区 is the north-eastern side.
  22: [
    {
      a: [city('沈大国家自主创新示范区', 'Z21000002')],
      b: [city('苏南国家自主创新示范区', 'Z32000001')],
      source: '沈大国家自主创新示范区与苏南国家自主创新示范区',
    },
    {
      a: [city('沈抚新区', 'Z21000001')],
      b: [city('苏州工业园区', 'Z32050076')],
      source: '苏州工业园区与辽宁省沈抚新区',
    },
  ],
  23: [
    {
      a: [city('锦州市', '210700')],
      b: [city('苏州市', '320500')],
      theme: '城市建设',
      source: '辽宁省锦州市和江苏省苏州市在城市建设管理方面',
    },
  ],
};

describe('辽宁—江苏 implementation plan', () => {
  const plan = parsePlan(seedText('liaoningJiangsu'), { regions: regions() });

  it('reads title, kind and the two sides', () => {
    expect(plan.title).toBe('辽宁省与江苏省对口合作实施方案');
    expect(plan.docNo).toBeNull();
    expect(plan.kind).toBe('implementation');
    expect(plan.sides).toEqual([city('辽宁省', '210000'), city('江苏省', '320000')]);
  });

  it('finds the five parts', () => {
    expect(plan.sections.map((s) => [s.no, s.title])).toEqual([
      ['一', '指导思想'],
      ['二', '基本原则'],
      ['三', '主要目标'],
      ['四', '合作重点'],
      ['五', '保障措施'],
    ]);
  });

  it('finds 24 tasks in 5 sections, every number and title (22﹒ included)', () => {
    const sections = plan.sections[3].children!;
    expect(sections.map((s) => [s.no, s.title, s.tasks.map((t) => [t.no, t.title])])).toEqual(SECTIONS);
    expect(allTasks(plan).map((t) => t.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('extracts every target and nothing else (苏南5市, 三年行动计划, 千人计划, 2016—2020年 are not targets)', () => {
    for (const t of allTasks(plan)) expect(t.targets, `task ${t.no}`).toEqual(TARGETS[t.no] ?? []);
  });

  it('reads every themed pair named in the tasks, and no other (沈阳市与大连市 is one side)', () => {
    for (const t of allTasks(plan)) expect(t.subPairs, `task ${t.no}`).toEqual(SUB_PAIRS[t.no] ?? []);
    expect(allSubPairs(plan)).toHaveLength(11);
  });

  it('finds the 4 safeguard measures', () => {
    expect(plan.measures.map((m) => [m.no, m.title])).toEqual([
      ['（一）', '建立协调机制'],
      ['（二）', '形成工作合力'],
      ['（三）', '制定年度工作计划'],
      ['（四）', '引导社会参与'],
    ]);
  });
});
