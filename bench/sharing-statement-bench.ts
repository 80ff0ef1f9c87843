/**
 * `npx tsx bench/sharing-statement-bench.ts`: the benefit-sharing statement of a park with 1,000 enterprises over
 * 10 years (monthly 增值税 and 企业所得税, yearly GDP: 250,000 ledger entries, about 1 % of them corrected), shares changing
 * after five years. Times the computation of one year's statement from that year's entries (what the API
 * loads), and of all ten years from the whole ledger. Not a test.
 */
import { computeStatement } from '../src/server/modules/parks/sharing-statement.ts';
import type { LedgerEntry } from '../src/server/modules/parks/park-ledger.ts';
import type { SharingAgreement } from '../src/server/modules/parks/sharing-agreement.ts';

const agreement: SharingAgreement = {
  parties: [{ key: 'out', name: '飞出地' }, { key: 'in', name: '飞入地' }],
  startsOn: '2016-01-01',
  endsOn: '2035-12-31',
  terms: [
    { figures: ['vat', 'corporate_income_tax'], from: '2016-01-01', to: '2020-12-31', shares: { out: 500_000n, in: 500_000n } },
    { figures: ['vat', 'corporate_income_tax'], from: '2021-01-01', to: null, shares: { out: 300_000n, in: 700_000n } },
    { figures: ['gdp'], from: '2016-01-01', to: null, shares: { out: 500_000n, in: 500_000n } },
  ],
};
const entries: LedgerEntry[] = [];
let n = 0;
for (let e = 0; e < 1000; e++) {
  for (let year = 2016; year < 2026; year++) {
    for (let month = 1; month <= 12; month++) {
      for (const figure of ['vat', 'corporate_income_tax'] as const) {
        const id = `x${n++}`;
        entries.push({ id, enterpriseId: `E${e}`, figure, period: { year, month }, amount: BigInt(1_000_000 + ((n * 7919) % 9_000_000)), recordedAt: `${year + 1}-01-15T00:00:00.000Z`, supersedesId: null });
        if (n % 97 === 0) entries.push({ id: `c${n}`, enterpriseId: `E${e}`, figure, period: { year, month }, amount: 123_456_789n, recordedAt: `${year + 1}-06-15T00:00:00.000Z`, supersedesId: id });
      }
    }
    entries.push({ id: `g${n++}`, enterpriseId: `E${e}`, figure: 'gdp', period: { year, month: null }, amount: 10n ** 10n, recordedAt: `${year + 1}-02-01T00:00:00.000Z`, supersedesId: null });
  }
}
const oneYear = entries.filter((x) => x.period.year === 2023);
let t = performance.now();
const s = computeStatement(agreement, oneYear, 2023, '2030-01-01T00:00:00.000Z');
const one = performance.now() - t;
t = performance.now();
for (let year = 2016; year < 2026; year++) computeStatement(agreement, entries, year, '2030-01-01T00:00:00.000Z');
const ten = performance.now() - t;
console.log(`${entries.length} ledger entries; one year's statement from its ${oneYear.length} entries: ${one.toFixed(0)} ms (${s.correctionCount} corrections); all ten years from the whole ledger: ${ten.toFixed(0)} ms`);
