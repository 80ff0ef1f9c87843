import type { ParkDetail } from '../../../common/api/parks.ts';
import { industries } from '../projects/industries.ts';
import type { ParkSummaryRow } from './parks.repository.ts';
import type { parks, parkEnterprises, sharingAgreements } from './parks.tables.ts';
import { showShares, type StoredTerm } from './sharing-codec.ts';

const day = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export function presentParkSummary(r: ParkSummaryRow) {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    name: r.name,
    type: r.type,
    hostRegion: { code: r.hostRegionCode, name: r.hostRegionName },
    partnerRegion: r.partnerRegionCode ? { code: r.partnerRegionCode, name: r.partnerRegionName ?? r.partnerRegionCode } : null,
    mainPark: r.mainParkId ? { id: r.mainParkId, name: r.mainParkName ?? '' } : null,
    branchCount: r.branchCount,
    enterpriseCount: r.enterpriseCount,
    areaKm2: r.areaKm2 === null ? null : r.areaKm2.replace(/\.?0+$/, ''),
    isDemo: r.isDemo,
  };
}

export function presentParkDetail(
  summary: ParkSummaryRow,
  row: typeof parks.$inferSelect,
  branches: { id: string; name: string; type: (typeof parks.$inferSelect)['type'] }[],
  enterprises: (typeof parkEnterprises.$inferSelect)[],
  agreements: (typeof sharingAgreements.$inferSelect)[],
): ParkDetail {
  return {
    ...presentParkSummary(summary),
    focusIndustries: row.focusIndustries.map((code) => ({ code, name: industries().division(code)?.name ?? code })),
    operator: row.operator,
    operatorTeamFrom: row.operatorTeamFrom,
    establishedOn: day(row.establishedOn),
    note: row.note,
    branches,
    enterprises: enterprises.map((e) => ({ id: e.id, name: e.name, creditCode: e.creditCode, industryDivision: e.industryDivision, settledOn: day(e.settledOn), isDemo: e.isDemo })),
    agreements: agreements.map((a) => ({
      id: a.id,
      title: a.title,
      startsOn: day(a.startsOn)!,
      endsOn: day(a.endsOn),
      parties: a.parties as ParkDetail['agreements'][number]['parties'],
      terms: (a.terms as StoredTerm[]).map((t) => ({ figures: t.figures, from: t.from, to: t.to, shares: showShares(t.shares) })),
      costShares: a.costShares ? showShares(a.costShares as Record<string, string>) : null,
      isDemo: a.isDemo,
    })),
    version: row.version,
  };
}
