import { describe, it, expect } from 'vitest';
import { withTaskCodes, diffTasks, lineageKey } from './plan-tree.ts';

const task = (no: number, text = `任务${no}`) => ({ no, title: text, text });

describe('task codes', () => {
  it('are the bare numbers when they run through the plan', () => {
    const codes = withTaskCodes([
      {
        no: '三',
        title: '重点任务',
        tasks: [],
        children: [
          { no: '（一）', title: 'a', tasks: [task(1), task(2)] },
          { no: '（二）', title: 'b', tasks: [task(3)] },
        ],
      },
    ]);
    expect(codes.map((c) => c.code)).toEqual(['1', '2', '3']);
    expect(codes[2]!.path).toBe('sections.0.children.1.tasks.0');
  });

  it('carry the section number where numbering restarts in each section', () => {
    const codes = withTaskCodes([
      {
        no: '三',
        title: '重点任务',
        tasks: [],
        children: [
          { no: '（一）', title: 'a', tasks: [task(1), task(2)] },
          { no: '（二）', title: 'b', tasks: [task(1)] },
        ],
      },
    ]);
    expect(codes.map((c) => c.code)).toEqual(['（一）1', '（一）2', '（二）1']);
  });

  it('fall back to the whole section path, and keep true duplicates for the caller to refuse', () => {
    const nested = withTaskCodes([
      { no: '一', title: 'x', tasks: [], children: [{ no: '（一）', title: 'a', tasks: [task(1)] }] },
      { no: '二', title: 'y', tasks: [], children: [{ no: '（一）', title: 'b', tasks: [task(1)] }] },
    ]);
    expect(nested.map((c) => c.code)).toEqual(['一（一）1', '二（一）1']);
    const dup = withTaskCodes([{ no: '', title: 'z', tasks: [task(1), task(1)] }]);
    expect(dup.map((c) => c.code)).toEqual(['1', '1']);
  });
});

describe('plan diff', () => {
  it('names tasks added, removed and changed by code, ignoring re-wrapped whitespace', () => {
    const before = [
      { code: '1', title: 'a', text: '甲乙' },
      { code: '2', title: 'b', text: '丙' },
      { code: '3', title: 'c', text: '丁' },
    ];
    const after = [
      { code: '1', title: 'a', text: '甲\n乙' },
      { code: '2', title: 'b', text: '丙丙' },
      { code: '4', title: 'd', text: '戊' },
    ];
    const d = diffTasks(before, after);
    expect(d.unchanged).toBe(1);
    expect(d.added.map((t) => t.code)).toEqual(['4']);
    expect(d.removed.map((t) => t.code)).toEqual(['3']);
    expect(d.changed).toEqual([
      { code: '2', before: { code: '2', title: 'b', text: '丙' }, after: { code: '2', title: 'b', text: '丙丙' } },
    ]);
  });

  it('keys lineages by pairing or programme and title, and annual plans by year', () => {
    expect(lineageKey({ pairingId: 'p', programmeId: 'g', title: '吉林省与浙江省 对口合作实施方案' })).toBe(
      'pairing:p|吉林省与浙江省对口合作实施方案',
    );
    expect(
      lineageKey({ pairingId: 'p', programmeId: 'g', title: '吉林省与浙江省对口合作实施方案（2026年修订）' }),
    ).toBe('pairing:p|吉林省与浙江省对口合作实施方案');
    expect(lineageKey({ pairingId: null, programmeId: 'g', title: 'x' })).toBe('programme:g|x');
    expect(lineageKey({ annual: true, pairingId: 'p', year: 2018 })).toBe('pairing:p|annual:2018');
  });
});
