import type { I18n } from '../app/i18n.tsx';
import { useI18n } from '../app/i18n.tsx';

export interface Period {
  year: number;
  /** null: the whole year. */
  month: number | null;
}

/** 2024年3月 / 2024年 (whole year), as a ledger or a report names its period. */
export function periodText(period: Period, t: I18n['t']): string {
  return period.month
    ? t('ui.common.periodMonth', { year: period.year, month: period.month })
    : t('ui.common.periodYear', { year: period.year });
}

/** The month of a period as select options: the whole year (0), then 1月 to 12月. */
export function monthOptions(t: I18n['t']): { value: number; label: string }[] {
  return [
    { value: 0, label: t('ui.common.wholeYear') },
    ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('ui.common.monthN', { month: i + 1 }) })),
  ];
}

export function PeriodText({ period }: { period: Period }) {
  const { t } = useI18n();
  return <>{periodText(period, t)}</>;
}
