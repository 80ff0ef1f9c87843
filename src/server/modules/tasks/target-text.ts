import { decimalString } from '../../kernel/decimal.ts';

/** A target as plans word it (≥12 家/年); reports keep these words with their figures. */
export function targetText(t: {
  min: string | null;
  max: string | null;
  unit: string;
  perYear: boolean;
  comparison: string;
}): string {
  const [min, max] = [decimalString(t.min), decimalString(t.max)];
  const figure =
    { atLeast: `≥${min}`, atMost: `≤${max}`, range: `${min}—${max}`, exactly: `${min}` }[t.comparison] ??
    `${min ?? ''}`;
  return `${figure} ${t.unit}${t.perYear ? '/年' : ''}`;
}
