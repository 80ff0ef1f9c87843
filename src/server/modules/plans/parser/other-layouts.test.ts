import { describe, expect, it } from 'vitest';
import { planKind } from './header.ts';
import { allTasks, parsePlan } from './parse-plan.ts';
import { regions, seedText } from './test-support/seeds.ts';

// An annual work plan in another office's layout: 文号 first, bare group headings, items numbered 1、, sub-items （1）.
const ANNUAL = `吉发改〔2019〕12号

吉林省与浙江省对口合作2019年工作要点

2019年是两省对口合作深化之年。现提出如下工作要点。

体制机制创新
1、推进简政放权改革，年内复制推广浙江改革经验5项以上。
2、选择3至5个开发区开展“最多跑一次”改革试点。
（1）长春新区率先试点；
（2）其他开发区逐步推开。
产业合作
3、举办浙商吉林行活动2次，签约项目不少于20个，签约额100亿元以上。
4、支持长春市南关区与杭州市上城区、长春市宽城区与杭州市拱墅区和西湖区进行合作对接。
干部人才交流
5、全年互派挂职干部30名左右，培训企业管理人员500人次。
`;

describe('a plan in another layout', () => {
  const plan = parsePlan(ANNUAL, { regions: regions() });

  it('reads an annual plan with bare headings and 1、 items', () => {
    expect([plan.title, plan.docNo, plan.kind]).toEqual([
      '吉林省与浙江省对口合作2019年工作要点',
      '吉发改〔2019〕12号',
      'annual',
    ]);
    expect(plan.sides.map((s) => s.code)).toEqual(['220000', '330000']);
    expect(plan.sections.map((s) => [s.no, s.title, s.tasks.map((t) => t.no)])).toEqual([
      ['', '体制机制创新', [1, 2]],
      ['', '产业合作', [3, 4]],
      ['', '干部人才交流', [5]],
    ]);
    expect(allTasks(plan)[1].text).toBe(
      '选择3至5个开发区开展“最多跑一次”改革试点。（1）长春新区率先试点；（2）其他开发区逐步推开。',
    );
  });

  it('reads its targets', () => {
    const brief = allTasks(plan).map((t) => t.targets.map((g) => [g.comparison, g.min, g.max, g.unit, g.perYear]));
    expect(brief).toEqual([
      [['atLeast', 5, null, '项', false]],
      [['range', 3, 5, '个', false]],
      [
        ['exactly', 2, 2, '次', false],
        ['atLeast', 20, null, '个', false],
        ['atLeast', 100, null, '亿元', false],
      ],
      [],
      [
        ['exactly', 30, 30, '名', true],
        ['exactly', 500, 500, '人次', true],
      ],
    ]);
  });

  it('reads a district list where one side names two units', () => {
    expect(allTasks(plan)[3].subPairs).toEqual([
      {
        a: [{ name: '南关区', code: '220102' }],
        b: [{ name: '上城区', code: '330102' }],
        source: '长春市南关区与杭州市上城区',
      },
      {
        a: [{ name: '宽城区', code: '220103' }],
        b: [
          { name: '拱墅区', code: '330105' },
          { name: '西湖区', code: '330106' },
        ],
        source: '长春市宽城区与杭州市拱墅区和西湖区',
      },
    ]);
  });

  it('reads the two sides from titles in other forms (issue 15)', () => {
    const sides = (title: string) =>
      parsePlan(`${title}\n一、重点任务\n1．推动南关区与南开区结对合作。\n`, { regions: regions() }).sides.map(
        (x) => x.code,
      );
    expect(sides('2026年吉林省与浙江省对口合作工作要点')).toEqual(['220000', '330000']);
    expect(sides('吉林省、浙江省对口合作2026年工作要点')).toEqual(['220000', '330000']);
    expect(sides('长春市与天津市2026年对口合作工作要点')).toEqual(['220100', '120000']);
    expect(sides('长春市天津市对口合作2026年工作计划')).toEqual(['220100', '120000']);
    expect(sides('天津—长春对口合作工作方案')).toEqual(['220100', '120000']);
  });

  it('tells plan kinds from titles', () => {
    expect(planKind('辽宁省与江苏省对口合作专项实施方案（园区共建）', null)).toBe('special');
    expect(planKind('吉林省与浙江省对口合作实施方案重点任务分工方案', null)).toBe('division');
    expect(planKind('沈阳市与北京市对口合作2020年工作计划', null)).toBe('annual');
    expect(planKind('关于东北振兴的若干意见', null)).toBe('other');
  });

  it.each(['（2026年修订）', '(试行)', '（征求意见稿）'])('reads a title with the bracketed note %s', (note) => {
    const revised = seedText('jilinZhejiang').replace(
      '吉林省与浙江省对口合作实施方案',
      `吉林省与浙江省对口合作实施方案${note}`,
    );
    const parsed = parsePlan(revised, { regions: regions() });
    expect([parsed.title, parsed.kind, parsed.sides.map((s) => s.code)]).toEqual([
      `吉林省与浙江省对口合作实施方案${note}`,
      'implementation',
      ['220000', '330000'],
    ]);
    expect(allTasks(parsed)).toHaveLength(39);
  });
});
