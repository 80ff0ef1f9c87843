import { SHARED_FIGURES, type SharedFigure } from '../../../common/api/parks.ts';
import { domain as zhDomain } from '../../../common/i18n/zh-CN/domain.ts';
import { parseAmount, toHalfWidth, FEN_PER_YUAN, type Fen } from '../../../common/money/money.ts';
import { periodLabel, type Period } from '../../kernel/reporting-period.ts';
import { cellText, type Cell } from '../../kernel/sheet/cell-values.ts';
import { columnRowError } from '../../kernel/sheet/column-sheet.ts';
import { normaliseName } from '../../kernel/sheet/normalise-name.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import { checkLedgerEntry, entriesAsOf, type LedgerEntry } from './park-ledger.ts';
import type { SharingAgreement } from './sharing-agreement.ts';
import { FIGURE_BY_LABEL, LEDGER_ROW_MESSAGES, LEDGER_SHEET_COLUMNS } from './ledger-sheet.ts';

/** A valid row of the ledger sheet. */
export interface LedgerDraft {
  row: number;
  enterpriseId: string;
  enterpriseName: string;
  figure: SharedFigure;
  period: Period;
  amount: Fen;
}

export interface SettledEnterprise {
  id: string;
  name: string;
  creditCode: string | null;
}

type Columns = ReadonlyMap<string, number>;
const err = (row: number, columns: Columns, key: string, code: string, params: Record<string, string | number> = {}) =>
  columnRowError(LEDGER_SHEET_COLUMNS, row, columns, key, code, params, LEDGER_ROW_MESSAGES);

function cellInteger(c: Cell, pattern: RegExp): number | null {
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  if (typeof c !== 'string') return null;
  const m = pattern.exec(toHalfWidth(c).trim());
  return m ? Number(m[1]) : null;
}

/** Reads one row: each bad cell is named, and nothing of the row is kept unless every cell is right. */
export function validateLedgerRow(
  r: { row: number; cells: Record<string, Cell> },
  columns: Columns,
  enterprises: ReadonlyMap<string, SettledEnterprise>,
): { ok: true; draft: LedgerDraft } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const bad = (key: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push(err(r.row, columns, key, code, params));

  const name = cellText(r.cells.enterprise ?? null);
  const enterprise = name ? enterprises.get(normaliseName(name)) : undefined;
  if (!name) bad('enterprise', 'required');
  else if (!enterprise) bad('enterprise', 'enterprise_not_in_park', { text: name });
  const code = cellText(r.cells.creditCode ?? null)?.toUpperCase();
  if (code && enterprise?.creditCode && code !== enterprise.creditCode.toUpperCase())
    bad('creditCode', 'credit_code_mismatch', { code: enterprise.creditCode });

  const figureText = cellText(r.cells.figure ?? null);
  const figure = figureText
    ? (FIGURE_BY_LABEL.get(figureText) ?? FIGURE_BY_LABEL.get(figureText.toLowerCase()))
    : undefined;
  if (!figureText) bad('figure', 'required');
  else if (!figure)
    bad('figure', 'invalid_choice', { choices: SHARED_FIGURES.map((f) => zhDomain.sharedFigures[f]).join('、') });

  const yearCell = r.cells.year ?? null;
  const year = yearCell === null ? null : cellInteger(yearCell, /^(\d{4})\s*年?(度)?$/);
  if (yearCell === null) bad('year', 'required');
  else if (year === null || year < 1990 || year > 2100) bad('year', 'invalid_year');

  const monthCell = r.cells.month ?? null;
  const wholeYear = monthCell === null || (typeof monthCell === 'string' && /^(全年|年度)$/.test(monthCell.trim()));
  const month = wholeYear ? null : cellInteger(monthCell, /^(\d{1,2})\s*月?$/);
  if (!wholeYear && (month === null || month < 1 || month > 12)) bad('month', 'invalid_month_number');

  const amountCell = r.cells.amount ?? null;
  let amount: Fen | null = null;
  if (amountCell === null) bad('amount', 'required');
  else if (typeof amountCell !== 'number' && typeof amountCell !== 'string') bad('amount', 'invalid_yuan');
  else {
    const parsed = parseAmount(amountCell, FEN_PER_YUAN);
    if (!parsed.ok) bad('amount', parsed.error === 'too_big' ? 'too_big' : 'invalid_yuan');
    else if (parsed.fen < 0n) bad('amount', 'negative_amount');
    else amount = parsed.fen;
  }

  if (errors.length || !enterprise || !figure || year === null || amount === null) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      row: r.row,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      figure,
      period: { year, month },
      amount,
    },
  };
}

/** Settled enterprises by their name compared without spaces, punctuation, width or case. */
export function enterpriseIndex(enterprises: readonly SettledEnterprise[]): Map<string, SettledEnterprise> {
  return new Map(enterprises.map((e) => [normaliseName(e.name), e]));
}

export type LedgerAction =
  | { kind: 'create'; draft: LedgerDraft }
  | { kind: 'correct'; draft: LedgerDraft; supersedesId: string }
  | { kind: 'unchanged'; draft: LedgerDraft; entryId: string };

const keyOf = (e: { enterpriseId: string; figure: string; period: Period }) =>
  `${e.enterpriseId}|${e.figure}|${e.period.year}|${e.period.month ?? ''}`;

/**
 * What importing the valid rows does, against the ledger as it stands: a row whose enterprise, figure and period
 * have no entry in force becomes a new entry; one whose entry in force has the same amount is left alone (so a
 * repeated upload records nothing); one with another amount becomes a correction superseding that entry. Each
 * new entry meets the rules of one typed in (park-ledger.ts); two rows for the same entry are an error.
 */
export function planLedgerImport(
  drafts: readonly LedgerDraft[],
  existing: readonly LedgerEntry[],
  ctx: {
    columns: Columns;
    enterpriseIds: ReadonlySet<string>;
    agreementFor: (year: number) => SharingAgreement | null;
    today: string;
  },
): { actions: LedgerAction[]; errors: RowError[]; counts: Record<LedgerAction['kind'], number> } {
  const byKey = new Map<string, LedgerEntry[]>();
  for (const e of existing) byKey.set(keyOf(e), [...(byKey.get(keyOf(e)) ?? []), e]);
  const sameSeries = new Map<string, LedgerEntry[]>();
  for (const e of existing)
    sameSeries.set(`${e.enterpriseId}|${e.figure}`, [...(sameSeries.get(`${e.enterpriseId}|${e.figure}`) ?? []), e]);

  const actions: LedgerAction[] = [];
  const errors: RowError[] = [];
  const firstRow = new Map<string, number>();
  for (const d of drafts) {
    const key = keyOf(d);
    const first = firstRow.get(key);
    if (first !== undefined) {
      errors.push(
        err(d.row, ctx.columns, 'enterprise', 'duplicate_in_file', {
          first,
          key: `${d.enterpriseName} ${zhDomain.sharedFigures[d.figure]} ${periodLabel(d.period)}`,
        }),
      );
      continue;
    }
    firstRow.set(key, d.row);
    const chain = byKey.get(key) ?? [];
    const live = entriesAsOf(chain, '9999-12-31T23:59:59Z')[0];
    if (live && live.amount === d.amount) {
      actions.push({ kind: 'unchanged', draft: d, entryId: live.id });
      continue;
    }
    const problems = checkLedgerEntry(
      {
        enterpriseId: d.enterpriseId,
        figure: d.figure,
        period: d.period,
        amount: d.amount,
        supersedesId: live?.id ?? null,
      },
      {
        parkEnterpriseIds: ctx.enterpriseIds,
        existing: sameSeries.get(`${d.enterpriseId}|${d.figure}`) ?? [],
        agreement: ctx.agreementFor(d.period.year),
        today: ctx.today,
      },
    );
    for (const p of problems) {
      const column =
        p.field === 'enterpriseId'
          ? 'enterprise'
          : p.field === 'period'
            ? d.period.month === null && p.code !== 'period_straddles_terms'
              ? 'year'
              : 'month'
            : 'amount';
      errors.push(err(d.row, ctx.columns, column, p.code));
    }
    if (problems.length) continue;
    actions.push(live ? { kind: 'correct', draft: d, supersedesId: live.id } : { kind: 'create', draft: d });
  }
  const counts = { create: 0, correct: 0, unchanged: 0 };
  for (const a of actions) counts[a.kind] += 1;
  return { actions, errors, counts };
}
