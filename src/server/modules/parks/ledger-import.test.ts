import { describe, it, expect } from 'vitest';
import { yuan } from '../../../common/money/money.ts';
import { validateLedgerRow, planLedgerImport, enterpriseIndex, type LedgerDraft } from './ledger-import.ts';
import type { LedgerEntry } from './park-ledger.ts';
import { hangzhouJilin } from './test-support/hangzhou-jilin.ts';

const columns = new Map([
  ['seq', 1],
  ['enterprise', 2],
  ['creditCode', 3],
  ['figure', 4],
  ['year', 5],
  ['month', 6],
  ['amount', 7],
]);
const enterprises = enterpriseIndex([
  { id: 'E1', name: '吉林某汽车电子（集团）有限公司', creditCode: '91220101MA0000000X' },
  { id: 'E2', name: '长春某零部件有限公司', creditCode: null },
]);
const row = (cells: Record<string, unknown>, n = 2) => ({
  row: n,
  cells: { enterprise: '长春某零部件有限公司', figure: '增值税', year: 2024, month: 3, amount: 10, ...cells } as never,
});
const codes = (r: ReturnType<typeof validateLedgerRow>) => (r.ok ? [] : r.errors.map((e) => `${e.column}:${e.code}`));

describe('a row of the park ledger sheet', () => {
  it('accepts what offices write: full-width digits, 年/月, 全年, brackets of either width, English figure names', () => {
    const r = validateLedgerRow(
      row({
        enterprise: '吉林某汽车电子(集团)有限公司',
        creditCode: '91220101ma0000000x',
        figure: 'GDP',
        year: '２０２３年',
        month: '全年',
        amount: '1,234.5',
      }),
      columns,
      enterprises,
    );
    expect(r).toEqual({
      ok: true,
      draft: {
        row: 2,
        enterpriseId: 'E1',
        enterpriseName: '吉林某汽车电子（集团）有限公司',
        figure: 'gdp',
        period: { year: 2023, month: null },
        amount: yuan('1234.50'),
      },
    });
    const m = validateLedgerRow(row({ month: '9月', figure: 'vat' }), columns, enterprises);
    expect(m.ok && m.draft.period).toEqual({ year: 2024, month: 9 });
  });

  it('names each bad cell by column', () => {
    expect(
      codes(
        validateLedgerRow(
          row({ enterprise: null, figure: '消费税', year: 24, month: 0, amount: '1.005' }),
          columns,
          enterprises,
        ),
      ),
    ).toEqual(['B:required', 'D:invalid_choice', 'E:invalid_year', 'F:invalid_month_number', 'G:invalid_yuan']);
    expect(codes(validateLedgerRow(row({ amount: -1 }), columns, enterprises))).toEqual(['G:negative_amount']);
    expect(
      codes(
        validateLedgerRow(
          row({ enterprise: '吉林某汽车电子（集团）有限公司', creditCode: '91220101MA0000001X' }),
          columns,
          enterprises,
        ),
      ),
    ).toEqual(['C:credit_code_mismatch']);
  });
});

describe('planning a ledger import against the ledger in force', () => {
  const draft = (extra: Partial<LedgerDraft> = {}): LedgerDraft => ({
    row: 2,
    enterpriseId: 'E2',
    enterpriseName: '长春某零部件有限公司',
    figure: 'vat',
    period: { year: 2024, month: 3 },
    amount: yuan('10'),
    ...extra,
  });
  const entry = (extra: Partial<LedgerEntry>): LedgerEntry => ({
    id: 'x',
    enterpriseId: 'E2',
    figure: 'vat',
    period: { year: 2024, month: 3 },
    amount: yuan('10'),
    recordedAt: '2024-04-01T00:00:00Z',
    supersedesId: null,
    ...extra,
  });
  const ctx = {
    columns,
    enterpriseIds: new Set(['E1', 'E2']),
    agreementFor: () => hangzhouJilin(),
    today: '2026-06-30',
  };

  it('creates what is new, leaves what is on file, corrects the entry in force when the amount changed', () => {
    const existing = [
      entry({ id: 'a' }),
      entry({ id: 'b', period: { year: 2024, month: 4 }, amount: yuan('5') }),
      entry({ id: 'c', period: { year: 2024, month: 4 }, amount: yuan('6'), supersedesId: 'b' }),
    ];
    const plan = planLedgerImport(
      [
        draft(),
        draft({ row: 3, period: { year: 2024, month: 4 }, amount: yuan('7') }),
        draft({ row: 4, period: { year: 2024, month: 5 } }),
      ],
      existing,
      ctx,
    );
    expect(plan.errors).toEqual([]);
    expect(
      plan.actions.map((a) => [
        a.kind,
        a.kind === 'correct' ? a.supersedesId : a.kind === 'unchanged' ? a.entryId : null,
      ]),
    ).toEqual([
      ['unchanged', 'a'],
      ['correct', 'c'],
      ['create', null],
    ]);
    expect(plan.counts).toEqual({ create: 1, correct: 1, unchanged: 1 });
  });

  it('refuses a row repeating another, a period across a change of shares and a future one, each by column', () => {
    const plan = planLedgerImport(
      [
        draft(),
        draft({ row: 3 }),
        draft({ row: 4, period: { year: 2024, month: null } }),
        draft({ row: 5, period: { year: 2026, month: 12 } }),
      ],
      [],
      ctx,
    );
    expect(plan.errors.map((e) => `${e.row}${e.column}:${e.code}`)).toEqual([
      '3B:duplicate_in_file',
      '4F:period_straddles_terms',
      '5F:period_in_future',
    ]);
  });
});
