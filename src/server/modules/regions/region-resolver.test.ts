import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { REGION_LEVELS, ZONE_TYPES } from '../../../common/regions/region-types.ts';
import { repoPath } from '../../repo-path.ts';
import { createRegionResolver, loadRegionRecords } from './region-resolver.ts';

const records = loadRegionRecords();
const regions = createRegionResolver(records);
const code = (name: string, opts?: Parameters<typeof regions.resolve>[1]) => regions.resolve(name, opts)?.code ?? null;
const codes = (text: string) => regions.findAll(text).map((m) => m.region.code);

describe('regions.json', () => {
  it('has unique codes, known levels and parents that exist', () => {
    const byCode = new Map(records.map((r) => [r.code, r]));
    expect(byCode.size).toBe(records.length);
    const problems: string[] = [];
    for (const r of records) {
      if (!REGION_LEVELS.includes(r.level)) problems.push(`${r.code}: level ${r.level}`);
      if (r.level === 'nation' ? r.parentCode !== null : !byCode.has(r.parentCode ?? ''))
        problems.push(`${r.code}: parent ${r.parentCode}`);
      if (r.level === 'zone') {
        if (!new RegExp(`^Z${r.parentCode}\\d{2}$`).test(r.code)) problems.push(`${r.code}: zone code`);
        if (!r.zoneType || !ZONE_TYPES.includes(r.zoneType)) problems.push(`${r.code}: zoneType ${r.zoneType}`);
      } else if (!/^\d{6}$/.test(r.code)) problems.push(`${r.code}: not six digits`);
      if ((r.lng === null) !== (r.lat === null)) problems.push(`${r.code}: half a coordinate`);
    }
    expect(problems).toEqual([]);
  });

  it('has the nation, 34 provinces and the 2020 move of 公主岭 to 长春', () => {
    expect(regions.byCode('000000')).toMatchObject({ name: '全国', level: 'nation' });
    expect(records.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(records.filter((r) => r.level === 'province').every((r) => r.parentCode === '000000')).toBe(true);
    expect(regions.byCode('220184')).toMatchObject({ name: '公主岭市', parentCode: '220100' });
    expect(regions.byCode('220581')).toMatchObject({ name: '梅河口市', parentCode: '220500' });
    expect(regions.byCode('110100')).toMatchObject({ name: '市辖区', level: 'city', parentCode: '110000' });
    expect(regions.byCode('110105')).toMatchObject({ name: '朝阳区', parentCode: '110100' });
    expect(regions.byCode('nope')).toBeNull();
  });

  it('keeps only province maps that index.json names, with a region for each', () => {
    const index = JSON.parse(fs.readFileSync(repoPath('resources', 'maps', 'index.json'), 'utf8')) as Record<
      string,
      { file: string; mapName: string }
    >;
    expect(Object.keys(index)).toHaveLength(35);
    for (const [c, m] of Object.entries(index)) {
      expect(regions.byCode(c), c).not.toBeNull();
      expect(fs.existsSync(repoPath('resources', 'maps', m.file)), m.file).toBe(true);
    }
    expect(index['220000']).toMatchObject({ file: '220000.json', mapName: '吉林' });
  });
});

describe('resolve', () => {
  it.each([
    ['长春市', '220100'],
    ['长春', '220100'],
    ['杭州市', '330100'],
    ['杭州', '330100'],
    ['延边朝鲜族自治州', '222400'],
    ['延边', '222400'],
    ['延边州', '222400'],
    ['长白山开发区管委会', 'Z22000001'],
    ['长白山管委会', 'Z22000001'],
    ['长白山保护开发区管理委员会', 'Z22000001'],
    ['长白山', 'Z22000001'],
    ['梅河口市', '220581'],
    ['梅河口', '220581'],
    ['公主岭市', '220184'],
    ['公主岭', '220184'],
    ['江苏省', '320000'],
    ['江苏', '320000'],
    ['内蒙古自治区', '150000'],
    ['内蒙古', '150000'],
    ['广西自治区', '450000'],
    ['吉林省', '220000'],
    ['吉林市', '220200'],
    [' 长春市 ', '220100'],
    ['长春市人民政府', '220100'],
    ['吉林省吉林市', '220200'],
    ['浙江省宁波市', '330200'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
  });

  it('resolves the zones the seed plans name', () => {
    expect(code('沈抚新区')).toBe('Z21000001');
    expect(regions.byCode('Z21000001')).toMatchObject({
      name: '沈抚改革创新示范区',
      parentCode: '210000',
      level: 'zone',
    });
    expect(code('辽宁省沈抚新区')).toBe('Z21000001');
    expect(regions.resolve('长春新区')).toMatchObject({ parentCode: '220100', zoneType: 'national_new_area' });
    expect(regions.resolve('大连金普新区')).toMatchObject({ parentCode: '210200', zoneType: 'national_new_area' });
    expect(code('金普新区')).toBe(code('大连金普新区'));
    expect(regions.resolve('哈尔滨新区')).toMatchObject({ parentCode: '230100', zoneType: 'national_new_area' });
    expect(regions.resolve('苏州工业园区')?.parentCode).toBe('320500');
    expect(regions.resolve('中德(沈阳)高端装备制造产业园')?.parentCode).toBe('210100');
    expect(regions.resolve('吉林中新食品国际示范区')?.parentCode).toBe('220200');
    expect(regions.resolve('珲春国际合作示范区')?.parentCode).toBe('222404');
  });

  it('tells 吉林 the province from 吉林 the city by prefer and within', () => {
    expect(code('吉林')).toBe('220000');
    expect(code('吉林', { prefer: ['city'] })).toBe('220200');
    expect(code('吉林', { within: '220000' })).toBe('220200');
    expect(code('吉林', { prefer: ['province'] })).toBe('220000');
    // An explicit suffix outranks a preference.
    expect(code('吉林市', { prefer: ['province'] })).toBe('220200');
    expect(code('吉林省', { within: '220000' })).toBe('220000');
  });

  it('answers the municipality itself, never its 市辖区 placeholder, even when a city is preferred (沈阳市与北京市)', () => {
    expect(code('北京市')).toBe('110000');
    expect(code('北京市', { prefer: ['city'] })).toBe('110000');
    expect(code('上海', { prefer: ['city'] })).toBe('310000');
    expect(code('市辖区')).toBeNull();
  });

  it('tells same-named places apart by within', () => {
    expect(code('朝阳区', { within: '110000' })).toBe('110105');
    expect(code('朝阳区', { within: '220100' })).toBe('220104');
    expect(code('朝阳')).toBe('211300');
    expect(code('通州区', { within: '320600' })).toBe('320612');
    expect(code('通州区', { within: '110000' })).toBe('110112');
    expect(code('海南')).toBe('460000');
    expect(code('海南', { within: '630000' })).toBe('632500');
    expect(code('兴安', { within: '450000' })).toBe('450325');
    expect(code('兴安')).toBe('152200');
    expect(code('杭州市', { within: '220000' })).toBeNull();
  });

  it('returns null for non-places', () => {
    expect(code('')).toBeNull();
    expect(code('对口合作')).toBeNull();
    expect(code('东北地区')).toBeNull();
  });
});

// 吉林省与浙江省对口合作实施方案, section 二.
const JILIN_ZHEJIANG: Array<[string[], string[]]> = [
  [['长春市', '长白山开发区管委会'], ['杭州市']],
  [['吉林市'], ['温州市']],
  [['四平市'], ['金华市']],
  [['辽源市'], ['绍兴市']],
  [['通化市'], ['台州市']],
  [['白山市'], ['湖州市']],
  [['松原市'], ['舟山市']],
  [['白城市'], ['嘉兴市']],
  [['延边朝鲜族自治州'], ['宁波市']],
  [['梅河口市'], ['丽水市']],
  [['公主岭市'], ['衢州市']],
];
const EXPECTED_JZ: Record<string, string> = {
  长春市: '220100',
  长白山开发区管委会: 'Z22000001',
  杭州市: '330100',
  吉林市: '220200',
  温州市: '330300',
  四平市: '220300',
  金华市: '330700',
  辽源市: '220400',
  绍兴市: '330600',
  通化市: '220500',
  台州市: '331000',
  白山市: '220600',
  湖州市: '330500',
  松原市: '220700',
  舟山市: '330900',
  白城市: '220800',
  嘉兴市: '330400',
  延边朝鲜族自治州: '222400',
  宁波市: '330200',
  梅河口市: '220581',
  丽水市: '331100',
  公主岭市: '220184',
  衢州市: '330800',
};

describe('吉林—浙江 liaison pairs', () => {
  it.each(JILIN_ZHEJIANG)('%s ↔ %s', (jilin, zhejiang) => {
    for (const n of jilin) {
      expect(code(n, { within: '220000' })).toBe(EXPECTED_JZ[n]);
      expect(code(n)).toBe(EXPECTED_JZ[n]);
    }
    for (const n of zhejiang) {
      expect(code(n, { within: '330000' })).toBe(EXPECTED_JZ[n]);
      expect(code(n.replace(/市$/, ''))).toBe(EXPECTED_JZ[n]);
    }
  });

  it('findAll reads the pairs out of the seed text, line breaks and all', () => {
    const seed = fs.readFileSync(repoPath('resources', 'seeds', 'jilin-zhejiang.txt'), 'utf8');
    const start = seed.indexOf('具体如下');
    const section = seed.slice(start, seed.indexOf('在此基础上', start));
    const expected = JILIN_ZHEJIANG.flatMap(([a, b]) => [...a, ...b]).map((n) => EXPECTED_JZ[n]);
    expect(codes(section)).toEqual(expected);
  });
});

describe('辽宁—江苏 cities', () => {
  it.each([
    ['盘锦', '211100'],
    ['无锡', '320200'],
    ['辽阳', '211000'],
    ['南通', '320600'],
    ['丹东', '210600'],
    ['扬州', '321000'],
    ['本溪', '210500'],
    ['泰州', '321200'],
    ['铁岭', '211200'],
    ['淮安', '320800'],
    ['抚顺', '210400'],
    ['徐州', '320300'],
    ['葫芦岛', '211400'],
    ['常州', '320400'],
    ['锦州', '210700'],
    ['苏州', '320500'],
    ['鞍山', '210300'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
    expect(code(`${name}市`)).toBe(expected);
  });
});

describe('findAll', () => {
  it('takes the longest match and never overlaps', () => {
    const found = regions.findAll('吉林省吉林市与浙江省温州市');
    expect(found.map((m) => [m.matched, m.region.code, m.start, m.end])).toEqual([
      ['吉林省', '220000', 0, 3],
      ['吉林市', '220200', 3, 6],
      ['浙江省', '330000', 7, 10],
      ['温州市', '330300', 10, 13],
    ]);
  });

  it('reads 吉林 alone as the province and zones before the cities inside them', () => {
    expect(codes('推动吉林产品与浙江市场对接')).toEqual(['220000', '330000']);
    expect(codes('长春兴隆综合保税区与宁波保税区')).toEqual([code('长春兴隆综合保税区'), code('宁波保税区')]);
    expect(codes('推动苏州工业园区与辽宁省沈抚新区合作')).toEqual([code('苏州工业园区'), '210000', 'Z21000001']);
  });

  it('uses the place named before to pick between same-named districts', () => {
    expect(codes('长春市朝阳区')).toEqual(['220100', '220104']);
    expect(codes('北京市朝阳区')).toEqual(['110000', '110105']);
  });

  it('does not read ordinary words as places', () => {
    const text =
      '吉林省与浙江省对口合作，发展新兴产业，会同有关部门加强物流通道和港口建设，推动资源共享，温泉养生，江北区域，阿里巴巴创新中心，白山黑水';
    expect(codes(text)).toEqual(['220000', '330000']);
  });

  it('counts a two-character county name only where its province or city is named', () => {
    expect(codes('支持珲春发展')).toEqual([]);
    expect(codes('吉林省支持珲春发展')).toEqual(['220000', '222404']);
    expect(codes('珲春和延吉，都在吉林省')).toEqual(['222404', '222401', '220000']);
  });
});
