import type { Figure, Indicator, Term } from '../../../common/api/indicators.ts';
import { useI18n } from '../../app/i18n.tsx';

/** A term as officials read it: the measure's name, and its side when it is fixed to one. */
export function useTermText() {
  const { t } = useI18n();
  return (term: Term) =>
    [
      t(`ui.indicators.measures.${term.measure}`),
      term.filters.side ? `（${t(`domain.sides.${term.filters.side}`)}）` : '',
    ].join('');
}

/** numerator ÷ denominator × factor, in words. */
export function FormulaText({ indicator }: { indicator: Indicator }) {
  const termText = useTermText();
  const factor = Number(indicator.factor);
  return (
    <span>
      {termText(indicator.numerator)}
      {indicator.denominator && ` ÷ ${termText(indicator.denominator)}`}
      {factor !== 1 && ` × ${factor}`}
    </span>
  );
}

/** A value with its unit; "—" where there is none (a ratio over nothing, a side the indicator does not have). */
export function useValueText() {
  const { t } = useI18n();
  return (indicator: Pick<Indicator, 'unit'>, value: number | null | undefined) =>
    value === null || value === undefined
      ? t('ui.indicators.noValue')
      : `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} ${t(`ui.indicators.units.${indicator.unit}`)}`;
}

export const figureValue = (f: Figure | null | undefined) => f?.value ?? null;
