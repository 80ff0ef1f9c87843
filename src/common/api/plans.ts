import { z } from 'zod';
import {
  isoDate,
  optionalText,
  pageQuery,
  paged,
  type QueryParams,
  regionCode,
  text,
  uuid,
  programmeFilter,
} from './common.ts';
import {
  IMPORT_KINDS,
  PAIRING_LEVELS,
  PLAN_KINDS,
  TARGET_COMPARISONS,
  TASK_LIGHTS,
  TASK_STATUSES,
  type PlanKind,
} from './enums.ts';
import { targetInput, taskSummary, unitInput } from './tasks.ts';

export { IMPORT_KINDS, PLAN_KINDS, type PlanKind };

/**
 * Section trees nest 一、 → （一） → un-numbered headings. The schemas spell out a fixed depth instead of a
 * recursive schema, which the OpenAPI conversion cannot express.
 */
const MAX_SECTION_DEPTH = 4;

// ---- preview: the parser's tree (its `--json` shape) with what the server found around it ----

const namedRegion = z.object({
  name: z.string(),
  code: z.string().nullable(),
  /** A name several regions bear in the plan's context (鼓楼区 in 南京 and 徐州): the regions it may mean. */
  candidates: z.array(z.object({ name: z.string(), code: z.string() })).optional(),
});
export type NamedRegion = z.infer<typeof namedRegion>;
export const parsedSubPair = z.object({
  a: z.array(namedRegion),
  b: z.array(namedRegion),
  source: z.string(),
  theme: z.string().optional(),
  note: z.string().optional(),
  exploratory: z.boolean().optional(),
});
export type ParsedSubPair = z.infer<typeof parsedSubPair>;
const parsedTarget = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  perYear: z.boolean(),
  comparison: z.enum(TARGET_COMPARISONS),
  source: z.string(),
});
const parsedUnit = z.object({
  name: z.string(),
  role: z.enum(['lead', 'co']),
  side: z.enum(['a', 'b']).nullable(),
  source: z.string(),
  /** The registered organisation of that name, when exactly one the user can see has it. */
  organisationId: z.uuid().nullable().optional(),
});
const parsedTask = z.object({
  no: z.number().int(),
  /** The number officials cite, unique in the plan ("12", or "（二）3" where numbering restarts per section). */
  code: z.string(),
  title: z.string(),
  text: z.string(),
  line: z.number().int(),
  endLine: z.number().int(),
  targets: z.array(parsedTarget),
  subPairs: z.array(parsedSubPair),
  units: z.array(parsedUnit),
});
const parsedSectionFields = {
  no: z.string(),
  title: z.string(),
  level: z.number().int(),
  line: z.number().int(),
  subPairs: z.array(parsedSubPair),
  tasks: z.array(parsedTask),
};
function parsedSectionSchema(depth: number): z.ZodType {
  const base = z.object(parsedSectionFields);
  return depth <= 1 ? base : base.extend({ children: z.array(parsedSectionSchema(depth - 1)).optional() });
}
const parsedMeasure = z.object({ no: z.string(), title: z.string(), text: z.string(), line: z.number().int() });

const pairingChoice = z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable(), level: z.string() });

export const taskChange = z.object({ code: z.string(), title: z.string(), text: z.string() });
export const planDiff = z.object({
  added: z.array(taskChange),
  removed: z.array(taskChange),
  changed: z.array(z.object({ code: z.string(), before: taskChange, after: taskChange })),
  unchanged: z.number().int(),
});
export type PlanDiff = z.infer<typeof planDiff>;

export const subPairSuggestion = z.object({
  sideA: z.array(z.string()),
  sideB: z.array(z.string()),
  /** Each side's places as the file names them, resolved or not, for the office to correct. */
  a: z.array(namedRegion),
  b: z.array(namedRegion),
  name: z.string(),
  theme: z.string().nullable(),
  line: z.number().int().nullable(),
  quote: z.string(),
  /** The sentence of the file that names the pair (a list of pairs is one sentence). */
  clause: z.string(),
  /** Every named unit resolved to a region code. */
  resolved: z.boolean(),
  /** A pairing between these sides already exists. */
  exists: z.boolean(),
});
export type SubPairSuggestion = z.infer<typeof subPairSuggestion>;

export const planPreview = z.object({
  fileName: z.string(),
  plan: z.object({
    title: z.string(),
    docNo: z.string().nullable(),
    kind: z.string(),
    sides: z.array(namedRegion),
    subPairs: z.array(parsedSubPair),
    sections: z.array(parsedSectionSchema(MAX_SECTION_DEPTH)),
    measures: z.array(parsedMeasure),
  }),
  /** The normalised text the tree's line numbers refer to; send it back unchanged on confirmation. */
  sourceText: z.string(),
  sourceLines: z.array(z.object({ line: z.number().int(), text: z.string() })),
  taskCount: z.number().int(),
  targetCount: z.number().int(),
  programmeId: z.uuid().nullable(),
  /** The pairing whose two sides the plan names, when the user may see it; otherwise candidates to choose from. */
  pairing: pairingChoice.nullable(),
  pairingCandidates: z.array(pairingChoice),
  /** The current version of a plan with the same pairing and title, and what this file changes in it. */
  existing: z.object({ id: z.uuid(), versionNo: z.number().int(), title: z.string() }).nullable(),
  diff: planDiff.nullable(),
  subPairs: z.array(subPairSuggestion),
});
export type PlanPreview = z.infer<typeof planPreview>;

// ---- confirm: the corrected tree ----

const taskInput = z.strictObject({
  no: z.number().int().min(1).max(9999),
  /** Recomputed by the server from the tree; accepted so the preview can be sent back as it came. */
  code: z.string().optional(),
  title: text(500),
  text: z.string().trim().min(1).max(20_000),
  line: z.number().int().min(1).nullable().optional(),
  endLine: z.number().int().min(1).nullable().optional(),
  targets: z.array(targetInput).max(20).default([]),
  /** Lead and co-operating units the clause names; each needs its side. A re-import keeps units the office set. */
  units: z
    .array(unitInput.extend({ source: optionalText(2000) }))
    .max(50)
    .default([]),
  /** Ignored: the sub-pairs to create are listed in the plan's `subPairs`. */
  subPairs: z.array(z.unknown()).optional(),
});
export type PlanTaskInput = z.infer<typeof taskInput>;

const sectionInputFields = {
  no: z.string().trim().max(20).default(''),
  title: text(300),
  level: z.number().int().min(1).max(10).optional(),
  line: z.number().int().min(1).nullable().optional(),
  tasks: z.array(taskInput).max(500).default([]),
  subPairs: z.array(z.unknown()).optional(),
};
export interface PlanSectionInput {
  no: string;
  title: string;
  level?: number;
  line?: number | null;
  tasks: PlanTaskInput[];
  children?: PlanSectionInput[];
}
function sectionInputSchema(depth: number): z.ZodType<PlanSectionInput, unknown> {
  const base = z.strictObject(sectionInputFields);
  return (
    depth <= 1
      ? base
      : base.extend({
          children: z
            .array(sectionInputSchema(depth - 1))
            .max(100)
            .optional(),
        })
  ) as never;
}

const measureInput = z.strictObject({
  no: z.string().trim().max(20).default(''),
  title: text(300),
  text: z.string().trim().max(20_000).default(''),
  line: z.number().int().min(1).nullable().optional(),
});

export const subPairCreateInput = z.strictObject({
  sideA: z.array(regionCode).min(1).max(20),
  sideB: z.array(regionCode).min(1).max(20),
  level: z.enum(PAIRING_LEVELS).optional(),
  theme: optionalText(200),
  line: z.number().int().min(1).nullable().optional(),
  quote: optionalText(2000),
});
export type SubPairCreateInput = z.infer<typeof subPairCreateInput>;

export const importPlanInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  /** Required except for a programme-level (national) plan. */
  pairingId: uuid.nullable().optional(),
  programmeId: uuid.optional(),
  title: text(300),
  docNo: optionalText(100),
  fileName: text(255),
  sourceText: z.string().min(1).max(2_000_000),
  sections: z.array(sectionInputSchema(MAX_SECTION_DEPTH)).min(1).max(100),
  measures: z.array(measureInput).max(100).default([]),
  subPairs: z.array(subPairCreateInput).max(100).default([]),
});
export type ImportPlanInput = z.infer<typeof importPlanInput>;
export type ImportPlanBody = z.input<typeof importPlanInput>;

export const annualItemInput = z.strictObject({
  /** The implementation-plan task the item serves. */
  tracedTaskId: uuid,
  /** Defaults to the traced task's title and text (an item picked from the plan). */
  title: optionalText(500),
  text: optionalText(20_000),
  deadline: isoDate.nullable().optional(),
  warningDays: z.number().int().min(0).max(365).optional(),
  units: z.array(unitInput).max(50).default([]),
  targets: z.array(targetInput).max(20).default([]),
});
export type AnnualItemInput = z.infer<typeof annualItemInput>;

export const annualPlanInput = z.strictObject({
  kind: z.literal('annual'),
  pairingId: uuid,
  year: z.number().int().min(2000).max(2100),
  title: text(300),
  docNo: optionalText(100),
  items: z.array(annualItemInput).min(1).max(500),
});
export type AnnualPlanInput = z.infer<typeof annualPlanInput>;
export type AnnualPlanBody = z.input<typeof annualPlanInput>;

export const createPlanInput = z.discriminatedUnion('kind', [importPlanInput, annualPlanInput]);

// ---- reads ----

export const lightCounts = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  grey: z.number().int(),
});

export const planSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  pairingId: z.uuid().nullable(),
  pairingName: z.string().nullable(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  docNo: z.string().nullable(),
  year: z.number().int().nullable(),
  parentPlanId: z.uuid().nullable(),
  versionNo: z.number().int(),
  current: z.boolean(),
  taskCount: z.number().int(),
  lights: lightCounts,
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export interface PlanSectionNode {
  id: string;
  no: string;
  title: string;
  level: number;
  line: number | null;
  tasks: z.infer<typeof taskSummary>[];
  children: PlanSectionNode[];
}
function sectionNodeSchema(depth: number): z.ZodType<PlanSectionNode> {
  const base = z.object({
    id: z.uuid(),
    no: z.string(),
    title: z.string(),
    level: z.number().int(),
    line: z.number().int().nullable(),
    tasks: z.array(taskSummary),
  });
  return base.extend({ children: depth <= 1 ? z.array(z.never()) : z.array(sectionNodeSchema(depth - 1)) }) as never;
}

/** A plan's whole source text as imported, line by line; task clauses point into it by line number. */
export const planSource = z.object({
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  lines: z.array(z.object({ line: z.number().int(), text: z.string() })),
});
export type PlanSource = z.infer<typeof planSource>;

export const planDetail = planSummary.extend({
  supersedesId: z.uuid().nullable(),
  changes: planDiff.nullable(),
  source: z
    .object({ documentId: z.uuid(), title: z.string(), fileName: z.string(), lineCount: z.number().int() })
    .nullable(),
  sections: z.array(sectionNodeSchema(MAX_SECTION_DEPTH)),
  /** Items not under any section: the items of an annual plan. */
  tasks: z.array(taskSummary),
  measures: z.array(
    z.object({
      id: z.uuid(),
      no: z.string(),
      title: z.string(),
      text: z.string().nullable(),
      line: z.number().int().nullable(),
    }),
  ),
  versions: z.array(
    z.object({ id: z.uuid(), versionNo: z.number().int(), current: z.boolean(), createdAt: z.string() }),
  ),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  kind: z.enum(PLAN_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Include superseded versions. */
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...pageQuery,
});
export type PlanListQuery = z.infer<typeof planListQuery>;
export type PlanListParams = QueryParams<typeof planListQuery>;
export const planListResponse = paged(planSummary);
export type PlanList = z.infer<typeof planListResponse>;

export const planCreated = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  taskCount: z.number().int(),
  /** Against the superseded version, on a re-import. */
  changes: planDiff.nullable(),
  subPairIds: z.array(z.uuid()),
  /** The file was the current version already: nothing was written. */
  unchanged: z.boolean(),
});
export type PlanCreated = z.infer<typeof planCreated>;

export { TASK_LIGHTS, TASK_STATUSES };
