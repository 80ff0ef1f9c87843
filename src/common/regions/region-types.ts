/** Administrative level of a region. Zones (国家级新区, 开发区, 高新区, 综合保税区, 合作园区) are not GB/T 2260 divisions; they hang under one. */
export const REGION_LEVELS = ['nation', 'province', 'city', 'county', 'zone'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const ZONE_TYPES = [
  'national_new_area',
  'development_zone',
  'high_tech_zone',
  'bonded_zone',
  'cooperation_park',
  'other',
] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

/**
 * One row of resources/regions/regions.json.
 * GB/T 2260 codes are six digits; zone codes are `Z` + the parent's six digits + a two-digit sequence (e.g. Z22000001),
 * so they can never collide with an official code.
 */
export interface RegionRecord {
  code: string;
  name: string;
  /** Name without the administrative suffix, as texts use it (吉林, 长春, 延边, 长白山). */
  shortName: string;
  level: RegionLevel;
  parentCode: string | null;
  zoneType?: ZoneType;
  /** Other names used in documents (长白山开发区管委会, 长白山保护开发区…). */
  aliases?: string[];
  /** Where a zone added by hand is documented (the zones plans name that the official lists lack). */
  source?: string;
  /** Centre for drawing on the map; null where the map data has none. */
  lng: number | null;
  lat: number | null;
}
