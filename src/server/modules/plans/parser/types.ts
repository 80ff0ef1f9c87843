import type { RegionLevel } from '../../../../common/regions/region-types.ts';

export type PlanKind = 'implementation' | 'annual' | 'special' | 'division' | 'national' | 'other';

/** A region the document's name could mean, with the name of its city or province in front (沈阳市铁西区). */
export interface RegionChoice {
  name: string;
  code: string;
}

/**
 * A region as the document names it; `code` is null when the name could not be resolved: an unknown zone, or a name
 * several regions bear within the plan's context (鼓楼区 in 南京 and 徐州), then listed in `candidates`.
 */
export interface RegionRef {
  name: string;
  code: string | null;
  candidates?: RegionChoice[];
}

export interface SubPair {
  /** North-eastern side, or the first-named side when neither is north-eastern. */
  a: RegionRef[];
  b: RegionRef[];
  /** The words of the document the pair was read from. */
  source: string;
  theme?: string;
  /** Set when one side is unnamed (江苏省有关城市) or only exploratory (内蒙古 主动对接). */
  note?: string;
  exploratory?: boolean;
}

export type Comparison = 'atLeast' | 'atMost' | 'range' | 'exactly';

export interface PlanTarget {
  min: number | null;
  max: number | null;
  unit: string;
  perYear: boolean;
  comparison: Comparison;
  source: string;
}

export type UnitRole = 'lead' | 'co';

/** A unit the clause names as responsible; `side` is null when its name does not tell which side it is on. */
export interface ResponsibleUnit {
  name: string;
  role: UnitRole;
  side: 'a' | 'b' | null;
  /** The words of the document the unit was read from. */
  source: string;
}

export interface PlanTask {
  no: number;
  title: string;
  text: string;
  /** 1-based line numbers in the normalised text. */
  line: number;
  endLine: number;
  targets: PlanTarget[];
  subPairs: SubPair[];
  units: ResponsibleUnit[];
}

export interface PlanSection {
  /** '一' for 一、, '（一）' for （一）, '' for an un-numbered heading. */
  no: string;
  title: string;
  level: number;
  line: number;
  subPairs: SubPair[];
  children?: PlanSection[];
  tasks: PlanTask[];
}

export interface PlanMeasure {
  no: string;
  title: string;
  text: string;
  line: number;
}

export interface ParsedPlan {
  title: string;
  docNo: string | null;
  kind: PlanKind;
  sides: RegionRef[];
  subPairs: SubPair[];
  sections: PlanSection[];
  measures: PlanMeasure[];
}

/** The part of a region record the parser needs; RegionRecord satisfies it. */
export interface RegionLike {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  shortName?: string;
  aliases?: string[];
}

/** Minimal view of the region resolver (src/server/modules/regions/region-resolver.ts). */
export interface RegionResolver {
  byCode(code: string): RegionLike | null | undefined;
  resolve(name: string, opts?: { within?: string; prefer?: RegionLevel[] }): RegionLike | null | undefined;
  /** Every region the name could mean, without context. */
  candidates(name: string): RegionLike[];
}

export interface ParsePlanDeps {
  regions: RegionResolver;
}
