import { describe, it, expect } from 'vitest';
import { checkReport, series, valueAt, currentFigures, type FigureReport } from './project-money.ts';
import { replay, type StageEntry } from './stage-machine.ts';
import { wan } from '../../../common/money/money.ts';
import type { MoneyFigure } from '../../../common/api/projects.ts';

const TODAY = '2026-06-30';
let clock = 0;
const report = (
  figure: MoneyFigure,
  year: number,
  month: number | null,
  amount: string,
  extra: Partial<FigureReport> = {},
): FigureReport => ({
  figure,
  period: { year, month },
  amount: wan(amount),
  recordedAt: new Date(Date.UTC(2026, 0, 1) + 1000 * clock++).toISOString(),
  ...extra,
});

function history(...moves: [string, string][]): StageEntry[] {
  const r = replay(
    moves.map(([to, on]) => ({ to: to as never, on })),
    TODAY,
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.state.history;
}

const codes = (p: { field: string; code: string }[]) => p.map((x) => `${x.field}:${x.code}`);

describe('project money rules', () => {
  const signedAndStarted = history(['signed', '2024-03-15'], ['started', '2024-09-01']);

  it('refuses negative amounts, naming the figure', () => {
    expect(codes(checkReport([], report('planned', 2024, 3, '-1'), signedAndStarted, TODAY))).toEqual([
      'planned:negative_amount',
    ]);
  });

  it('refuses 完成投资 before 开工, and 签约额 before 签约', () => {
    const planning = history(['planning', '2024-01-01']);
    expect(codes(checkReport([], report('completed', 2024, 6, '10'), planning, TODAY))).toEqual([
      'completed:completed_before_start',
    ]);
    expect(codes(checkReport([], report('completed', 2024, 8, '10'), signedAndStarted, TODAY))).toEqual([
      'completed:completed_before_start',
    ]);
    expect(checkReport([], report('completed', 2024, 9, '10'), signedAndStarted, TODAY)).toEqual([]);
    expect(checkReport([], report('completed', 2024, null, '10'), signedAndStarted, TODAY)).toEqual([]);
    expect(codes(checkReport([], report('signed', 2024, 1, '100'), planning, TODAY))).toEqual([
      'signed:signed_before_signing',
    ]);
    expect(checkReport([], report('signed', 2024, 3, '100'), signedAndStarted, TODAY)).toEqual([]);
    // A zero is a report like any other, whatever the stage.
    expect(checkReport([], report('completed', 2024, 1, '0'), planning, TODAY)).toEqual([]);
  });

  it('refuses a period still to come', () => {
    expect(codes(checkReport([], report('planned', 2026, 7, '1'), signedAndStarted, TODAY))).toEqual([
      'period:period_in_future',
    ]);
  });

  it('refuses 到位资金 above 签约额 unless an override with a reason is recorded', () => {
    const existing = [report('signed', 2024, 3, '1000')];
    expect(codes(checkReport(existing, report('arrived', 2024, 6, '1000.000001'), signedAndStarted, TODAY))).toEqual([
      'arrived:arrived_exceeds_signed',
    ]);
    expect(checkReport(existing, report('arrived', 2024, 6, '1000'), signedAndStarted, TODAY)).toEqual([]);
    expect(
      checkReport(
        existing,
        report('arrived', 2024, 6, '1200', { override: { reason: '追加投资协议待签' } }),
        signedAndStarted,
        TODAY,
      ),
    ).toEqual([]);
    expect(
      codes(
        checkReport(
          existing,
          report('arrived', 2024, 6, '1200', { override: { reason: '  ' } }),
          signedAndStarted,
          TODAY,
        ),
      ),
    ).toEqual(['override.reason:required']);
    // 到位资金 before any 签约额 exceeds a 签约额 of nothing.
    expect(codes(checkReport([], report('arrived', 2024, 6, '1'), signedAndStarted, TODAY))).toEqual([
      'arrived:arrived_exceeds_signed',
    ]);
  });

  it('refuses lowering 签约额 below the 到位资金 already reported', () => {
    const existing = [report('signed', 2024, 3, '1000'), report('arrived', 2024, 6, '800')];
    expect(codes(checkReport(existing, report('signed', 2024, 3, '500'), signedAndStarted, TODAY))).toEqual([
      'signed:signed_below_arrived',
    ]);
    expect(checkReport(existing, report('signed', 2024, 3, '900'), signedAndStarted, TODAY)).toEqual([]);
  });

  it('keeps cumulative figures from going down across periods', () => {
    const existing = [
      report('signed', 2024, 3, '1000'),
      report('arrived', 2024, 6, '300'),
      report('arrived', 2024, 12, '600'),
    ];
    expect(codes(checkReport(existing, report('arrived', 2024, 9, '200'), signedAndStarted, TODAY))).toEqual([
      'arrived:cumulative_decrease',
    ]);
    expect(codes(checkReport(existing, report('arrived', 2024, 9, '700'), signedAndStarted, TODAY))).toEqual([
      'arrived:cumulative_exceeds_later',
    ]);
    expect(checkReport(existing, report('arrived', 2024, 9, '450'), signedAndStarted, TODAY)).toEqual([]);
  });

  it('keeps corrections as history; the latest recorded report of a period counts', () => {
    const first = report('arrived', 2024, 6, '300');
    const fix = report('arrived', 2024, 6, '350');
    const later = report('arrived', 2024, 12, '500');
    const all = [later, fix, first, report('signed', 2024, 3, '1000')];
    const s = series(all, 'arrived');
    expect(s.map((r) => r.amount)).toEqual([wan('350'), wan('500')]);
    expect(series(all, 'arrived', first.recordedAt).map((r) => r.amount)).toEqual([wan('300')]);
    expect(valueAt(s, { year: 2024, month: 9 })).toBe(wan('350'));
    expect(valueAt(s, { year: 2024, month: 1 })).toBe(0n);
    expect(currentFigures(all)).toEqual({ signed: wan('1000'), planned: 0n, arrived: wan('500'), completed: 0n });
  });
});
