import type { SharingAgreement } from '../sharing-agreement.ts';
import { parsePercent } from '../../../../common/money/share.ts';

/** A percent literal as an agreement share. */
export const pct = (s: string) => {
  const r = parsePercent(s);
  if (!r.ok) throw new Error(s);
  return r.share;
};

/** 50:50 for the first five years from 2019-07-01, then 30:70; GDP counted 50:50 throughout. */
export const hangzhouJilin = (): SharingAgreement => ({
  parties: [
    { key: 'out', name: '杭州市（飞出地）', regionCode: '330100' },
    { key: 'in', name: '吉林市（飞入地）', regionCode: '220200' },
  ],
  startsOn: '2019-07-01',
  endsOn: '2034-06-30',
  terms: [
    {
      figures: ['vat', 'corporate_income_tax'],
      from: '2019-07-01',
      to: '2024-06-30',
      shares: { out: pct('50'), in: pct('50') },
    },
    {
      figures: ['vat', 'corporate_income_tax'],
      from: '2024-07-01',
      to: null,
      shares: { out: pct('30'), in: pct('70') },
    },
    { figures: ['gdp'], from: '2019-07-01', to: null, shares: { out: pct('50'), in: pct('50') } },
  ],
  costShares: { out: pct('60'), in: pct('40') },
});
