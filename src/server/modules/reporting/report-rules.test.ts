import { describe, it, expect } from 'vitest';
import { contentProblems, figureProblems, nextState, reportedTaskStatus } from './report-rules.ts';

const codes = (details: { field: string; code: string }[]) => details.map((d) => `${d.field}:${d.code}`);

describe('report rules', () => {
  it('moves a report draft → submitted → returned → submitted → approved, and no other way', () => {
    expect(nextState('pending', 'save')).toBe('draft');
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'save')).toBeNull();
    expect(nextState('submitted', 'return')).toBe('returned');
    expect(nextState('returned', 'save')).toBe('draft');
    expect(nextState('returned', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'approve')).toBe('approved');
    expect(nextState('approved', 'save')).toBeNull();
    expect(nextState('approved', 'approve')).toBeNull();
    expect(nextState('draft', 'approve')).toBeNull();
    expect(nextState('pending', 'return')).toBeNull();
    // After an unlock, the office can send an approved report back for correction.
    expect(nextState('approved', 'return')).toBe('returned');
  });

  it('checks figures against the task targets: known target, once, in its unit, not negative', () => {
    const targets = [
      { id: 't1', unit: '户', text: '10—20 户' },
      { id: 't2', unit: '万元', text: '≥1000 万元' },
    ];
    expect(
      figureProblems(
        [
          { targetId: 't1', value: '12', unit: '户' },
          { targetId: 't2', value: '1500.5', unit: '万元' },
        ],
        targets,
      ),
    ).toEqual([]);
    const wrong = figureProblems([{ targetId: 't2', value: '0.15', unit: '亿元' }], targets);
    expect(codes(wrong)).toEqual(['figures.0.unit:figure_wrong_unit']);
    expect(wrong[0]!.zh).toBe('计量单位“亿元”与目标“≥1000 万元”的单位“万元”不一致，请按“万元”填写');
    expect(wrong[0]!.en).toContain('report it in 万元');
    expect(
      codes(
        figureProblems(
          [
            { targetId: 'tx', value: '1', unit: '户' },
            { targetId: 't1', value: '1', unit: '户' },
            { targetId: 't1', value: '-2', unit: '户' },
          ],
          targets,
        ),
      ),
    ).toEqual([
      'figures.0.targetId:unknown_target',
      'figures.2.targetId:duplicate_target_figure',
      'figures.2.value:negative_figure',
    ]);
  });

  it('lets a draft be incomplete but not a submission, and refuses a status that contradicts the percentage', () => {
    expect(contentProblems({ taskStatus: null, percent: null, narrative: null }, false)).toEqual([]);
    expect(codes(contentProblems({ taskStatus: null, percent: null, narrative: '  ' }, true))).toEqual([
      'taskStatus:required',
      'percent:required',
      'narrative:required',
    ]);
    expect(codes(contentProblems({ taskStatus: 'done', percent: 90, narrative: 'x' }, false))).toEqual([
      'percent:done_needs_full_percent',
    ]);
    expect(codes(contentProblems({ taskStatus: 'not_started', percent: 10, narrative: 'x' }, true))).toEqual([
      'percent:not_started_needs_zero',
    ]);
    expect(contentProblems({ taskStatus: 'in_progress', percent: 100, narrative: 'x' }, true)).toEqual([]);
  });

  it('adds approved reports up to a task status, the lead units speaking for the task', () => {
    const r = (
      role: 'lead' | 'co',
      taskStatus: Parameters<typeof reportedTaskStatus>[0][number]['taskStatus'],
      percent = 0,
    ) => ({ role, taskStatus, percent });
    expect(reportedTaskStatus([])).toBeNull();
    expect(reportedTaskStatus([r('lead', 'in_progress', 40)])).toBe('in_progress');
    expect(reportedTaskStatus([r('lead', 'done', 100), r('lead', 'done', 100), r('co', 'in_progress', 50)])).toBe(
      'done',
    );
    expect(reportedTaskStatus([r('lead', 'done', 100), r('lead', 'in_progress', 60)])).toBe('in_progress');
    expect(reportedTaskStatus([r('lead', 'in_progress', 60), r('co', 'delayed', 10)])).toBe('in_progress');
    expect(reportedTaskStatus([r('co', 'delayed', 10), r('co', 'in_progress', 50)])).toBe('delayed');
    expect(reportedTaskStatus([r('lead', 'not_started', 0)])).toBe('not_started');
    expect(reportedTaskStatus([r('lead', 'suspended', 0)])).toBe('suspended');
    expect(reportedTaskStatus([r('lead', 'suspended', 0), r('lead', 'not_started', 0)])).toBe('not_started');
  });
});
