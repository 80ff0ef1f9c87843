import { describe, expect, it } from 'vitest';
import { allTasks, parsePlan } from './parse-plan.ts';
import { regions } from './test-support/seeds.ts';

// A 分工方案 in the layouts offices use to name who does what: labelled lists, 牵头/配合 phrases, 两省 for both.
const DIVISION = `吉林省与浙江省对口合作实施方案重点任务分工方案

一、体制机制创新
1．复制推广浙江“最多跑一次”改革经验。（责任单位：吉林省政务服务和数字化建设管理局、浙江省大数据发展管理局）
2．推进国有企业改革合作。（牵头单位：吉林省国资委；配合单位：浙江省国资委、吉林省财政厅）
二、产业合作
3．共建产业合作园区，每年新增入园企业不少于10家。（两省发展改革委牵头，两省商务厅配合）
4．举办浙商吉林行活动。（省商务厅（牵头）、省工商联）
5．加强旅游合作，互为旅游客源地。
6．支持长春市与杭州市开展对口合作。责任单位：长春市人民政府、杭州市人民政府
`;

describe('responsible units named in task text', () => {
  const tasks = allTasks(parsePlan(DIVISION, { regions: regions() }));
  const brief = (i: number) => tasks[i].units.map((u) => [u.name, u.role, u.side]);

  it('reads a 责任单位 list: the first named leads, each on the side its region names', () => {
    expect(brief(0)).toEqual([
      ['吉林省政务服务和数字化建设管理局', 'lead', 'a'],
      ['浙江省大数据发展管理局', 'co', 'b'],
    ]);
    expect(tasks[0].units[0].source).toBe('（责任单位：吉林省政务服务和数字化建设管理局、浙江省大数据发展管理局）');
  });

  it('reads 牵头单位 and 配合单位 labels', () => {
    expect(brief(1)).toEqual([
      ['吉林省国资委', 'lead', 'a'],
      ['浙江省国资委', 'co', 'b'],
      ['吉林省财政厅', 'co', 'a'],
    ]);
  });

  it('reads 牵头 … 配合 phrases and spells 两省 out as a unit on each side', () => {
    expect(brief(2)).toEqual([
      ['吉林省发展改革委', 'lead', 'a'],
      ['浙江省发展改革委', 'lead', 'b'],
      ['吉林省商务厅', 'co', 'a'],
      ['浙江省商务厅', 'co', 'b'],
    ]);
    // The target in the same clause is still read, and the bracket is not a target.
    expect(tasks[2].targets.map((t) => [t.min, t.unit, t.perYear])).toEqual([[10, '家', true]]);
  });

  it('takes a unit marked （牵头） as the lead; a name without a region leaves the side open', () => {
    expect(brief(3)).toEqual([
      ['省商务厅', 'lead', null],
      ['省工商联', 'co', null],
    ]);
  });

  it('finds nothing in a clause that names no unit, and reads an unbracketed 责任单位 at the end', () => {
    expect(tasks[4].units).toEqual([]);
    expect(brief(5)).toEqual([
      ['长春市人民政府', 'lead', 'a'],
      ['杭州市人民政府', 'co', 'b'],
    ]);
  });

  it('does not take ordinary brackets for units', () => {
    const plan = parsePlan(
      `辽宁省与江苏省对口合作实施方案\n\n一、产业合作\n1．推进沈阳（中德）装备园建设，支持企业（含民营企业）参与。\n2．推动两省企业合作，由市场主体负责运营。\n`,
      { regions: regions() },
    );
    expect(allTasks(plan).map((t) => t.units)).toEqual([[], []]);
  });
});
