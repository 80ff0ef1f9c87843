import type { ProgrammeItem } from '../../../common/api/pairings.ts';
import type { ProgrammeListRow } from './programmes.repository.ts';

export function presentProgramme({
  programme: p,
  sourceTitle,
  sourceDocNo,
  pairingCount,
}: ProgrammeListRow): ProgrammeItem {
  return {
    id: p.id,
    name: p.name,
    shortName: p.shortName,
    docNo: p.docNo,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    goals: p.goals,
    ownerOffice: p.ownerOffice,
    pairingCount: Number(pairingCount),
    source: p.sourceDocumentId
      ? { documentId: p.sourceDocumentId, title: sourceTitle ?? '', docNo: sourceDocNo, line: null, quote: null }
      : null,
  };
}
