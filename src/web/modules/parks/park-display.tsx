import { formatYuan } from '../../../common/money/format.ts';
import { yuan } from '../../../common/money/money.ts';

/** 元 exact to the fen as the API gives it ("123456.70"), with thousands separators and no unit: 123,456.70. */
export function yuanText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatYuan(yuan(value), { unit: false });
}
