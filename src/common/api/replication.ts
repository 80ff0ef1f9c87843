import { z } from 'zod';
import { attachment } from './attachments.ts';
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
import { ADOPTION_STAGES, PRACTICE_CATEGORIES, SIDES } from './enums.ts';

const link = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable()
  .optional();

const practiceFields = {
  title: text(200),
  /** Where the practice comes from; its side of the pairing is read from it. */
  sourceRegionCode: regionCode,
  category: z.enum(PRACTICE_CATEGORIES),
  description: text(5000),
  sourceDocTitle: optionalText(300),
  sourceDocNumber: optionalText(100),
  sourceDocDate: isoDate.nullable().optional(),
  sourceLink: link,
};

/** A practice (典型经验做法) of one side, registered for the other side to learn from. */
export const createPracticeInput = z.strictObject({ pairingId: uuid, ...practiceFields });
export type CreatePracticeInput = z.infer<typeof createPracticeInput>;
export type CreatePracticeBody = z.input<typeof createPracticeInput>;

export const updatePracticeInput = z.strictObject({
  version: z.number().int(),
  title: practiceFields.title.optional(),
  sourceRegionCode: regionCode.optional(),
  category: practiceFields.category.optional(),
  description: practiceFields.description.optional(),
  sourceDocTitle: practiceFields.sourceDocTitle,
  sourceDocNumber: practiceFields.sourceDocNumber,
  sourceDocDate: practiceFields.sourceDocDate,
  sourceLink: link,
});
export type UpdatePracticeInput = z.infer<typeof updatePracticeInput>;
export type UpdatePracticeBody = z.input<typeof updatePracticeInput>;

/** A stage reached, with its date and the local document issued for it (文件名称, 文号, 印发日期). */
export const stageInput = z.strictObject({
  stage: z.enum(ADOPTION_STAGES),
  reachedOn: isoDate,
  note: optionalText(2000),
  docTitle: optionalText(300),
  docNumber: optionalText(100),
  docDate: isoDate.nullable().optional(),
});
export type StageInput = z.infer<typeof stageInput>;
export type StageBody = z.input<typeof stageInput>;

/** A unit on the other side taking up the practice, with the first stage it has reached. */
export const createAdoptionInput = z.strictObject({
  /** The adopting unit as the system knows it; a lead unit records only its own adoptions. */
  adopterOrganisationId: uuid.nullable().optional(),
  /** The adopting unit's name (the organisation's name when one is chosen). */
  adopterName: optionalText(200),
  regionCode,
  results: optionalText(5000),
  firstStage: stageInput,
});
export type CreateAdoptionInput = z.infer<typeof createAdoptionInput>;
export type CreateAdoptionBody = z.input<typeof createAdoptionInput>;

export const updateAdoptionInput = z.strictObject({
  version: z.number().int(),
  adopterName: text(200).optional(),
  regionCode: regionCode.optional(),
  /** 成效: what the adoption has achieved. */
  results: optionalText(5000),
});
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionInput>;

export const advanceStageInput = stageInput.extend({ version: z.number().int() });
export type AdvanceStageInput = z.infer<typeof advanceStageInput>;
export type AdvanceStageBody = z.input<typeof advanceStageInput>;

/** Going back a stage is a correction, said why and audited; the withdrawn stage stays in the history. */
export const withdrawStageInput = z.strictObject({ version: z.number().int(), reason: text(500) });
export type WithdrawStageInput = z.infer<typeof withdrawStageInput>;

export const adoptionStage = z.object({
  id: uuid,
  stage: z.enum(ADOPTION_STAGES),
  reachedOn: isoDate,
  note: z.string().nullable(),
  docTitle: z.string().nullable(),
  docNumber: z.string().nullable(),
  docDate: isoDate.nullable(),
  withdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
  recordedBy: z.string().nullable(),
  attachments: z.array(attachment),
});
export type AdoptionStageView = z.infer<typeof adoptionStage>;

export const adoption = z.object({
  id: uuid,
  adopterOrganisationId: uuid.nullable(),
  adopterName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  side: z.enum(SIDES),
  /** The furthest stage reached (withdrawn stages aside). */
  stage: z.enum(ADOPTION_STAGES),
  stageReachedOn: isoDate,
  results: z.string().nullable(),
  stages: z.array(adoptionStage),
  /** Whether the actor may advance, withdraw, edit and add files to this adoption. */
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Adoption = z.infer<typeof adoption>;

export const practiceSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  title: z.string(),
  category: z.enum(PRACTICE_CATEGORIES),
  sourceSide: z.enum(SIDES),
  sourceRegionCode: z.string(),
  sourceRegionName: z.string(),
  sourceDocTitle: z.string().nullable(),
  sourceDocDate: isoDate.nullable(),
  adoptionCount: z.number().int(),
  /** The furthest stage any adopting unit has reached; null before any adoption. */
  furthestStage: z.enum(ADOPTION_STAGES).nullable(),
  registeredOn: isoDate,
  isDemo: z.boolean(),
});
export type PracticeSummary = z.infer<typeof practiceSummary>;

export const practiceDetail = practiceSummary.extend({
  description: z.string(),
  sourceDocNumber: z.string().nullable(),
  sourceLink: z.string().nullable(),
  adoptions: z.array(adoption),
  /** Whether the actor may edit the practice; any unit of the other side in scope may record its own adoption. */
  canEdit: z.boolean(),
  canAdopt: z.boolean(),
  version: z.number().int(),
});
export type PracticeDetail = z.infer<typeof practiceDetail>;

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const practiceListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  withSubPairs: bool,
  category: z.enum(PRACTICE_CATEGORIES).optional(),
  sourceSide: z.enum(SIDES).optional(),
  /** Practices some adopting unit has taken at least this far. */
  stage: z.enum(ADOPTION_STAGES).optional(),
  /** Practices registered in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: optionalText(100),
  demo: bool,
  ...pageQuery,
});
export type PracticeListQuery = z.infer<typeof practiceListQuery>;
export type PracticeListParams = QueryParams<typeof practiceListQuery>;
export const practiceListResponse = paged(practiceSummary);
export type PracticeList = z.infer<typeof practiceListResponse>;

/** Counts computed from the register (never mixed with published figures). */
export const replicationCounts = z.object({
  practices: z.number().int(),
  /** Practices with at least one adoption at 试点 or beyond (学习借鉴 alone is not yet replication). */
  replicated: z.number().int(),
  institutionalised: z.number().int(),
  adoptions: z.number().int(),
  /** Adoptions by the furthest stage they have reached. */
  adoptionsAt: z.record(z.enum(ADOPTION_STAGES), z.number().int()),
});
export type ReplicationCounts = z.infer<typeof replicationCounts>;

export const replicationYearRow = z.object({
  /** The source side of the practices counted. */
  side: z.enum(SIDES),
  year: z.number().int(),
  /** Practices registered that year. */
  registered: z.number().int(),
  /** Stages reached that year (withdrawn ones aside). */
  reached: z.record(z.enum(ADOPTION_STAGES), z.number().int()),
});

export const replicationFiguresQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  withSubPairs: bool,
});
export const replicationFigures = z.object({
  totals: replicationCounts,
  bySide: z.record(z.enum(SIDES), replicationCounts),
  byYear: z.array(replicationYearRow),
});
export type ReplicationFigures = z.infer<typeof replicationFigures>;
