import { formatWan } from '../../../common/money/format.ts';
import { wan } from '../../../common/money/money.ts';

/** 万元 as the API gives it ("150000.5"), with thousands separators and no unit: 150,000.5. */
export function wanText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatWan(wan(value), { unit: false, trim: true, decimals: 6 });
}
