import { sideOfRegions } from '../pairings/pairings.service.ts';
import type { AuthedContext } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { invalid, notFound, conflict, fieldError, type ErrorDetail } from '../../http/app-error.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { showingOnly, writingFor } from '../../db/routing.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';
import { wan } from '../../../common/money/money.ts';
import type {
  CreateProjectInput,
  UpdateProjectInput,
  StageMoveInput,
  FigureReportInput,
  ProjectListQuery,
  ProjectOverviewStats,
  ProjectStats,
} from '../../../common/api/projects.ts';
import {
  findProject,
  findProjectDetail,
  insertProject,
  listProjects,
  naturalKeyTaken,
  pairingTaskIds,
  parkInPairing,
  projectCodeTaken,
  replaceTasks,
  saveLockedProject,
  taskIdsOf,
  updateProjectRow,
  type ProjectDetailRows,
} from './projects.repository.ts';
import { appendMoves, appendReport } from './project-history.repository.ts';
import {
  type PiecesQuery,
  projectStatsPieces,
  type StatsGroupBy,
  type StatsQuery,
} from './project-stats.repository.ts';
import { inPairingScope, scopeTag } from '../../kernel/pairing-scope.repository.ts';
import { NEWEST, derivedColumns, historyOf } from './project-history.ts';
import { keptFigures } from './project-stats.ts';
import { sideTextsInView } from '../programmes/programmes.service.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { applyMove, startState } from './stage-machine.ts';
import { checkReport, type FigureReport } from './project-money.ts';
import { industries } from '../../kernel/industries.ts';
import { naturalKey } from './sheet/project-import-plan.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { isMasked, maskPhone } from '../../kernel/personal-data.ts';

export async function projectPage(ctx: AuthedContext, query: ProjectListQuery) {
  return listProjects(ctx.db, ctx.actor, query);
}

/** A project with everything its page shows; 404 when the actor may not see it. */
export async function projectDetail(ctx: AuthedContext, id: string): Promise<ProjectDetailRows> {
  const found = await findProjectDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  // The page reads no other project's rows: a cached copy outlives writes to the pairing's other projects.
  showingOnly([found.row.pairingId], [projectRows(id)]);
  return found;
}

/** The key a project's rows are named by (db/routing.ts writingFor, showingOnly): its row, history and task links. */
const projectRows = (id: string) => `project:${id}`;

/** The figures of the projects the actor sees, with their parks and events, grouped as asked. */
export async function projectFigures(ctx: AuthedContext, query: StatsQuery): Promise<ProjectStats> {
  const [running, sides] = await Promise.all([
    runningFigures(ctx, query, query.groupBy),
    // The programme's side names change with pairings and programmes only: kept until they do.
    cachedByVersion(ctx.db, ctx.actor, `stats|sides|${query.pairingId ?? ''}`, () =>
      sideTextsInView(ctx, 'zh-CN', query.pairingId),
    ),
  ]);
  return running.figures(sides);
}

/** The dashboard's figures of the projects the actor sees: those of projectFigures without the groups. */
export async function projectOverview(ctx: AuthedContext): Promise<ProjectOverviewStats> {
  return (await runningFigures(ctx, {}, null)).overview();
}

/**
 * Summed from the last figures of the same pairings (project-stats.ts RunningFigures): after a write, only the
 * written pairing's piece is taken out and put in again.
 */
async function runningFigures(ctx: AuthedContext, query: PiecesQuery, groupBy: StatsGroupBy | null) {
  const pieces = await projectStatsPieces(ctx.db, ctx.actor, query);
  const pairings = `${scopeTag(ctx.actor.scope)}|${query.pairingId ?? ''}|${query.withSubPairs ?? ''}`;
  return keptFigures(ctx.db, pairings, groupBy, query.demo).update(pieces);
}

/** The GB/T 4754-2017 industries a project is filed under. */
export function industryCatalogue() {
  return industries();
}

type Fields = Partial<
  Pick<
    CreateProjectInput,
    'hostRegionCode' | 'parkId' | 'industrySection' | 'industryDivision' | 'projectCode' | 'taskIds' | 'side'
  >
>;

/** The checks every write of a project's descriptive fields shares; all problems at once, each naming its field. */
async function checkFields(
  db: DbOrTx,
  pairingId: string,
  f: Fields,
  exceptId?: string,
): Promise<{ side: 'a' | 'b' | null; problems: ErrorDetail[] }> {
  const problems: ErrorDetail[] = [];
  let side: 'a' | 'b' | null = null;
  if (f.hostRegionCode) {
    side = (await sideOfRegions({ tx: db }, pairingId)).get(f.hostRegionCode) ?? null;
    if (!side) problems.push(fieldError('hostRegionCode', 'region_outside_pairing'));
    else if (f.side && f.side !== side) side = f.side; // an office may book a project to the other side explicitly
  }
  if (f.parkId && !(await parkInPairing(db, pairingId, f.parkId))) problems.push(fieldError('parkId', 'unknown_park'));
  if (f.industryDivision) {
    const d = industries().division(f.industryDivision);
    if (!d) problems.push(fieldError('industryDivision', 'unknown_industry'));
    else if (f.industrySection && d.sectionCode !== f.industrySection)
      problems.push(fieldError('industryDivision', 'industry_mismatch'));
  }
  if (f.industrySection && !industries().section(f.industrySection))
    problems.push(fieldError('industrySection', 'unknown_industry'));
  if (f.projectCode && (await projectCodeTaken(db, f.projectCode, exceptId)))
    problems.push(fieldError('projectCode', 'duplicate_project_code'));
  if (f.taskIds?.length) {
    const known = await pairingTaskIds(db, pairingId, f.taskIds);
    f.taskIds.forEach((t, i) => known.has(t) || problems.push(fieldError(`taskIds.${i}`, 'unknown_task')));
  }
  return { side, problems };
}

export async function createProject(
  ctx: AuthedContext,
  input: CreateProjectInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  return auditedChange(ctx, (work) => createProjectIn(work, ctx, input, opts));
}

/**
 * Creates a project in the caller's unit of work, with its audit row; `link` ties it to the event agreement it
 * comes from. Problems are reported with the field names of the project input.
 */
export async function createProjectIn(
  { tx, audit }: UnitOfWork,
  ctx: AuthedContext,
  input: CreateProjectInput,
  link?: { eventId?: string; eventAgreementId?: string; demo?: boolean },
): Promise<string> {
  const today = chinaToday();
  const { side, problems } = await checkFields(tx, input.pairingId, input);
  const start = startState({ to: input.stage, on: input.stageOn ?? today }, today);
  if (!start.ok) problems.push({ ...start.error, field: start.error.field === 'on' ? 'stageOn' : 'stage' });
  const key = naturalKey(input.pairingId, {
    projectCode: input.projectCode ?? null,
    title: input.title,
    investor: input.investor,
  });
  if (await naturalKeyTaken(tx, key)) problems.push(fieldError('title', 'duplicate_project'));
  const reports: FigureReport[] = [];
  if (start.ok) {
    const [y, m] = (input.stageOn ?? today).split('-').map(Number) as [number, number];
    for (const [figure, amount] of [
      ['signed', input.signedAmount],
      ['planned', input.plannedInvestment],
    ] as const) {
      if (amount == null) continue;
      const report: FigureReport = {
        figure,
        period: { year: y, month: m },
        amount: wan(amount),
        recordedAt: new Date().toISOString(),
      };
      for (const p of checkReport(reports, report, start.state.history, today))
        problems.push({ ...p, field: figure === 'signed' ? 'signedAmount' : 'plannedInvestment' });
      reports.push(report);
    }
  }
  if (problems.length || !start.ok) throw invalid(...problems);

  // The project's rows are its pairing's: cached answers read for other pairings stay (db/routing.ts, writingFor).
  return writingFor([input.pairingId], async () => {
    const id = await insertProject(tx, {
      pairingId: input.pairingId,
      side: side!,
      title: input.title,
      investor: input.investor,
      investorRegionCode: input.investorRegionCode ?? null,
      hostRegionCode: input.hostRegionCode,
      parkId: input.parkId ?? null,
      industrySection:
        input.industrySection ??
        (input.industryDivision ? industries().division(input.industryDivision)!.sectionCode : null),
      industryDivision: input.industryDivision ?? null,
      type: input.type,
      projectCode: input.projectCode ?? null,
      landmark: input.landmark,
      greenChannel: input.greenChannel,
      ...derivedColumns(start.state.history, start.state, reports),
      centralBudgetWan: input.support?.central_budget ?? null,
      bankCreditWan: input.support?.bank_credit ?? null,
      industryFundWan: input.support?.industry_fund ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      note: input.note ?? null,
      naturalKey: key,
      eventId: link?.eventId ?? null,
      eventAgreementId: link?.eventAgreementId ?? null,
      isDemo: !!link?.demo,
      createdBy: ctx.actor.userId,
    });
    await appendMoves(tx, id, 1, start.state.history, ctx.actor.userId);
    for (const r of reports)
      await appendReport(tx, id, { figure: r.figure, period: r.period, amountFen: r.amount }, ctx.actor.userId);
    if (input.taskIds?.length) await replaceTasks(tx, id, input.taskIds);
    audit({
      action: 'project.create',
      result: 'success',
      objectType: 'project',
      objectId: id,
      details: { after: input, ...link },
    });
    return id;
  });
}

const EDITABLE = [
  'title',
  'investor',
  'investorRegionCode',
  'hostRegionCode',
  'parkId',
  'industrySection',
  'industryDivision',
  'type',
  'projectCode',
  'landmark',
  'greenChannel',
  'contactName',
  'contactPhone',
  'note',
] as const;
const SUPPORT_COLUMNS = ['centralBudgetWan', 'bankCreditWan', 'industryFundWan'] as const;

export async function updateProject(ctx: AuthedContext, id: string, input: UpdateProjectInput): Promise<void> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findProject(tx, ctx.actor, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    // A project counts in the year it was signed (签约额, 到位资金): a year locked by its accepted summary is read-only.
    await assertYearsOpen(tx, current.pairingId, [yearOf(current.signedOn)], 'signedOn');
    // The form sends back the masked phone it was shown: unchanged, not a new number.
    if (input.contactPhone && isMasked(input.contactPhone)) {
      if (input.contactPhone !== maskPhone(current.contactPhone))
        throw invalid(fieldError('contactPhone', 'invalid_format'));
      input = { ...input, contactPhone: undefined };
    }
    const { side, problems } = await checkFields(
      tx,
      current.pairingId,
      {
        hostRegionCode: input.hostRegionCode,
        parkId: input.parkId,
        industrySection: input.industrySection === undefined ? current.industrySection : input.industrySection,
        industryDivision: input.industryDivision === undefined ? current.industryDivision : input.industryDivision,
        projectCode: input.projectCode,
        taskIds: input.taskIds,
      },
      id,
    );
    const title = input.title ?? current.title;
    const investor = input.investor ?? current.investor;
    const projectCode = input.projectCode === undefined ? current.projectCode : input.projectCode;
    const key = naturalKey(current.pairingId, { projectCode, title, investor });
    if (key !== current.naturalKey && (await naturalKeyTaken(tx, key, id)))
      problems.push(fieldError('title', 'duplicate_project'));
    if (problems.length) throw invalid(...problems);

    const { patch, before, after } = editPatch(EDITABLE, input, current);
    // The support amounts are one object in the input and three columns in the row.
    const support = editPatch(
      SUPPORT_COLUMNS,
      {
        centralBudgetWan: input.support?.central_budget,
        bankCreditWan: input.support?.bank_credit,
        industryFundWan: input.support?.industry_fund,
      },
      current,
    );
    Object.assign(patch, support.patch, { naturalKey: key, version: current.version + 1, updatedAt: new Date() });
    Object.assign(before, support.before);
    Object.assign(after, support.after);
    if (side && side !== current.side) {
      patch.side = after.side = side;
      before.side = current.side;
    }
    if (input.taskIds) {
      before.taskIds = await taskIdsOf(tx, id);
      after.taskIds = input.taskIds;
    }
    // A project stays in its pairing: what it writes is that pairing's, and this project's (db/routing.ts, writingFor).
    await writingFor([current.pairingId], async () => {
      if (!(await updateProjectRow(tx, id, input.version, patch))) throw conflict();
      if (input.taskIds) await replaceTasks(tx, id, input.taskIds);
    }, [projectRows(id)]);
    audit({
      action: 'project.update',
      result: 'success',
      objectType: 'project',
      objectId: id,
      details: { before, after },
    });
  });
}

/**
 * One stage move, checked by the stage machine against the stored history. Reads the project once, locked, with
 * its history, and answers it as the move left it.
 */
export async function moveStage(ctx: AuthedContext, id: string, input: StageMoveInput): Promise<ProjectDetailRows> {
  const today = chinaToday();
  return auditedChange(ctx, async ({ tx, audit }) => {
    const found = await findProjectDetail(tx, ctx.actor, id, { forUpdate: true });
    if (!found) throw notFound();
    await assertYearsOpen(tx, found.row.pairingId, [yearOf(found.row.signedOn), yearOf(input.on)], 'on');
    const h = historyOf(id, found.moves, found.reports);
    const r = applyMove(h.state, { to: input.to, on: input.on, note: input.note ?? null }, today);
    if (!r.ok) throw invalid(r.error);
    const { moved, row } = await writingFor(
      [found.row.pairingId],
      async () => ({
        moved: await appendMoves(tx, id, h.state.history.length + 1, [r.state.history.at(-1)!], ctx.actor.userId),
        row: await saveLockedProject(tx, id, {
          ...derivedColumns(r.state.history, r.state, h.reports),
          version: found.row.version + 1,
          updatedAt: new Date(),
        }),
      }),
      [projectRows(id)],
    );
    audit({
      action: 'project.stage',
      result: 'success',
      objectType: 'project',
      objectId: id,
      details: { from: found.row.stage, ...input },
    });
    return { ...found, row, moves: [...found.moves, ...moved] };
  });
}

/**
 * One money report (or a correction of a period already reported), checked by the money rules. Reads the project
 * once, locked, with its history, and answers it as the report left it.
 */
export async function reportFigure(
  ctx: AuthedContext,
  id: string,
  input: FigureReportInput,
  /** The project's version as the client read it (a seed reporting on a project it just made gives none). */
  version?: number,
): Promise<ProjectDetailRows> {
  const today = chinaToday();
  return auditedChange(ctx, async ({ tx, audit }) => {
    const found = await findProjectDetail(tx, ctx.actor, id, { forUpdate: true });
    if (!found) throw notFound();
    if (version !== undefined && found.row.version !== version) throw conflict();
    await assertYearsOpen(tx, found.row.pairingId, [yearOf(found.row.signedOn), input.period.year], 'period.year');
    const h = historyOf(id, found.moves, found.reports);
    const candidate: FigureReport = {
      figure: input.figure,
      period: { year: input.period.year, month: input.period.month ?? null },
      amount: wan(input.amount),
      recordedAt: new Date(Date.now() + 1).toISOString(),
      override: input.overrideReason ? { reason: input.overrideReason } : null,
    };
    const problems = checkReport(h.reports, candidate, h.state.history, today).map((p) =>
      p.field === input.figure ? { ...p, field: 'amount' } : p,
    );
    if (problems.length) throw invalid(...problems);
    // Stored with the database's clock after every earlier report, it is the newest whatever this process's clock says.
    const reports = [...h.reports, { ...candidate, recordedAt: NEWEST }];
    const { reported, row } = await writingFor(
      [found.row.pairingId],
      async () => ({
        reported: await appendReport(
          tx,
          id,
          {
            figure: input.figure,
            period: candidate.period,
            amountFen: candidate.amount,
            overrideReason: input.overrideReason,
          },
          ctx.actor.userId,
        ),
        row: await saveLockedProject(tx, id, {
          ...derivedColumns(h.state.history, h.state, reports),
          version: found.row.version + 1,
          updatedAt: new Date(),
        }),
      }),
      [projectRows(id)],
    );
    const overridden = input.figure === 'arrived' && !!input.overrideReason;
    audit({
      action: overridden ? 'project.figure.override' : 'project.figure',
      result: 'success',
      objectType: 'project',
      objectId: id,
      details: { ...input },
    });
    return { ...found, row, reports: [...found.reports, reported] };
  });
}
