import type { GradeBand, ScoringRule } from '../../../common/api/evaluations.ts';

const clamp = (n: number) => Math.max(0, Math.min(100, n));
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * An indicator's score out of 100 under its rule, where higher or lower is better. Null: linear scoring without
 * a target — the indicator is left out of the subject's weighting rather than scored 0 for a target never set.
 * A missing value (a ratio over nothing) scores 0 for linear and thresholds: nothing was achieved.
 */
export function indicatorScore(
  rule: ScoringRule,
  direction: 'higher' | 'lower',
  value: number | null,
  target: number | null,
): number | null {
  if (rule.kind === 'yes_no') {
    if (direction === 'higher') return value !== null && value > 0 ? 100 : 0;
    return value === null || value === 0 ? 100 : 0;
  }
  if (rule.kind === 'thresholds') {
    if (value === null) return 0;
    const reached = rule.steps.filter((s) => (direction === 'higher' ? value >= s.bound : value <= s.bound));
    return reached.length ? Math.max(...reached.map((s) => s.score)) : 0;
  }
  if (target === null) return null;
  if (value === null) return 0;
  if (direction === 'higher') return round2(target <= 0 ? 100 : clamp((value / target) * 100));
  if (value <= target) return 100;
  return round2(value <= 0 ? 100 : clamp((target / value) * 100));
}

/** The weighted mean of the scored indicators (weights of unscored ones left out); null when none is scored. */
export function weightedScore(parts: readonly { weight: number; score: number | null }[]): number | null {
  const scored = parts.filter((p) => p.score !== null);
  const weights = scored.reduce((s, p) => s + p.weight, 0);
  if (!weights) return null;
  return round2(scored.reduce((s, p) => s + p.weight * p.score!, 0) / weights);
}

/** The grade of a score: the band with the highest minimum the score reaches. */
export function gradeOf(scale: readonly GradeBand[], score: number | null): string | null {
  if (score === null) return null;
  const band = [...scale].sort((a, b) => b.min - a.min).find((b) => score >= b.min);
  return band?.grade ?? null;
}

/** Competition ranks (1, 2, 2, 4) by score, highest first; unscored subjects get no rank. */
export function ranks(scores: ReadonlyMap<string, number | null>): Map<string, number> {
  const sorted = [...scores].filter(([, s]) => s !== null).sort((a, b) => b[1]! - a[1]!);
  const out = new Map<string, number>();
  sorted.forEach(([id, s], i) => {
    const prev = sorted[i - 1];
    out.set(id, prev && prev[1] === s ? out.get(prev[0])! : i + 1);
  });
  return out;
}
