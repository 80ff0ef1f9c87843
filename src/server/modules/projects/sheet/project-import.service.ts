import { createHash, randomUUID } from 'node:crypto';
import type { AuthedContext } from '../../../http/context.ts';
import { invalid, fieldError } from '../../../http/app-error.ts';
import { auditedChange } from '../../../kernel/audit/audit-writer.ts';
import { toWan, type Fen } from '../../../../common/money/money.ts';
import { MONEY_FIGURES, PIPELINE_STAGES, type ImportJob } from '../../../../common/api/projects.ts';
import { projectsByNaturalKey } from '../projects.repository.ts';
import { appendReports, insertMoves, loadHistories } from '../project-history.repository.ts';
import { insertImportedProjects, lockProjects, saveImportedProject } from './project-import.repository.ts';
import { inPairingScope } from '../../../kernel/pairing-scope.repository.ts';
import { derivedColumns, type ProjectHistory } from '../project-history.ts';
import { applyMove, furthestStage, replay, type StageEntry } from '../stage-machine.ts';
import { checkReport, series, valueAt, type FigureReport } from '../project-money.ts';
import { readProjectSheet } from './project-sheet-reader.ts';
import { validateProjectRow, type ProjectDraft } from './project-row-validator.ts';
import {
  planImport,
  draftFingerprint,
  naturalKey,
  type ExistingProject,
  type ImportAction,
} from './project-import-plan.ts';
import { importLookups } from './import-lookups.ts';
import type { RowError } from '../../../kernel/sheet/row-error.ts';
import { rowError } from './project-row-error.ts';
import type { FinishJob, Progress } from '../../../kernel/jobs/job-store.ts';
import { chinaToday } from '../../../kernel/dates.ts';

type Outcome = Pick<ImportJob, 'result' | 'errors' | 'error'>;
const CHUNK = 500;
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

const FIGURE_COLUMN = {
  signed: 'signedAmount',
  planned: 'plannedInvestment',
  arrived: 'arrivedFunds',
  completed: 'completedInvestment',
} as const;

function draftReports(d: ProjectDraft, recordedAt: string): FigureReport[] {
  return MONEY_FIGURES.flatMap((figure) => {
    const amount = d.figures[figure];
    if (amount === null) return [];
    return [
      {
        figure,
        period: d.figuresAsOf,
        amount,
        recordedAt,
        override: figure === 'arrived' && d.arrivedOverride ? { reason: d.arrivedOverride } : null,
      },
    ];
  });
}

function descriptive(d: ProjectDraft) {
  const wanOrNull = (f: Fen | null) => (f === null ? null : toWan(f));
  return {
    side: d.side,
    title: d.title,
    investor: d.investor,
    investorRegionCode: d.investorRegionCode,
    hostRegionCode: d.hostRegionCode,
    parkId: d.parkId,
    industrySection: d.industrySection,
    industryDivision: d.industryDivision,
    type: d.type,
    projectCode: d.projectCode,
    landmark: d.landmark,
    greenChannel: d.greenChannel,
    centralBudgetWan: wanOrNull(d.support.central_budget),
    bankCreditWan: wanOrNull(d.support.bank_credit),
    industryFundWan: wanOrNull(d.support.industry_fund),
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    note: d.note,
    importFingerprint: draftFingerprint(d),
  };
}

interface UpdateWork {
  id: string;
  draft: ProjectDraft;
  moves: StageEntry[];
  firstOrdinal: number;
  reports: FigureReport[];
}

/** For a project already in the ledger: the moves beyond where it is and the figures that changed, checked. */
function planUpdate(
  a: Extract<ImportAction, { kind: 'update' }>,
  h: ProjectHistory,
  columns: ReadonlyMap<string, number>,
  today: string,
  errors: RowError[],
): UpdateWork {
  const d = a.draft;
  const reached = PIPELINE_STAGES.indexOf(furthestStage(h.state.history));
  let state = h.state;
  const moves: StageEntry[] = [];
  for (const m of d.moves) {
    if (PIPELINE_STAGES.indexOf(m.to as (typeof PIPELINE_STAGES)[number]) <= reached) continue;
    const r = applyMove(state, m, today);
    if (!r.ok) {
      errors.push(
        rowError(
          d.row,
          columns,
          'stage',
          r.error.code,
          r.error.code === 'stage_date_order' ? { previous: state.history.at(-1)!.on } : {},
        ),
      );
      break;
    }
    state = r.state;
    moves.push(r.state.history.at(-1)!);
  }
  const reports: FigureReport[] = [];
  const all = [...h.reports];
  for (const report of draftReports(d, new Date(Date.now() + 1).toISOString())) {
    if (valueAt(series(all, report.figure), report.period) === report.amount) continue;
    for (const p of checkReport(all, report, state.history, today))
      errors.push(
        rowError(d.row, columns, FIGURE_COLUMN[report.figure], p.code, {
          period: `${report.period.year}年${report.period.month}月`,
        }),
      );
    all.push(report);
    reports.push(report);
  }
  return { id: a.id, draft: d, moves, firstOrdinal: h.state.history.length + 1, reports };
}

/**
 * Imports a project sheet into one pairing, all or nothing: every row is validated first; if any row or any
 * planned change is wrong, nothing is stored and the job reports each bad row and column. Otherwise new projects
 * are inserted in bulk, known ones (same 项目代码, or same title and investor in the pairing) are updated, and
 * unchanged ones are left alone, in one transaction with one audit row.
 */
export async function runProjectImport(
  ctx: AuthedContext,
  pairingId: string,
  file: { buffer: Buffer; fileName: string },
  progress: Progress,
  opts: { demo?: boolean; finish?: FinishJob } = {},
): Promise<Outcome> {
  const today = chinaToday();
  if (!inPairingScope(ctx.actor, pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  progress({ phase: 'reading' });
  const sheet = await readProjectSheet(file.buffer);
  const lookups = await importLookups(ctx.db, pairingId, today);

  progress({ phase: 'validating', total: sheet.rows.length, processed: 0 });
  const drafts: ProjectDraft[] = [];
  const errors: RowError[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const r = validateProjectRow(sheet.rows[i]!, sheet.columns, lookups);
    if (r.ok) drafts.push(r.draft);
    else errors.push(...r.errors);
    if (i % CHUNK === CHUNK - 1) {
      progress({ processed: i + 1 });
      await yieldToLoop();
    }
  }
  progress({ processed: sheet.rows.length });

  const existing = new Map<string, ExistingProject>();
  const allKeys = drafts.map((d) => naturalKey(pairingId, d));
  for (let i = 0; i < allKeys.length; i += 1000) {
    for (const p of await projectsByNaturalKey(ctx.db, allKeys.slice(i, i + 1000))) {
      if (p.pairingId !== pairingId) {
        const d = drafts.find((x) => naturalKey(pairingId, x) === p.naturalKey)!;
        errors.push(rowError(d.row, sheet.columns, 'projectCode', 'duplicate_project_code'));
        continue;
      }
      existing.set(p.naturalKey, { id: p.id, fingerprint: p.fingerprint, furthestStage: p.furthestStage });
    }
  }
  const plan = planImport(pairingId, drafts, existing, sheet.columns);
  errors.push(...plan.errors);
  const updates: UpdateWork[] = [];
  const toUpdate = plan.actions.filter((a): a is Extract<ImportAction, { kind: 'update' }> => a.kind === 'update');
  for (let i = 0; i < toUpdate.length; i += 1000) {
    const chunk = toUpdate.slice(i, i + 1000);
    const histories = await loadHistories(
      ctx.db,
      chunk.map((a) => a.id),
    );
    for (const a of chunk) updates.push(planUpdate(a, histories.get(a.id)!, sheet.columns, today, errors));
  }
  if (errors.length) {
    errors.sort((x, y) => x.row - y.row);
    return { result: null, errors, error: null };
  }

  const creates = plan.actions.filter((a): a is Extract<ImportAction, { kind: 'create' }> => a.kind === 'create');
  progress({ phase: 'saving', total: creates.length + updates.length, processed: 0 });
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const createdIds: string[] = [];
  return auditedChange(ctx, async ({ tx, audit }) => {
    const stamp = new Date().toISOString();
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      const prepared = chunk.map(({ key, draft }) => {
        const replayed = replay(draft.moves, today);
        if (!replayed.ok) throw new Error(`row ${draft.row} passed validation with an invalid history`);
        const reports = draftReports(draft, stamp);
        return {
          key,
          draft,
          history: replayed.state.history,
          reports,
          derived: derivedColumns(replayed.state.history, replayed.state, reports),
        };
      });
      // Ids are made here so the three inserts need no RETURNING round trip.
      const withIds = prepared.map((p) => ({ ...p, id: randomUUID() }));
      await insertImportedProjects(tx, {
        projects: withIds.map((p) => ({
          id: p.id,
          pairingId,
          ...descriptive(p.draft),
          ...p.derived,
          naturalKey: p.key,
          isDemo: !!opts.demo,
          createdBy: ctx.actor.userId,
        })),
        moves: withIds.flatMap((p) =>
          p.history.map((m, k) => ({
            projectId: p.id,
            ordinal: k + 1,
            fromStage: m.from,
            toStage: m.to,
            on: m.on,
            note: m.note ?? null,
            recordedBy: ctx.actor.userId,
          })),
        ),
        reports: withIds.flatMap((p) =>
          p.reports.map((r) => ({
            projectId: p.id,
            figure: r.figure,
            periodYear: r.period.year,
            periodMonth: r.period.month,
            amountWan: toWan(r.amount),
            overrideReason: r.override?.reason ?? null,
            recordedBy: ctx.actor.userId,
          })),
        ),
      });
      createdIds.push(...withIds.map((p) => p.id));
      progress({ processed: Math.min(i + CHUNK, creates.length) });
      await yieldToLoop();
    }
    for (let i = 0; i < updates.length; i += CHUNK) {
      const chunk = updates.slice(i, i + CHUNK);
      const ids = chunk.map((u) => u.id);
      // Locked first, so the histories read below include any other writer's moves and reports committed meanwhile.
      await lockProjects(tx, ids);
      const moves = chunk.flatMap((u) =>
        u.moves.map((m, k) => ({
          projectId: u.id,
          ordinal: u.firstOrdinal + k,
          fromStage: m.from,
          toStage: m.to,
          on: m.on,
          note: m.note ?? null,
          recordedBy: ctx.actor.userId,
        })),
      );
      await insertMoves(tx, moves);
      await appendReports(
        tx,
        chunk.flatMap((u) =>
          u.reports.map((r) => ({
            projectId: u.id,
            figure: r.figure,
            period: r.period,
            amountFen: r.amount,
            overrideReason: r.override?.reason,
          })),
        ),
        ctx.actor.userId,
      );
      const histories = await loadHistories(tx, ids);
      for (const u of chunk) {
        const h = histories.get(u.id)!;
        await saveImportedProject(tx, u.id, {
          ...descriptive(u.draft),
          ...derivedColumns(h.state.history, h.state, h.reports),
        });
      }
      progress({ processed: creates.length + Math.min(i + CHUNK, updates.length) });
      await yieldToLoop();
    }
    audit({
      action: 'project.import',
      result: 'success',
      objectType: 'pairing',
      objectId: pairingId,
      details: {
        fileName: file.fileName,
        sha256,
        rows: sheet.rows.length,
        created: createdIds,
        updated: updates.map((u) => u.id),
        unchanged: plan.counts.unchanged,
      },
    });
    const outcome: Outcome = {
      result: {
        created: creates.length,
        updated: updates.length,
        unchanged: plan.counts.unchanged,
        projectIds: [...createdIds, ...updates.map((u) => u.id)],
      },
      errors: [],
      error: null,
    };
    // The job's outcome commits with the projects, so a crash after the commit cannot report "nothing imported".
    await opts.finish?.(tx, outcome);
    return outcome;
  });
}
