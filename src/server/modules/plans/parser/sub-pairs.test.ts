import { describe, expect, it } from 'vitest';
import { RegionMatcher } from './region-mentions.ts';
import { findSubPairs, themeOf } from './sub-pairs.ts';
import { regions } from './test-support/seeds.ts';

const ctx = (sides: [string, string] | null = null) => ({ matcher: new RegionMatcher(regions()), sideCodes: sides });
const brief = (text: string, sides: [string, string] | null = null) =>
  findSubPairs(text, ctx(sides)).map((p) => ({
    a: p.a.map((r) => r.code),
    b: p.b.map((r) => r.code),
    theme: p.theme,
    note: p.note,
  }));

describe('sub-pairs', () => {
  it('splits district lists "A 与 B、C 与 D 和 E" where the side changes', () => {
    expect(brief('支持长春市南关区与杭州市上城区、长春市宽城区与杭州市拱墅区和杭州市西湖区进行合作对接。')).toEqual([
      { a: ['220102'], b: ['330102'], theme: undefined, note: undefined },
      { a: ['220103'], b: ['330105', '330106'], theme: undefined, note: undefined },
    ]);
  });

  it('puts the north-eastern side first whatever the order of the text', () => {
    expect(brief('推动苏州工业园区与辽宁省沈抚新区在基础设施建设等方面合作交流。')[0]).toMatchObject({
      a: ['Z21000001'],
      b: ['Z32050076'],
    });
  });

  it('ignores two places of one side and the plan’s own pairing', () => {
    expect(brief('积极引导沈阳市与大连市高端装备制造能力与江苏省制造业设备用户需求有效对接。')).toEqual([]);
    expect(brief('结合吉林省和浙江省两省实际，共同制定本实施方案。', ['220000', '330000'])).toEqual([]);
    expect(brief('推动吉林产品与浙江市场，吉林资源与浙江资本的合作对接。', ['220000', '330000'])).toEqual([]);
  });

  it('keeps an unnamed side as a note', () => {
    expect(brief('支持辽宁省鞍山市与江苏省有关城市结对打造服务业合作样板。')).toEqual([
      { a: ['210300'], b: [], theme: '服务业', note: '江苏省有关城市（未具名）' },
    ]);
  });

  const codes = (text: string, sides: [string, string]) =>
    findSubPairs(text, ctx(sides)).map((p) =>
      [p.a, p.b].map((side) => side.map((r) => r.code ?? `?${r.name}`).join('+')).join('|'),
    );

  it('reads a list of district and zone pairs closed by a verb, with a remark in brackets that is no pair', () => {
    expect(
      codes(
        '南关区与南开区、长春经开区与天津经开区（南关区对接和平区和河西区）、二道区与河东区和东丽区、汽开区与西青区进行合作对接。',
        ['220100', '120000'],
      ),
    ).toEqual(['220102|120104', 'Z22010071|Z12011602', '220105|120102+120110', 'Z22010074|120111']);
  });

  it('resolves sides without their city within the plan’s two sides, whatever joins them', () => {
    expect(codes('榆树市与宝坻区，农安县与天津市武清区，德惠市与静海区建立结对关系。', ['220100', '120000'])).toEqual([
      '220182|120115',
      '220122|120114',
      '220183|120118',
    ]);
    expect(
      codes('结对关系如下：哈尔滨市南岗区—广州市天河区；道里区—越秀区；香坊区—海珠区。', ['230000', '440000']),
    ).toEqual(['230103|440106', '230102|440104', '230110|440105']);
    expect(codes('推动南岗区同天河区、道外区同荔湾区结对共建。', ['230100', '440100'])).toEqual([
      '230103|440106',
      '230104|440103',
    ]);
  });

  it('gives one side several partners: 与B和C, 与B及C, 与B、C分别结对', () => {
    expect(codes('鼓励哈尔滨经开区与广州开发区及黄埔区合作。', ['230000', '440000'])).toEqual([
      'Z23010002|Z44010002+440112',
    ]);
    expect(codes('沙河口区与徐汇区、长宁区分别结对。', ['210200', '310000'])).toEqual(['210204|310104+310105']);
  });

  it('finds zones known by a name without a suffix when they stand alone in a list', () => {
    expect(codes('浑南区与海淀区和中关村、长白山与杭州市进行合作对接。', ['210100', '110000'])).toEqual([
      '210112|110108+Z11000001',
      'Z22000001|330100',
    ]);
    expect(codes('长春市、长白山与杭州市；吉林市与温州市。', ['220000', '330000'])).toEqual([
      '220100+Z22000001|330100',
      '220200|330300',
    ]);
  });

  it('keeps a zone the registry lacks, named after its city, on that city’s side', () => {
    expect(codes('支持上海临港新片区与大连市太平湾合作创新区共建园区。', ['210200', '310000'])).toEqual([
      '?大连市太平湾合作创新区|?上海临港新片区',
    ]);
  });

  it('maps themes to the programme’s vocabulary', () => {
    expect(themeOf('“互联网+”')).toBe('互联网+');
    expect(themeOf('装备制造业')).toBe('装备制造');
    expect(themeOf('科技研发与转化')).toBe('科技');
    expect(themeOf('城市建设管理')).toBe('城市建设');
    expect(themeOf('冰雪运动产业')).toBe('冰雪运动');
  });
});
