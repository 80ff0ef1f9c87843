import type { PairingDetail, PairingList, PairingSummary } from '../../../common/api/pairings.ts';
import type { RegionRef } from '../../../common/api/regions.ts';
import { dateString } from '../../kernel/dates.ts';
import type { RegionRefRow } from '../regions/region-catalogue.ts';
import type { PairingDetailRows, PairingSummaryRow } from './pairings.repository.ts';

/** The regions named on the pairings being shown, by code (see pairingRegions in the service). */
export type RegionRefs = ReadonlyMap<string, RegionRefRow>;

/** A code the catalogue does not know is still shown, by its code and without a map position. */
function ref(regions: RegionRefs, code: string): RegionRef {
  return (
    regions.get(code) ?? {
      code,
      name: code,
      level: 'county',
      lng: null,
      lat: null,
      approximate: true,
      provinceCode: null,
    }
  );
}

export function presentPairingSummary(r: PairingSummaryRow, regions: RegionRefs): PairingSummary {
  return {
    id: r.id,
    programmeId: r.programmeId,
    parentId: r.parentId,
    name: r.name,
    level: r.level,
    status: r.status,
    theme: r.theme,
    sideA: r.sideA.map((c) => ref(regions, c)),
    sideB: r.sideB.map((c) => ref(regions, c)),
    subPairCount: Number(r.subPairCount),
    startedOn: dateString(r.startedOn),
  };
}

export function presentPairingPage(page: {
  items: PairingSummaryRow[];
  total: number;
  page: number;
  pageSize: number;
  regions: RegionRefs;
}): PairingList {
  return {
    items: page.items.map((r) => presentPairingSummary(r, page.regions)),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export function presentPairingDetail(d: PairingDetailRows & { regions: RegionRefs }): PairingDetail {
  const { row } = d;
  const summary = presentPairingSummary(row, d.regions);
  const subPairs = d.subPairs.map((r) => presentPairingSummary(r, d.regions));
  const provinces = new Set<string>();
  for (const p of [summary, ...subPairs])
    for (const r of [...p.sideA, ...p.sideB]) if (r.provinceCode) provinces.add(r.provinceCode);
  return {
    ...summary,
    programme: { id: row.programmeId, name: row.programmeName, docNo: row.programmeDocNo },
    parent: row.parentId && row.parentName !== null ? { id: row.parentId, name: row.parentName } : null,
    endedOn: dateString(row.endedOn),
    note: row.note,
    offices: d.offices.map((o) => ({
      id: o.id,
      side: o.side,
      leadingGroup: o.leadingGroup,
      officeName: o.officeName,
      hostUnit: o.hostUnit,
      note: o.note,
      sourceQuote: o.sourceQuote,
    })),
    contacts: d.contacts.map((c) => ({
      id: c.id,
      side: c.side,
      name: c.name,
      post: c.post,
      phone: c.phone,
      email: c.email,
    })),
    subPairs,
    source: row.sourceDocumentId
      ? {
          documentId: row.sourceDocumentId,
          title: row.sourceTitle ?? '',
          docNo: row.sourceDocNo,
          line: row.sourceLine,
          quote: row.sourceQuote,
        }
      : null,
    mapProvinces: [...provinces],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
