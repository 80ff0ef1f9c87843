import type { ProgrammeItem } from '../../../common/api/pairings.ts';
import { sideNamesOf } from '../../../common/programme-sides.ts';
import { dateString } from '../../kernel/dates.ts';
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
    sides: sideNamesOf(p),
    levels: (p.levels as ProgrammeItem['levels']) ?? null,
    planKinds: (p.planKinds as ProgrammeItem['planKinds']) ?? null,
    indicators: p.indicatorCodes ?? null,
    periodFrom: dateString(p.periodFrom),
    periodTo: dateString(p.periodTo),
    version: p.version,
    pairingCount: Number(pairingCount),
    source: p.sourceDocumentId
      ? { documentId: p.sourceDocumentId, title: sourceTitle ?? '', docNo: sourceDocNo, line: null, quote: null }
      : null,
  };
}
