import { ADOPTION_STAGES } from '../../../common/api/enums.ts';
import type { Actor } from '../../http/context.ts';
import type { Adoption, PracticeDetail, PracticeSummary } from '../../../common/api/replication.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { dateString } from '../../kernel/dates.ts';
import { keepsRegister, mayAdopt, mayManageAdoption } from './replication.policy.ts';
import type { PracticeDetailRows, PracticeSummaryRow } from './replication.repository.ts';

const chinaDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export function presentPracticeSummary(r: PracticeSummaryRow): PracticeSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    title: r.title,
    category: r.category,
    sourceSide: r.sourceSide,
    sourceRegionCode: r.sourceRegionCode,
    sourceRegionName: r.sourceRegionName,
    sourceDocTitle: r.sourceDocTitle,
    sourceDocDate: dateString(r.sourceDocDate),
    adoptionCount: r.adoptionCount,
    furthestStage: r.furthestRank ? ADOPTION_STAGES[r.furthestRank - 1]! : null,
    registeredOn: chinaDate(r.createdAt),
    isDemo: r.isDemo,
  };
}

/** A practice with its adoptions and each adoption's stage history, as the actor may act on them. */
export function presentPracticeDetail(d: PracticeDetailRows, actor: Actor): PracticeDetail {
  const adoptions: Adoption[] = d.adoptions.map(({ row, regionName }) => ({
    id: row.id,
    adopterOrganisationId: row.adopterOrganisationId,
    adopterName: row.adopterName,
    regionCode: row.regionCode,
    regionName,
    side: row.side,
    stage: row.stage,
    stageReachedOn: dateString(row.stageReachedOn)!,
    results: row.results,
    stages: d.stages
      .filter((s) => s.adoptionId === row.id)
      .map((s) => ({
        id: s.id,
        stage: s.stage,
        reachedOn: dateString(s.reachedOn)!,
        note: s.note,
        docTitle: s.docTitle,
        docNumber: s.docNumber,
        docDate: dateString(s.docDate),
        withdrawn: s.withdrawnAt !== null,
        withdrawnReason: s.withdrawnReason,
        recordedBy: s.recordedByName,
        attachments: d.files.filter((f) => f.ownerId === s.id).map(presentAttachment),
      })),
    canManage: mayAdopt(actor) && mayManageAdoption(actor, row),
    version: row.version,
  }));
  return {
    ...presentPracticeSummary(d.summary),
    description: d.row.description,
    sourceDocNumber: d.row.sourceDocNumber,
    sourceLink: d.row.sourceLink,
    adoptions,
    canEdit: keepsRegister(actor),
    canAdopt: mayAdopt(actor),
    version: d.row.version,
  };
}
