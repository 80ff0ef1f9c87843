import type { RegionRecord } from '../../../common/regions/region-types.ts';
import { loadRegionRecords, createRegionResolver, type RegionResolver } from './region-resolver.ts';

export type RegionRefRow = {
  code: string;
  name: string;
  level: RegionRecord['level'];
  lng: number | null;
  lat: number | null;
  /** The position is an ancestor's: the region has none of its own. */
  approximate: boolean;
  provinceCode: string | null;
};

/**
 * The shipped GB/T 2260 regions, held in memory once per process: they are reference data that only change
 * with a release, and every pairing shown needs its sides' names and map positions.
 */
export interface RegionCatalogue {
  records: readonly RegionRecord[];
  resolver: RegionResolver;
  refs(codes: Iterable<string>): Map<string, RegionRefRow>;
}

let catalogue: RegionCatalogue | undefined;

export function regionCatalogue(): RegionCatalogue {
  if (catalogue) return catalogue;
  const records = loadRegionRecords();
  const byCode = new Map(records.map((r) => [r.code, r]));
  const refCache = new Map<string, RegionRefRow>();
  const refOf = (code: string): RegionRefRow | undefined => {
    const cached = refCache.get(code);
    if (cached) return cached;
    const own = byCode.get(code);
    if (!own) return undefined;
    let positioned: RegionRecord | undefined = own;
    while (positioned && (positioned.lng === null || positioned.lat === null))
      positioned = positioned.parentCode ? byCode.get(positioned.parentCode) : undefined;
    let province: RegionRecord | undefined = own;
    while (province && province.level !== 'province')
      province = province.parentCode ? byCode.get(province.parentCode) : undefined;
    const ref: RegionRefRow = {
      code,
      name: own.name,
      level: own.level,
      lng: positioned?.lng ?? null,
      lat: positioned?.lat ?? null,
      approximate: own.lng === null || own.lat === null,
      provinceCode: province?.code ?? null,
    };
    refCache.set(code, ref);
    return ref;
  };
  catalogue = {
    records,
    resolver: createRegionResolver(records),
    refs(codes) {
      const out = new Map<string, RegionRefRow>();
      for (const code of codes) {
        const ref = refOf(code);
        if (ref) out.set(code, ref);
      }
      return out;
    },
  };
  return catalogue;
}

/** The level a pairing takes from its side A: the highest level among its regions, a zone when none is one. */
export function pairingLevel(sideA: readonly string[]): 'province' | 'city' | 'county' | 'zone' {
  const refs = regionCatalogue().refs(sideA);
  const levels = new Set(sideA.map((c) => refs.get(c)?.level));
  for (const l of ['province', 'city', 'county'] as const) if (levels.has(l)) return l;
  return 'zone';
}
