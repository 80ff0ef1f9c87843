import { z } from 'zod';
import { programmeFilter, text, uuid } from './common.ts';
import { PAIRING_LEVELS, PROJECT_STAGES, SIDES } from './enums.ts';

/**
 * The measures an indicator may combine: each is one set-based query over the platform's own records, written in
 * code (indicators/measures.repository.ts). Users never write SQL; they pick measures, filters and a factor.
 * `sided`: the records know their side (a measure without a side has values for the whole pairing only).
 * `filters`: which filters the measure understands besides the pairing's level (every measure takes a level).
 */
export const MEASURES = {
  tasks_due: { unit: 'count', sided: true, filters: [] },
  tasks_done: { unit: 'count', sided: true, filters: [] },
  tasks_red: { unit: 'count', sided: true, filters: [] },
  reports_due: { unit: 'count', sided: true, filters: [] },
  reports_on_time: { unit: 'count', sided: true, filters: [] },
  projects_signed: { unit: 'count', sided: true, filters: ['industry', 'stage'] },
  projects_signed_started: { unit: 'count', sided: true, filters: ['industry', 'stage'] },
  projects_started: { unit: 'count', sided: true, filters: ['industry', 'stage'] },
  projects_producing: { unit: 'count', sided: true, filters: ['industry', 'stage'] },
  signed_wan: { unit: 'wan', sided: true, filters: ['industry', 'stage'] },
  arrived_wan: { unit: 'wan', sided: true, filters: ['industry', 'stage'] },
  cadres_ne_to_east: { unit: 'person', sided: false, filters: [] },
  cadres_east_to_ne: { unit: 'person', sided: false, filters: [] },
  trainees: { unit: 'person', sided: true, filters: [] },
  trainings: { unit: 'count', sided: false, filters: [] },
  meetings_held: { unit: 'count', sided: true, filters: [] },
  decisions_due: { unit: 'count', sided: false, filters: [] },
  decisions_closed_on_time: { unit: 'count', sided: false, filters: [] },
  parks: { unit: 'count', sided: false, filters: [] },
  shared_tax_wan: { unit: 'wan', sided: false, filters: [] },
  practices_replicated: { unit: 'count', sided: true, filters: [] },
  practices_institutionalised: { unit: 'count', sided: true, filters: [] },
  listings_published: { unit: 'count', sided: false, filters: [] },
  listings_matched: { unit: 'count', sided: false, filters: [] },
  listing_deals: { unit: 'count', sided: false, filters: [] },
} as const satisfies Record<string, { unit: string; sided: boolean; filters: readonly ('industry' | 'stage')[] }>;
export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as [MeasureCode, ...MeasureCode[]];

export const INDICATOR_TYPES = ['count', 'sum', 'ratio', 'average'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export const INDICATOR_UNITS = ['count', 'person', 'wan', 'percent', 'per_item'] as const;

/** A decimal as the API takes it (string or JSON number), at most 16 integer and 4 decimal digits. */
export const decimalInput = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v;
  if (/^-?\d{1,16}(\.\d{1,4})?$/.test(s)) return s;
  ctx.addIssue({ code: 'custom', message: 'invalid decimal', params: { code: 'invalid_decimal' } });
  return z.NEVER;
});

export const termFilters = z.strictObject({
  side: z.enum(SIDES).optional(),
  levels: z.array(z.enum(PAIRING_LEVELS)).max(5).optional(),
  /** GB/T 4754 sections (A–T). */
  industries: z
    .array(z.string().regex(/^[A-T]$/))
    .max(20)
    .optional(),
  stages: z.array(z.enum(PROJECT_STAGES)).max(7).optional(),
});
export type TermFilters = z.infer<typeof termFilters>;

export const term = z.strictObject({ measure: z.enum(MEASURE_CODES), filters: termFilters.default({}) });
export type Term = z.infer<typeof term>;

const indicatorFields = {
  nameZh: text(100),
  nameEn: text(200),
  definitionZh: text(2000),
  definitionEn: text(4000),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  type: z.enum(INDICATOR_TYPES),
  numerator: term,
  /** Ratio and average only: what the numerator is divided by (sums of both first, then the division). */
  denominator: term.nullable().default(null),
  /** Ratio: 100 for a percentage. */
  factor: decimalInput.default('1'),
};

export const createIndicatorInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/),
  ...indicatorFields,
});
export type CreateIndicatorInput = z.infer<typeof createIndicatorInput>;
export type CreateIndicatorBody = z.input<typeof createIndicatorInput>;

export const updateIndicatorInput = z.strictObject({
  version: z.number().int(),
  nameZh: indicatorFields.nameZh.optional(),
  nameEn: indicatorFields.nameEn.optional(),
  definitionZh: indicatorFields.definitionZh.optional(),
  definitionEn: indicatorFields.definitionEn.optional(),
  active: z.boolean().optional(),
});
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorInput>;

export const indicator = z.object({
  id: uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  definitionZh: z.string(),
  definitionEn: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  type: z.enum(INDICATOR_TYPES),
  numerator: term,
  denominator: term.nullable(),
  factor: z.string(),
  builtIn: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof indicator>;
export const indicatorList = z.object({
  items: z.array(indicator),
  measures: z.array(
    z.object({ code: z.enum(MEASURE_CODES), unit: z.string(), sided: z.boolean(), filters: z.array(z.string()) }),
  ),
});
export type IndicatorList = z.infer<typeof indicatorList>;

export const targetsInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** Each pairing's target: a value sets it, null removes it; pairings not listed keep theirs. */
    targets: z
      .array(z.strictObject({ pairingId: uuid, value: decimalInput.nullable() }))
      .max(500)
      .default([]),
    /** The whole programme's target (the national dashboard's): a value, null to remove, absent to keep. */
    programme: decimalInput.nullable().optional(),
  })
  .refine((v) => v.targets.length > 0 || v.programme !== undefined, {
    path: ['targets'],
    message: 'no target given',
    // A pairing's target or the programme's, at least one.
    params: { code: 'required' },
  });
export type TargetsInput = z.infer<typeof targetsInput>;
export type TargetsBody = z.input<typeof targetsInput>;

export const targetsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
/** One indicator's targets for a year, as the national office's form shows them. */
export const yearTargets = z.object({
  year: z.number().int(),
  programme: z.string().nullable(),
  targets: z.array(z.object({ pairingId: uuid, value: z.string() })),
});
export type YearTargets = z.infer<typeof yearTargets>;

export const valuesQuery = z.strictObject({
  /** Without a pairing: the whole of one programme (for a national office of it), every record once. */
  pairingId: uuid.optional(),
  /** That programme (default: the first the actor sees whole); another programme's records never count. */
  ...programmeFilter,
  fromYear: z.coerce.number().int().min(2000).max(2100),
  toYear: z.coerce.number().int().min(2000).max(2100),
  /** Repeated (indicatorIds=…&indicatorIds=…) or comma-separated, as the web client sends a list. */
  indicatorIds: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(uuid).min(1).max(50))
    .optional(),
});
export type ValuesQuery = z.infer<typeof valuesQuery>;

/** One figure: the value (null when the denominator is zero or the measure has no side) and its parts. */
export const figure = z.object({
  value: z.number().nullable(),
  numerator: z.string(),
  denominator: z.string().nullable(),
});
export type Figure = z.infer<typeof figure>;

export const indicatorSeries = z.object({
  indicatorId: uuid,
  years: z.array(
    z.object({
      year: z.number().int(),
      total: figure,
      a: figure.nullable(),
      b: figure.nullable(),
      target: z.string().nullable(),
    }),
  ),
});
export const indicatorValues = z.object({
  pairingId: uuid.nullable(),
  series: z.array(indicatorSeries),
});
export type IndicatorValues = z.infer<typeof indicatorValues>;
