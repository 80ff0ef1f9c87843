import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { MoneyFigure } from '../../../common/api/projects.ts';
import { toWan, type Fen } from '../../../common/money/money.ts';
import { reachedOn, type StageEntry } from './stage-machine.ts';
import {
  comparePeriods,
  periodEnd,
  periodLabel,
  periodStart,
  samePeriod,
  type Period,
} from '../../kernel/reporting-period.ts';

/**
 * The four money figures of a project, each its own series of reports; one figure is never added to or compared
 * with another except where a rule says so (到位资金 against 签约额).
 *
 * Every report gives the figure's value at the end of its period, cumulative since the project began (截至期末
 * 累计), in fen. A later report for the same figure and period is a correction: the series keeps both, and the
 * latest recorded one counts. So the history of what was reported, and when, is never lost.
 */
export interface FigureReport {
  figure: MoneyFigure;
  period: Period;
  amount: Fen;
  /** ISO timestamp; orders corrections of the same period. */
  recordedAt: string;
  /** An explicit, recorded decision to let 到位资金 exceed 签约额 (a reason is required). */
  override?: { reason: string } | null;
}

/** One value per period for one figure: the latest recorded report of each period, as of `asOf` when given. */
export function series(reports: readonly FigureReport[], figure: MoneyFigure, asOf?: string): FigureReport[] {
  const latest: FigureReport[] = [];
  const mine = reports.filter((r) => r.figure === figure && (!asOf || r.recordedAt <= asOf));
  mine.sort(
    (a, b) =>
      comparePeriods(a.period, b.period) || (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0),
  );
  for (const r of mine) {
    const last = latest[latest.length - 1];
    if (last && samePeriod(last.period, r.period)) latest[latest.length - 1] = r;
    else latest.push(r);
  }
  return latest;
}

/** The figure's value at the end of `period`: the last report on or before it, or 0. */
export function valueAt(s: readonly FigureReport[], period: Period): Fen {
  let v = 0n;
  for (const r of s) {
    if (comparePeriods(r.period, period) > 0) break;
    v = r.amount;
  }
  return v;
}

/** The latest value of each figure: what the ledger shows. */
export function currentFigures(reports: readonly FigureReport[]): Record<MoneyFigure, Fen> {
  const last = (f: MoneyFigure) => series(reports, f).at(-1)?.amount ?? 0n;
  return { signed: last('signed'), planned: last('planned'), arrived: last('arrived'), completed: last('completed') };
}

/**
 * The problems a new report would cause, each naming the figure as the field. Checked against the project's
 * stage history and its other reports:
 * - no negative amount;
 * - no period after today's;
 * - 签约额 only once the project is signed, and 完成投资 only once it has started (开工), for periods ending on or
 *   after that date;
 * - 到位资金 and 完成投资 are cumulative, so a period's value is not below an earlier period's or above a later one;
 * - 到位资金 not above the 签约额 in force at that period, unless the report carries an override with a reason.
 */
export function checkReport(
  existing: readonly FigureReport[],
  candidate: FigureReport,
  history: readonly StageEntry[],
  today: string,
): ErrorDetail[] {
  const f = candidate.figure;
  const problems: ErrorDetail[] = [];
  const end = periodEnd(candidate.period);
  if (candidate.amount < 0n) problems.push(fieldError(f, 'negative_amount'));
  if (periodStart(candidate.period) > today) problems.push(fieldError('period', 'period_in_future'));
  if (candidate.amount > 0n && f === 'signed') {
    const signedOn = reachedOn(history, 'signed');
    if (!signedOn || end < signedOn)
      problems.push(fieldError(f, 'signed_before_signing', { period: periodLabel(candidate.period) }));
  }
  if (candidate.amount > 0n && f === 'completed') {
    const startedOn = reachedOn(history, 'started');
    if (!startedOn || end < startedOn)
      problems.push(fieldError(f, 'completed_before_start', { period: periodLabel(candidate.period) }));
  }
  if (candidate.override && !candidate.override.reason.trim()) problems.push(fieldError('override.reason', 'required'));
  if (problems.length) return problems;

  const all = [...existing, candidate];
  if (f === 'arrived' || f === 'completed') {
    const s = series(all, f);
    const i = s.findIndex((r) => samePeriod(r.period, candidate.period));
    const before = s[i - 1];
    const after = s[i + 1];
    if (before && candidate.amount < before.amount)
      problems.push(
        fieldError(f, 'cumulative_decrease', { period: periodLabel(before.period), amount: toWan(before.amount) }),
      );
    if (after && candidate.amount > after.amount)
      problems.push(
        fieldError(f, 'cumulative_exceeds_later', { period: periodLabel(after.period), amount: toWan(after.amount) }),
      );
  }
  if (f === 'arrived' || f === 'signed') {
    const signed = series(all, 'signed');
    // A new 到位资金 is checked at its own period; a new 签约额 against every 到位资金 it would leave uncovered.
    const arrived = series(all, 'arrived').filter((a) => f === 'signed' || samePeriod(a.period, candidate.period));
    for (const a of arrived) {
      const cap = valueAt(signed, a.period);
      if (a.amount <= cap || a.override?.reason.trim()) continue;
      const code = f === 'arrived' ? 'arrived_exceeds_signed' : 'signed_below_arrived';
      problems.push(
        fieldError(f, code, { signed: toWan(cap), arrived: toWan(a.amount), period: periodLabel(a.period) }),
      );
      break;
    }
  }
  return problems;
}
