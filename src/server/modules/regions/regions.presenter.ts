import type { RegionItem } from '../../../common/api/regions.ts';
import type { ZoneType } from '../../../common/regions/region-types.ts';
import type { findRegion } from './regions.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

export function presentRegion(r: Row): RegionItem {
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
