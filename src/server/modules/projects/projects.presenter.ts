import type {
  IndustryCatalogue as IndustryCatalogueAnswer,
  ProjectDetail,
  ProjectSummary,
} from '../../../common/api/projects.ts';
import { canonicalWan } from '../../../common/money/money.ts';
import { industries, type IndustryCatalogue } from '../../kernel/industries.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { nextStages } from './stage-machine.ts';
import type { ProjectDetailRows, ProjectListRow, listProjects } from './projects.repository.ts';
import { dateString as day } from '../../kernel/dates.ts';
import { maskPhone } from '../../kernel/personal-data.ts';

/** numeric comes back as text; written again in canonical form ("50000", not "50000.000000"). */
export const money = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : canonicalWan(v);

function industryName(section: string | null, division: string | null): string | null {
  if (division) return industries().division(division)?.name ?? null;
  if (section) return industries().section(section)?.name ?? null;
  return null;
}

export function presentSummary(r: ProjectListRow): ProjectSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    side: r.side,
    title: r.title,
    investor: r.investor,
    hostRegion: { code: r.hostRegionCode, name: r.hostRegionName },
    investorRegion: r.investorRegionCode
      ? { code: r.investorRegionCode, name: r.investorRegionName ?? r.investorRegionCode }
      : null,
    park: r.parkId ? { id: r.parkId, name: r.parkName ?? '' } : null,
    industrySection: r.industrySection,
    industryDivision: r.industryDivision,
    industryName: industryName(r.industrySection, r.industryDivision),
    type: r.type,
    projectCode: r.projectCode,
    landmark: r.landmark,
    greenChannel: r.greenChannel,
    stage: r.stage,
    furthestStage: r.furthestStage,
    signedOn: day(r.signedOn),
    startedOn: day(r.startedOn),
    producingOn: day(r.producingOn),
    figures: {
      signed: money(r.signedWan)!,
      planned: money(r.plannedWan)!,
      arrived: money(r.arrivedWan)!,
      completed: money(r.completedWan)!,
    },
    eventId: r.eventId,
    isDemo: r.isDemo,
  };
}

export function presentDetail({
  row,
  taskIds,
  moves,
  reports,
  attachments,
  ...names
}: ProjectDetailRows): ProjectDetail {
  return {
    ...presentSummary({ ...row, ...names }),
    pausedFrom: row.pausedFrom,
    nextStages: nextStages({ stage: row.stage, pausedFrom: row.pausedFrom }),
    support: {
      central_budget: money(row.centralBudgetWan),
      bank_credit: money(row.bankCreditWan),
      industry_fund: money(row.industryFundWan),
    },
    event: row.eventId && names.eventTitle !== null ? { id: row.eventId, title: names.eventTitle } : null,
    eventAgreementId: row.eventAgreementId,
    taskIds,
    contactName: row.contactName,
    contactPhone: maskPhone(row.contactPhone),
    note: row.note,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publicSummary: row.publicSummary,
    moves: moves.map((m) => ({
      from: m.fromStage,
      to: m.toStage,
      on: day(m.on)!,
      note: m.note,
      recordedAt: m.recordedAt.toISOString(),
    })),
    reports: reports.map((r) => ({
      figure: r.figure,
      period: { year: r.periodYear, month: r.periodMonth },
      amount: money(r.amountWan)!,
      overrideReason: r.overrideReason,
      recordedAt: r.recordedAt.toISOString(),
    })),
    attachments: attachments.map(presentAttachment),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentProjectPage(
  { items, totals }: Awaited<ReturnType<typeof listProjects>>,
  page: { page: number; pageSize: number },
) {
  return {
    items: items.map(presentSummary),
    total: totals.total,
    page: page.page,
    pageSize: page.pageSize,
    totals: {
      signed: money(totals.signed)!,
      planned: money(totals.planned)!,
      arrived: money(totals.arrived)!,
      completed: money(totals.completed)!,
    },
  };
}

export function presentIndustryCatalogue(c: IndustryCatalogue): IndustryCatalogueAnswer {
  return {
    standard: c.standard,
    sections: c.sections.map((s) => ({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      divisions: s.divisions.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    })),
  };
}
