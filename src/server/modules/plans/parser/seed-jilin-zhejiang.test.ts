import { describe, expect, it } from 'vitest';
import { allSubPairs, allTasks, parsePlan } from './parse-plan.ts';
import { regions, seedText } from './test-support/seeds.ts';
import type { PlanTarget } from './types.ts';

const SECTIONS: [string, string, [number, string][]][] = [
  [
    '（一）',
    '体制机制创新',
    [
      [1, '全面对标浙江省推进行政审批制度改革的成功经验'],
      [2, '借鉴浙江省有关经验'],
      [3, '支持浙江企业通过多种方式参与吉林国有企业改革、改造和重组'],
      [4, '吸收浙江省民营经济发展政策机制和培育民营经济市场主体的先进经验'],
      [5, '借鉴浙江省金融改革试点、资本市场发展、金融机构创建…'],
      [6, '借鉴浙江省内贸流通管理体制机制，推进各类交易市场转型升级'],
      [7, '借鉴浙江省开放发展先进经验'],
      [8, '借鉴浙江省在“河长制”方面的经验做法'],
      [9, '借鉴浙江省特色小镇制度创新、文化传承、产业塑造、产镇融合等方面的先进做法'],
      [10, '合作发展“飞地经济”'],
    ],
  ],
  [
    '（二）',
    '产业协同合作',
    [
      [11, '推进“中国制造2025”试点工作'],
      [12, '围绕车联网产业示范区建设开展深度合作'],
      [13, '开展先进材料、能源开发领域合作'],
      [14, '推动装备优势产业与浙江省合作'],
      [15, '推动吉林食品产业发展'],
      [16, '组织两省粮食部门及各类涉粮企业对接'],
      [17, '突出吉林省生猪、肉牛、梅花鹿等畜牧业优势主导产业'],
      [18, '开展电商资源对接，推进“互联网+”经济合作'],
      [19, '鼓励浙商在吉林生态旅游、冰雪旅游、避暑旅游、民俗旅游…'],
      [20, '开拓两省文化交流新渠道'],
    ],
  ],
  [
    '（三）',
    '基础设施共建',
    [
      [21, '借鉴浙江省在基础设施补短板方面的经验做法'],
      [22, '借鉴浙江省在基础设施领域和公共服务领域推广运用政府和社会资本…'],
      [23, '在城市水源、河道综合治理、水利风景区、管廊、垃圾处理…'],
      [24, '开展吉林省物流公共信息平台建设'],
    ],
  ],
  [
    '（四）',
    '重点平台对接',
    [
      [25, '加强两省国家级新区、经济技术开发区…'],
      [26, '重点推动长春兴隆综合保税区、珲春国际合作示范区、吉林保税物流园区与宁波保税区'],
      [27, '在吉林省合作设立“浙江产业园”'],
      [28, '在两地共同打造一批平台基地'],
      [29, '建立两省智库部门间常态化交流机制'],
      [30, '积极组织浙江企业参加中国—东北亚博览会'],
    ],
  ],
  [
    '（五）',
    '创新创业共享',
    [
      [31, '借鉴浙江省推动科技企业发展经验'],
      [32, '积极引入浙江省各类科技创新基金'],
      [33, '推介典型“双创”案例'],
      [34, '鼓励两地高校开展学科共建和学生联合培养合作'],
    ],
  ],
  [
    '（六）',
    '干部人才交流',
    [
      [35, '建立两省双向干部交流挂职长效机制'],
      [36, '定期赴浙江省组织开展有针对性的教育培训'],
      [37, '选派吉林省企业家、技术人员赴浙江省实地考察学习'],
      [38, '邀请浙江省企业、园区、政府、高校、科研单位等领域的优秀代表'],
      [39, '借鉴浙江省在人才发展体制机制改革、吸引集聚高层次人才…'],
    ],
  ],
];

// The 11 liaison pairs of 二、对口合作联系机制; 梅河口市 and 公主岭市 are county-level cities.
const LIAISON: [[string, string][], [string, string]][] = [
  [
    [
      ['长春市', '220100'],
      ['长白山开发区管委会', 'Z22000001'],
    ],
    ['杭州市', '330100'],
  ],
  [[['吉林市', '220200']], ['温州市', '330300']],
  [[['四平市', '220300']], ['金华市', '330700']],
  [[['辽源市', '220400']], ['绍兴市', '330600']],
  [[['通化市', '220500']], ['台州市', '331000']],
  [[['白山市', '220600']], ['湖州市', '330500']],
  [[['松原市', '220700']], ['舟山市', '330900']],
  [[['白城市', '220800']], ['嘉兴市', '330400']],
  [[['延边朝鲜族自治州', '222400']], ['宁波市', '330200']],
  [[['梅河口市', '220581']], ['丽水市', '331100']],
  [[['公主岭市', '220184']], ['衢州市', '330800']],
];

const TARGETS: Record<number, PlanTarget[]> = {
  3: [{ min: 10, max: 20, unit: '户', perYear: false, comparison: 'range', source: '10—20户' }],
  38: [{ min: 1000, max: null, unit: '人', perYear: true, comparison: 'atLeast', source: '千人以上' }],
};

describe('吉林—浙江 implementation plan', () => {
  const plan = parsePlan(seedText('jilinZhejiang'), { regions: regions() });

  it('reads title, kind and the two sides', () => {
    expect(plan.title).toBe('吉林省与浙江省对口合作实施方案');
    expect(plan.docNo).toBeNull();
    expect(plan.kind).toBe('implementation');
    expect(plan.sides).toEqual([
      { name: '吉林省', code: '220000' },
      { name: '浙江省', code: '330000' },
    ]);
    expect(plan.subPairs).toEqual([]);
  });

  it('finds the four parts', () => {
    expect(plan.sections.map((s) => [s.no, s.title])).toEqual([
      ['一', '总体要求'],
      ['二', '对口合作联系机制'],
      ['三', '重点任务'],
      ['四', '保障措施'],
    ]);
    expect(plan.sections[0].children!.map((s) => s.title)).toEqual(['指导思想', '合作原则', '主要目标']);
  });

  it('finds 39 tasks in 6 sections, every number and title', () => {
    const sections = plan.sections[2].children!;
    expect(sections.map((s) => [s.no, s.title, s.tasks.map((t) => [t.no, t.title])])).toEqual(SECTIONS);
    expect(allTasks(plan).map((t) => t.no)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
  });

  it('joins a clause broken across a page number', () => {
    const t33 = allTasks(plan)[32];
    expect(t33.text).toContain('营造创新创业氛围。加快推进“双创”示范基地建设');
    const t1 = allTasks(plan)[0];
    expect(t1.text).toBe(
      '全面对标浙江省推进行政审批制度改革的成功经验，借鉴浙江省行政许可权相对集中改革、行政审批标准化等先进做法，进一步推进“简政放权、放管结合、优化服务”改革，全面优化吉林省投资营商环境。',
    );
  });

  it('extracts every target and nothing else (中国制造2025, 五大体系, 2016—2020年 are not targets)', () => {
    for (const t of allTasks(plan)) expect(t.targets, `task ${t.no}`).toEqual(TARGETS[t.no] ?? []);
  });

  it('reads the 11 city liaison pairs', () => {
    const pairs = plan.sections[1].subPairs;
    expect(pairs.map((p) => [p.a.map((r) => [r.name, r.code]), ...p.b.map((r) => [r.name, r.code])])).toEqual(LIAISON);
    expect(pairs[0].source).toBe('长春市、长白山开发区管委会与杭州市');
  });

  it('reads the zone pairs of task 26 and no other sub-pair in the tasks', () => {
    const withPairs = allTasks(plan).filter((t) => t.subPairs.length > 0);
    expect(withPairs.map((t) => t.no)).toEqual([26]);
    expect(withPairs[0].subPairs).toEqual([
      {
        a: [
          { name: '长春兴隆综合保税区', code: 'Z22010002' },
          { name: '珲春国际合作示范区', code: 'Z22240401' },
          { name: '吉林保税物流园区', code: 'Z22000003' },
        ],
        b: [{ name: '宁波保税区', code: 'Z33020001' }],
        source: '长春兴隆综合保税区、珲春国际合作示范区、吉林保税物流园区与宁波保税区',
      },
      {
        a: [{ name: '和龙边境经济合作区', code: 'Z22240601' }],
        b: [{ name: '义乌经济技术开发区', code: 'Z33078201' }],
        source: '和龙边境经济合作区与义乌经济技术开发区',
      },
    ]);
    expect(allSubPairs(plan)).toHaveLength(13);
  });

  it('finds the 4 safeguard measures', () => {
    expect(plan.measures.map((m) => [m.no, m.title])).toEqual([
      ['（一）', '加强组织协调'],
      ['（二）', '科学编制计划'],
      ['（三）', '加大政策支持'],
      ['（四）', '营造合作氛围'],
    ]);
  });
});
