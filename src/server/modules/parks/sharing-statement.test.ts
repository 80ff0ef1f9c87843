import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeStatement } from './sharing-statement.ts';
import { checkLedgerEntry, entriesAsOf, type LedgerEntry } from './park-ledger.ts';
import { hangzhouJilin } from './test-support/hangzhou-jilin.ts';
import { yuan } from '../../../common/money/money.ts';
import { formatYuan } from '../../../common/money/format.ts';

let seq = 0;
function entry(
  e: Partial<LedgerEntry> & Pick<LedgerEntry, 'figure' | 'period' | 'amount' | 'recordedAt'>,
): LedgerEntry {
  return { id: `e${++seq}`, enterpriseId: 'E1', supersedesId: null, ...e };
}

describe('benefit-sharing statement, checked by hand', () => {
  const agreement = hangzhouJilin();

  /*
   * 2024, shares change on 1 July (50:50 → 30:70).
   * 增值税: E1 March 123,456.79 元 and E2 May 0.02 元 fall under 50:50: 12,345,681 fen → 6,172,840.5 each; the odd
   *   fen goes to the party listed first (杭州) → 6,172,841 / 6,172,840.
   *   E1 September 100,000.01 元 falls under 30:70: 10,000,001 fen → 3,000,000.3 / 7,000,000.7 → floors 3,000,000 /
   *   7,000,000, the leftover fen to the larger remainder (吉林) → 3,000,000 / 7,000,001.
   *   杭州 91,728.41 元, 吉林 131,728.41 元, total 223,456.82 元.
   * 企业所得税: E1 December 50,000.00 元 under 30:70 → 15,000.00 / 35,000.00.
   * 个人所得税: 8,000 元 is not shared by this agreement.
   * 地区生产总值: E1 whole-year output figure 3,000,000.01 元 at 50:50 → 1,500,000.01 / 1,500,000.00.
   */
  const entries2024 = [
    entry({
      figure: 'vat',
      period: { year: 2024, month: 3 },
      amount: yuan('123456.79'),
      recordedAt: '2024-04-10T09:00:00Z',
    }),
    entry({
      enterpriseId: 'E2',
      figure: 'vat',
      period: { year: 2024, month: 5 },
      amount: yuan('0.02'),
      recordedAt: '2024-06-10T09:00:00Z',
    }),
    entry({
      figure: 'vat',
      period: { year: 2024, month: 9 },
      amount: yuan('100000.01'),
      recordedAt: '2024-10-10T09:00:00Z',
    }),
    entry({
      figure: 'corporate_income_tax',
      period: { year: 2024, month: 12 },
      amount: yuan('50000'),
      recordedAt: '2025-01-10T09:00:00Z',
    }),
    entry({
      figure: 'personal_income_tax',
      period: { year: 2024, month: 12 },
      amount: yuan('8000'),
      recordedAt: '2025-01-10T09:00:00Z',
    }),
    entry({
      figure: 'gdp',
      period: { year: 2024, month: null },
      amount: yuan('3000000.01'),
      recordedAt: '2025-02-10T09:00:00Z',
    }),
  ];

  it('applies the shares in force in each part of the year, exact to the fen', () => {
    const s = computeStatement(agreement, entries2024, 2024, '2025-03-01T00:00:00Z');
    const vat = s.figures.find((f) => f.figure === 'vat')!;
    expect(vat.groups.map((g) => g.parts)).toEqual([
      [6_172_841n, 6_172_840n],
      [3_000_000n, 7_000_001n],
    ]);
    expect(vat.parts.map((x) => formatYuan(x))).toEqual(['91,728.41元', '131,728.41元']);
    expect(formatYuan(vat.total)).toBe('223,456.82元');
    const [hz, jl] = s.parties;
    expect(formatYuan(hz!.byFigure.corporate_income_tax)).toBe('15,000.00元');
    expect(formatYuan(jl!.byFigure.corporate_income_tax)).toBe('35,000.00元');
    expect(formatYuan(hz!.taxTotal)).toBe('106,728.41元');
    expect(formatYuan(jl!.taxTotal)).toBe('166,728.41元');
    expect(hz!.byFigure.gdp).toBe(150_000_001n);
    expect(jl!.byFigure.gdp).toBe(150_000_000n);
    const iit = s.figures.find((f) => f.figure === 'personal_income_tax')!;
    expect(iit).toMatchObject({ total: yuan('8000'), shared: 0n, notShared: yuan('8000'), parts: [0n, 0n] });
    expect(s.entryCount).toBe(6);
  });

  it('reproduces a past year as of a date after a later correction of that year', () => {
    // 2023 企业所得税 of E1 first reported as 1,000,000.00 元, corrected in August 2024 to 1,200,000.01 元.
    const original = entry({
      figure: 'corporate_income_tax',
      period: { year: 2023, month: null },
      amount: yuan('1000000'),
      recordedAt: '2024-02-01T08:00:00Z',
    });
    const correction = entry({
      figure: 'corporate_income_tax',
      period: { year: 2023, month: null },
      amount: yuan('1200000.01'),
      recordedAt: '2024-08-15T08:00:00Z',
      supersedesId: original.id,
    });
    const all = [...entries2024, original, correction];

    const before = computeStatement(agreement, all, 2023, '2024-03-01T00:00:00Z');
    expect(before.parties.map((p) => formatYuan(p.taxTotal))).toEqual(['500,000.00元', '500,000.00元']);
    expect(before.correctionCount).toBe(0);
    // Drawn up again today for the same date, the statement is the same.
    expect(computeStatement(agreement, all, 2023, '2024-03-01T00:00:00Z')).toEqual(before);

    // After the correction: 120,000,001 fen at 50:50 → 60,000,000.5 each → the odd fen to 杭州.
    const after = computeStatement(agreement, all, 2023, '2024-09-01T00:00:00Z');
    expect(after.parties.map((p) => formatYuan(p.taxTotal))).toEqual(['600,000.01元', '600,000.00元']);
    expect(after.correctionCount).toBe(1);
    expect(after.entryCount).toBe(1);
    // The 2024 statement is untouched by a correction of 2023.
    expect(computeStatement(agreement, all, 2024, '2025-03-01T00:00:00Z').parties.map((p) => p.taxTotal)).toEqual(
      computeStatement(agreement, entries2024, 2024, '2025-03-01T00:00:00Z').parties.map((p) => p.taxTotal),
    );
  });

  it('reports an entry that crosses a change of shares as unallocated, not guessed', () => {
    const yearly = entry({
      figure: 'vat',
      period: { year: 2024, month: null },
      amount: yuan('100'),
      recordedAt: '2025-01-01T00:00:00Z',
    });
    const s = computeStatement(agreement, [yearly], 2024, '2025-02-01T00:00:00Z');
    expect(s.figures[0]).toMatchObject({
      figure: 'vat',
      total: yuan('100'),
      shared: 0n,
      unallocated: yuan('100'),
      parts: [0n, 0n],
    });
  });

  it("property: for any ledger, each figure's parties add up to its shared total", () => {
    const months = fc.record({
      year: fc.integer({ min: 2019, max: 2026 }),
      month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    });
    const arbEntry = fc.record({
      enterpriseId: fc.constantFrom('E1', 'E2', 'E3'),
      figure: fc.constantFrom('vat', 'corporate_income_tax', 'gdp', 'other_tax') as fc.Arbitrary<LedgerEntry['figure']>,
      period: months,
      amount: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    });
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 40 }), fc.integer({ min: 2019, max: 2026 }), (rows, year) => {
        const ledger = rows.map((r, i) => ({
          ...r,
          id: `p${i}`,
          recordedAt: '2027-01-01T00:00:00Z',
          supersedesId: null,
        }));
        const s = computeStatement(agreement, ledger, year, '2027-01-02T00:00:00Z');
        return s.figures.every(
          (f) => f.parts.reduce((a, b) => a + b, 0n) === f.shared && f.shared + f.notShared + f.unallocated === f.total,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the park ledger', () => {
  const ctx = (existing: LedgerEntry[] = []) => ({
    parkEnterpriseIds: new Set(['E1', 'E2']),
    existing,
    agreement: hangzhouJilin(),
    today: '2026-06-30',
  });
  const codes = (p: { field: string; code: string }[]) => p.map((x) => `${x.field}:${x.code}`);
  const base = {
    enterpriseId: 'E1',
    figure: 'vat' as const,
    period: { year: 2024, month: 3 },
    amount: yuan('10'),
    supersedesId: null,
  };

  it('refuses an enterprise not in the park, a negative amount and a future period', () => {
    expect(codes(checkLedgerEntry({ ...base, enterpriseId: 'X9' }, ctx()))).toEqual([
      'enterpriseId:enterprise_not_in_park',
    ]);
    expect(codes(checkLedgerEntry({ ...base, amount: -1n }, ctx()))).toEqual(['amount:negative_amount']);
    expect(codes(checkLedgerEntry({ ...base, period: { year: 2026, month: 8 } }, ctx()))).toEqual([
      'period:period_in_future',
    ]);
    expect(codes(checkLedgerEntry({ ...base, period: { year: 2024, month: 13 } }, ctx()))).toEqual([
      'period:invalid_value',
    ]);
  });

  it('refuses a whole-year entry across a change of shares', () => {
    expect(codes(checkLedgerEntry({ ...base, period: { year: 2024, month: null } }, ctx()))).toEqual([
      'period:period_straddles_terms',
    ]);
    expect(checkLedgerEntry({ ...base, period: { year: 2023, month: null } }, ctx())).toEqual([]);
  });

  it('takes corrections as new entries, one per entry corrected', () => {
    const first = entry({ ...base, recordedAt: '2024-04-01T00:00:00Z' });
    expect(codes(checkLedgerEntry(base, ctx([first])))).toEqual(['period:ledger_entry_exists']);
    expect(checkLedgerEntry({ ...base, amount: yuan('12'), supersedesId: first.id }, ctx([first]))).toEqual([]);
    expect(
      codes(checkLedgerEntry({ ...base, period: { year: 2024, month: 4 }, supersedesId: first.id }, ctx([first]))),
    ).toEqual(['supersedesId:correction_mismatch']);
    const fix = entry({ ...base, amount: yuan('12'), supersedesId: first.id, recordedAt: '2024-05-01T00:00:00Z' });
    expect(codes(checkLedgerEntry({ ...base, supersedesId: first.id }, ctx([first, fix])))).toEqual([
      'supersedesId:already_corrected',
    ]);
    expect(checkLedgerEntry({ ...base, amount: 0n, supersedesId: fix.id }, ctx([first, fix]))).toEqual([]);
    expect(entriesAsOf([first, fix], '2024-04-15T00:00:00Z').map((e) => e.id)).toEqual([first.id]);
    expect(entriesAsOf([first, fix], '2024-05-15T00:00:00Z').map((e) => e.id)).toEqual([fix.id]);
  });
});
