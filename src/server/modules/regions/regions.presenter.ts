import type { RegionDetail, RegionItem } from '../../../common/api/regions.ts';
import type { ZoneType } from '../../../common/regions/region-types.ts';
import type { RegionDetailRows, RegionItemRow } from './regions.repository.ts';

export function presentRegion(r: RegionItemRow): RegionItem {
  return {
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    level: r.level,
    zoneType: (r.zoneType as ZoneType | null) ?? null,
    parentCode: r.parentCode,
    parentName: r.parentName,
    aliases: r.aliases,
    childCount: Number(r.childCount),
  };
}

/** Zones hang under a region beside its subdivisions, so they are listed apart from the children. */
export function presentRegionDetail({ region, children, path }: RegionDetailRows): RegionDetail {
  return {
    ...presentRegion(region),
    path: path.map((p) => ({ code: p.code, name: p.name, level: p.level })),
    children: children.filter((c) => c.level !== 'zone').map(presentRegion),
    zones: children.filter((c) => c.level === 'zone').map(presentRegion),
  };
}
