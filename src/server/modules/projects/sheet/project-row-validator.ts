import { textFault } from '../../../../common/api/text-faults.ts';
import type { PipelineStage, ProjectType, SupportKind, MoneyFigure } from '../../../../common/api/projects.ts';
import { validateProjectCode } from '../../../../common/api/project-code.ts';
import { parseAmount, toHalfWidth, FEN_PER_WAN, FEN_PER_YI, type Fen } from '../../../../common/money/money.ts';
import { industries } from '../../../kernel/industries.ts';
import { movesFromDates, replay, type StageMove } from '../stage-machine.ts';
import { checkReport, type FigureReport } from '../project-money.ts';
import type { Period } from '../../../kernel/reporting-period.ts';
import { PROJECT_SHEET_COLUMNS, STAGE_LABELS, TYPE_LABELS } from './project-sheet-columns.ts';
import { cellDate, cellFlag, cellMonth, cellText, type Cell } from '../../../kernel/sheet/cell-values.ts';
import type { RowError } from '../../../kernel/sheet/row-error.ts';
import { rowError } from './project-row-error.ts';
import type { RawRow } from './project-sheet-reader.ts';

export type { RowError };

/** A project as a valid row describes it, ready for the import service. */
export interface ProjectDraft {
  row: number;
  title: string;
  investor: string;
  investorRegionCode: string | null;
  hostRegionCode: string;
  side: 'a' | 'b';
  parkId: string | null;
  industrySection: string | null;
  industryDivision: string | null;
  type: ProjectType;
  projectCode: string | null;
  stage: PipelineStage;
  moves: StageMove[];
  figuresAsOf: Period;
  figures: Record<MoneyFigure, Fen | null>;
  arrivedOverride: string | null;
  landmark: boolean;
  greenChannel: boolean;
  support: Record<SupportKind, Fen | null>;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
}

/** What the row validator needs from the database, resolved by the import service for the chosen pairing. */
export interface RowLookups {
  resolveRegion(text: string): { code: string } | { error: 'unknown_region' | 'ambiguous_region' };
  /** The pairing side a region belongs to, or null when it is outside the pairing. */
  sideOf(regionCode: string): 'a' | 'b' | null;
  resolvePark(text: string): { id: string } | null;
  /** YYYY-MM-DD. */
  today: string;
}

const BY_KEY = new Map(PROJECT_SHEET_COLUMNS.map((c) => [c.key, c]));
const STAGE_BY_LABEL = new Map<string, PipelineStage>(
  Object.entries(STAGE_LABELS).map(([k, v]) => [v, k as PipelineStage]),
);
const TYPE_BY_LABEL = new Map<string, ProjectType>(
  Object.entries(TYPE_LABELS).flatMap(([k, v]) => [
    [v, k as ProjectType],
    [k, k as ProjectType],
  ]),
);
const FIGURE_COLUMNS: Record<MoneyFigure, string> = {
  signed: 'signedAmount',
  planned: 'plannedInvestment',
  arrived: 'arrivedFunds',
  completed: 'completedInvestment',
};
const DATE_COLUMNS: Record<Exclude<PipelineStage, 'planning'>, string> = {
  signed: 'signedOn',
  sited: 'sitedOn',
  started: 'startedOn',
  producing: 'producingOn',
};
const PHONE = /^[0-9+\-()（） ]{5,30}$/;

/** 万元 by default; a cell may say 亿元 or 万元 after the number. */
function parseMoneyCell(c: Cell) {
  if (typeof c === 'number') return parseAmount(c);
  const t = toHalfWidth(String(c)).trim();
  const m = /^(.*?)\s*(亿元|亿|万元|万)?$/.exec(t)!;
  return parseAmount(m[1]!, m[2]?.startsWith('亿') ? FEN_PER_YI : FEN_PER_WAN);
}

/**
 * Checks one row and says everything wrong with it at once, each problem naming the row, the column and, in
 * Chinese and English, what is wrong. Stage dates and money are checked with the same rules as in the app
 * (stage-machine.ts, project-money.ts).
 */
export function validateProjectRow(
  raw: RawRow,
  columns: ReadonlyMap<string, number>,
  lookups: RowLookups,
): { ok: true; draft: ProjectDraft } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (key: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push(rowError(raw.row, columns, key, code, params));
  const cell = (key: string): Cell => raw.cells[key] ?? null;

  const text = (key: string): string | null => {
    const c = cell(key);
    if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
      fail(key, 'required');
      return null;
    }
    const t = cellText(c);
    const col = BY_KEY.get(key)!;
    if (!t) {
      if (col.required) fail(key, 'required');
      return null;
    }
    const fault = textFault(t);
    if (fault) fail(key, fault);
    else if (col.max && t.length > col.max) fail(key, 'too_long', { max: col.max });
    return t;
  };

  const money = (key: string): Fen | null => {
    const c = cell(key);
    if (c === null) return null;
    const r = parseMoneyCell(c);
    if (!r.ok) {
      fail(key, r.error);
      return null;
    }
    if (r.fen < 0n) {
      fail(key, 'negative_amount');
      return null;
    }
    return r.fen;
  };

  const region = (key: string): string | null => {
    const t = text(key);
    if (!t) return null;
    const r = lookups.resolveRegion(t);
    if ('error' in r) {
      fail(key, r.error, { text: t });
      return null;
    }
    return r.code;
  };

  const title = text('title');
  const investor = text('investor');
  const investorRegionCode = region('investorRegion');
  const hostRegionCode = region('hostRegion');
  let side: 'a' | 'b' | null = null;
  if (hostRegionCode) {
    side = lookups.sideOf(hostRegionCode);
    if (!side) fail('hostRegion', 'region_outside_pairing', { text: cellText(cell('hostRegion')) ?? '' });
  }

  const parkText = text('park');
  const parkId = parkText ? (lookups.resolvePark(parkText)?.id ?? null) : null;
  if (parkText && !parkId) fail('park', 'unknown_park', { text: parkText });

  const industryText = text('industry');
  const industry = industryText ? industries().resolve(industryText) : null;
  if (industryText && !industry) fail('industry', 'unknown_industry');

  const typeText = text('type');
  const type = typeText ? TYPE_BY_LABEL.get(typeText) : undefined;
  if (typeText && !type) fail('type', 'invalid_choice', { choices: Object.values(TYPE_LABELS).join('、') });

  const codeText = text('projectCode');
  let projectCode: string | null = null;
  if (codeText) {
    const r = validateProjectCode(codeText, new Date(`${lookups.today}T00:00:00Z`));
    if (r.ok) projectCode = r.code;
    else fail('projectCode', r.error);
  }

  const stageText = text('stage');
  let stage: PipelineStage | undefined;
  if (stageText) {
    stage =
      STAGE_BY_LABEL.get(stageText) ??
      (Object.keys(STAGE_LABELS).includes(stageText) ? (stageText as PipelineStage) : undefined);
    if (!stage)
      fail('stage', ['暂停', '终止'].includes(stageText) ? 'stage_not_importable' : 'invalid_choice', {
        choices: Object.values(STAGE_LABELS).join('、'),
      });
  }

  const dates: Partial<Record<PipelineStage, string | null>> = {};
  for (const [s, key] of Object.entries(DATE_COLUMNS) as [Exclude<PipelineStage, 'planning'>, string][]) {
    const d = cellDate(cell(key));
    if (d === null) fail(key, 'invalid_date');
    else if (d) dates[s] = d;
  }

  let moves: StageMove[] = [];
  let history: ReturnType<typeof replay> | null = null;
  if (stage && !errors.some((e) => e.field.endsWith('On'))) {
    const m = movesFromDates(stage, dates, lookups.today);
    if (!m.ok) {
      for (const e of m.errors) {
        const s = e.field.split('.')[1] as Exclude<PipelineStage, 'planning'>;
        fail(DATE_COLUMNS[s], e.code, { stage: STAGE_LABELS[e.code === 'stage_date_required' ? s : stage] });
      }
    } else {
      moves = m.moves;
      history = replay(moves, lookups.today);
      if (!history.ok) {
        const bad =
          moves.find((mv, i) => i > 0 && mv.on < moves[i - 1]!.on) ?? moves.find((mv) => mv.on > lookups.today)!;
        const key = bad.to === 'planning' ? 'signedOn' : DATE_COLUMNS[bad.to as Exclude<PipelineStage, 'planning'>];
        fail(
          key,
          history.error.code,
          history.error.code === 'stage_date_order' ? { previous: moves[moves.indexOf(bad) - 1]?.on ?? '' } : {},
        );
      }
    }
  }

  const asOfCell = cellMonth(cell('figuresAsOf'));
  if (asOfCell === null) fail('figuresAsOf', 'invalid_month');
  const figuresAsOf: Period = asOfCell ?? {
    year: Number(lookups.today.slice(0, 4)),
    month: Number(lookups.today.slice(5, 7)),
  };

  const figures = {} as Record<MoneyFigure, Fen | null>;
  for (const [f, key] of Object.entries(FIGURE_COLUMNS) as [MoneyFigure, string][]) figures[f] = money(key);
  const arrivedOverride = text('arrivedOverride');

  // Cross-figure rules only once each amount reads correctly, so one bad cell is not reported twice.
  const moneyKeys = new Set([...Object.values(FIGURE_COLUMNS), 'figuresAsOf']);
  if (history?.ok && !errors.some((e) => moneyKeys.has(e.field))) {
    const reports: FigureReport[] = [];
    const stamp = `${lookups.today}T00:00:00.000Z`;
    for (const f of ['signed', 'planned', 'arrived', 'completed'] as const) {
      const amount = figures[f];
      if (amount === null) continue;
      const report: FigureReport = {
        figure: f,
        period: figuresAsOf,
        amount,
        recordedAt: stamp,
        override: f === 'arrived' && arrivedOverride ? { reason: arrivedOverride } : null,
      };
      for (const p of checkReport(reports, report, history.state.history, lookups.today)) {
        fail(
          p.field === 'period' ? 'figuresAsOf' : (FIGURE_COLUMNS[p.field as MoneyFigure] ?? 'arrivedOverride'),
          p.code,
          {
            period: `${figuresAsOf.year}年${figuresAsOf.month}月`,
            arrived: figures.arrived !== null ? String(cellText(cell('arrivedFunds'))) : '',
            signed: figures.signed !== null ? String(cellText(cell('signedAmount'))) : '0',
          },
        );
      }
      reports.push(report);
    }
  }

  const flag = (key: string): boolean => {
    const v = cellFlag(cell(key));
    if (v === null) fail(key, 'invalid_flag');
    return v ?? false;
  };
  const landmark = flag('landmark');
  const greenChannel = flag('greenChannel');
  const support: Record<SupportKind, Fen | null> = {
    central_budget: money('centralBudget'),
    bank_credit: money('bankCredit'),
    industry_fund: money('industryFund'),
  };
  const contactName = text('contactName');
  const contactPhone = text('contactPhone');
  if (contactPhone && !PHONE.test(contactPhone)) fail('contactPhone', 'invalid_phone');
  const note = text('note');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      row: raw.row,
      title: title!,
      investor: investor!,
      investorRegionCode,
      hostRegionCode: hostRegionCode!,
      side: side!,
      parkId,
      industrySection: industry?.section.code ?? null,
      industryDivision: industry?.division?.code ?? null,
      type: type!,
      projectCode,
      stage: stage!,
      moves,
      figuresAsOf,
      figures,
      arrivedOverride,
      landmark,
      greenChannel,
      support,
      contactName,
      contactPhone,
      note,
    },
  };
}
