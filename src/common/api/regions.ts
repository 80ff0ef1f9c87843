import { z } from 'zod';
import { REGION_LEVELS, ZONE_TYPES } from '../regions/region-types.ts';
import { pageQuery, paged, type QueryParams, regionCode } from './common.ts';

export const regionRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  /** Map position; a county without its own takes its city's (approximate: true). */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  approximate: z.boolean(),
  provinceCode: z.string().nullable(),
});
export type RegionRef = z.infer<typeof regionRef>;

export const regionItem = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: z.enum(REGION_LEVELS),
  zoneType: z.enum(ZONE_TYPES).nullable(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  aliases: z.array(z.string()),
  childCount: z.number().int(),
});
export type RegionItem = z.infer<typeof regionItem>;

export const regionListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  level: z.enum(REGION_LEVELS).optional(),
  parentCode: regionCode.optional(),
  ...pageQuery,
});
export type RegionListParams = QueryParams<typeof regionListQuery>;
export type RegionListQuery = z.output<typeof regionListQuery>;
export const regionListResponse = paged(regionItem);
export type RegionList = z.infer<typeof regionListResponse>;

export const regionDetailResponse = regionItem.extend({
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) })),
  children: z.array(regionItem),
  zones: z.array(regionItem),
});
export type RegionDetail = z.infer<typeof regionDetailResponse>;

export const regionCodeParams = z.strictObject({ code: regionCode });
