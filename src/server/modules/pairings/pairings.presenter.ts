import type { DbOrTx } from '../../db/database.ts';
import type { PairingSummary, PairingDetail } from '../../../common/api/pairings.ts';
import type { RegionRef } from '../../../common/api/regions.ts';
import { regionCatalogue, type RegionRefRow } from '../regions/region-catalogue.ts';
import { sidesOf, type PairingSummaryRow } from './pairings.repository.ts';

function toDateString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function ref(refs: Map<string, RegionRefRow>, code: string): RegionRef {
  const r = refs.get(code);
  return r
    ? {
        code,
        name: r.name,
        level: r.level,
        lng: r.lng,
        lat: r.lat,
        approximate: r.approximate,
        provinceCode: r.provinceCode,
      }
    : { code, name: code, level: 'county', lng: null, lat: null, approximate: true, provinceCode: null };
}

/** Summaries with both sides resolved to names and map positions, in two queries whatever the page size. */
export async function presentSummaries(db: DbOrTx, rows: PairingSummaryRow[]): Promise<PairingSummary[]> {
  const sides = await sidesOf(
    db,
    rows.map((r) => r.id),
  );
  const codes = [...new Set([...sides.values()].flatMap((s) => [...s.a, ...s.b]))];
  const refs = regionCatalogue().refs(codes);
  return rows.map((r) => {
    const s = sides.get(r.id)!;
    return {
      id: r.id,
      programmeId: r.programmeId,
      parentId: r.parentId,
      name: r.name,
      level: r.level as PairingSummary['level'],
      status: r.status as PairingSummary['status'],
      theme: r.theme,
      sideA: s.a.map((c) => ref(refs, c)),
      sideB: s.b.map((c) => ref(refs, c)),
      subPairCount: Number(r.subPairCount),
      startedOn: toDateString(r.startedOn),
    };
  });
}

export type DetailParts = {
  row: PairingSummaryRow & {
    endedOn: unknown;
    note: string | null;
    version: number;
    createdAt: Date;
    updatedAt: Date;
    sourceLine: number | null;
    sourceQuote: string | null;
    sourceDocumentId: string | null;
    sourceTitle: string | null;
    sourceDocNo: string | null;
    programmeName: string;
    programmeDocNo: string | null;
  };
  parent: { id: string; name: string } | null;
  offices: PairingDetail['offices'];
  contacts: PairingDetail['contacts'];
  subPairs: PairingSummaryRow[];
};

export async function presentDetail(db: DbOrTx, parts: DetailParts): Promise<PairingDetail> {
  const [summary, ...subPairs] = await presentSummaries(db, [parts.row, ...parts.subPairs]);
  const provinces = new Set<string>();
  for (const p of [summary!, ...subPairs])
    for (const r of [...p.sideA, ...p.sideB]) if (r.provinceCode) provinces.add(r.provinceCode);
  const { row } = parts;
  return {
    ...summary!,
    programme: { id: row.programmeId, name: row.programmeName, docNo: row.programmeDocNo },
    parent: parts.parent,
    endedOn: toDateString(row.endedOn),
    note: row.note,
    offices: parts.offices,
    contacts: parts.contacts,
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
