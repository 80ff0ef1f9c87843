import type { SummaryDetail, SummaryItem } from '../../../common/api/summaries.ts';
import type { summaryDetail } from './summaries.service.ts';

type ItemRow = Omit<SummaryItem, 'updatedAt'> & { updatedAt: Date };
type DetailRows = Awaited<ReturnType<typeof summaryDetail>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummaryItem(r: ItemRow): SummaryItem {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    year: r.year,
    kind: r.kind,
    title: r.title,
    state: r.state,
    versionNo: r.versionNo,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentSummaryDetail(r: DetailRows): SummaryDetail {
  return {
    ...presentSummaryItem(r),
    addressee: r.doc.addressee,
    issuer: r.doc.issuer,
    version: r.doc.version,
    sections: r.doc.sections,
    figures: r.figures,
    receipts: r.receipts.map((x) => ({
      id: x.id,
      recipient: x.recipient,
      state: x.state,
      versionNo: x.versionNo,
      receivedAt: iso(x.receivedAt),
      decidedAt: iso(x.decidedAt),
      comment: x.comment,
    })),
    versions: r.versions.map((v) => ({ versionNo: v.versionNo, submittedAt: v.submittedAt.toISOString() })),
    locked: r.locked,
  };
}
