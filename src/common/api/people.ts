import { z } from 'zod';
import { isoDate, optionalText, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';
import {
  EXCHANGE_KINDS,
  GENDERS,
  PROTECTED_FIELDS,
  SECONDMENT_DIRECTIONS,
  SECONDMENT_RANKS,
  SECONDMENT_STATUSES,
  TRAINEE_CATEGORIES,
  type ExchangeKind,
  type ProtectedField,
  type SecondmentDirection,
  type SecondmentRank,
  type SecondmentStatus,
  type TraineeCategory,
  SIDES,
} from './enums.ts';
import { idNumberFault, MOBILE_PATTERN, normaliseIdNumber } from './id-number.ts';

export {
  EXCHANGE_KINDS,
  GENDERS,
  PROTECTED_FIELDS,
  SECONDMENT_DIRECTIONS,
  SECONDMENT_RANKS,
  SECONDMENT_STATUSES,
  TRAINEE_CATEGORIES,
  type ExchangeKind,
  type ProtectedField,
  type SecondmentDirection,
  type SecondmentRank,
  type SecondmentStatus,
  type TraineeCategory,
};

/** The side that sends a cadre: side a is the north-eastern one. */
export const homeSideOf = (d: SecondmentDirection) => (d === 'ne_to_east' ? 'a' : 'b');

const demoFilter = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const yearQuery = z.coerce.number().int().min(1990).max(2100).optional();

const idNumber = z
  .string()
  .transform(normaliseIdNumber)
  .superRefine((v, ctx) => {
    const fault = idNumberFault(v);
    if (fault) ctx.addIssue({ code: 'custom', message: fault, params: { code: fault } });
  });
const mobile = z
  .string()
  .transform((v) => v.normalize('NFKC').replace(/[\s-]/g, ''))
  .refine((v) => MOBILE_PATTERN.test(v), { params: { code: 'invalid_mobile' } });

const secondmentFields = {
  name: text(50),
  gender: z.enum(GENDERS),
  birthYear: z.number().int().min(1930).max(2010),
  idNumber,
  mobile: mobile.nullable().optional(),
  direction: z.enum(SECONDMENT_DIRECTIONS),
  homeUnit: text(200),
  homePost: text(100),
  hostUnit: text(200),
  hostPost: text(100),
  rank: z.enum(SECONDMENT_RANKS),
  batch: text(50),
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(SECONDMENT_STATUSES).default('planned'),
  evaluation: optionalText(2000),
};

export const createSecondmentInput = z.strictObject({ pairingId: uuid, ...secondmentFields });
export type CreateSecondmentInput = z.infer<typeof createSecondmentInput>;
export type CreateSecondmentBody = z.input<typeof createSecondmentInput>;

export const updateSecondmentInput = z.strictObject({
  version: z.number().int(),
  name: secondmentFields.name.optional(),
  gender: secondmentFields.gender.optional(),
  birthYear: secondmentFields.birthYear.optional(),
  idNumber: idNumber.optional(),
  mobile: secondmentFields.mobile,
  direction: secondmentFields.direction.optional(),
  homeUnit: secondmentFields.homeUnit.optional(),
  homePost: secondmentFields.homePost.optional(),
  hostUnit: secondmentFields.hostUnit.optional(),
  hostPost: secondmentFields.hostPost.optional(),
  rank: secondmentFields.rank.optional(),
  batch: secondmentFields.batch.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  status: z.enum(SECONDMENT_STATUSES).optional(),
  evaluation: secondmentFields.evaluation,
});
export type UpdateSecondmentInput = z.infer<typeof updateSecondmentInput>;
export type UpdateSecondmentBody = z.input<typeof updateSecondmentInput>;

/** A cadre as the offices and 组织部 see one: identity and mobile numbers masked. */
export const secondmentSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthYear: z.number().int(),
  idNumber: z.string(),
  mobile: z.string().nullable(),
  direction: z.enum(SECONDMENT_DIRECTIONS),
  homeSide: z.enum(SIDES),
  homeUnit: z.string(),
  homePost: z.string(),
  hostUnit: z.string(),
  hostPost: z.string(),
  rank: z.enum(SECONDMENT_RANKS),
  batch: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(SECONDMENT_STATUSES),
  isDemo: z.boolean(),
});
export type SecondmentSummary = z.infer<typeof secondmentSummary>;

export const secondmentDetail = secondmentSummary.extend({
  evaluation: z.string().nullable(),
  version: z.number().int(),
});
export type SecondmentDetail = z.infer<typeof secondmentDetail>;

export const secondmentListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  direction: z.enum(SECONDMENT_DIRECTIONS).optional(),
  rank: z.enum(SECONDMENT_RANKS).optional(),
  status: z.enum(SECONDMENT_STATUSES).optional(),
  batch: z.string().trim().max(50).optional(),
  /** Cadres in post at some time of the year. */
  year: yearQuery,
  /** Name, home or host unit. */
  q: z.string().trim().max(100).optional(),
  demo: demoFilter,
  /** endsOn: the postings ending soonest first (组织部's cadres in post); by default the latest started first. */
  sort: z.enum(['endsOn']).optional(),
  ...pageQuery,
});
export type SecondmentListQuery = z.infer<typeof secondmentListQuery>;
export type SecondmentListParams = QueryParams<typeof secondmentListQuery>;
export const secondmentListResponse = paged(secondmentSummary);
export type SecondmentList = z.infer<typeof secondmentListResponse>;

export const revealInput = z.strictObject({
  field: z.enum(PROTECTED_FIELDS),
  /** Why the number is needed; kept in the audit row. */
  reason: text(200),
});
export type RevealInput = z.infer<typeof revealInput>;
export const revealed = z.object({ field: z.enum(PROTECTED_FIELDS), value: z.string().nullable() });
export type Revealed = z.infer<typeof revealed>;

export const rosterImportQuery = z.strictObject({ pairingId: uuid });
export const rosterImportResult = z.object({ created: z.number().int(), rows: z.number().int() });
export type RosterImportResult = z.infer<typeof rosterImportResult>;

// Trainings

const countField = z.number().int().min(0).max(1_000_000);
export const traineeCounts = z.strictObject({
  officials: countField,
  managers: countField,
  professionals: countField,
  other: countField,
});
export type TraineeCounts = z.infer<typeof traineeCounts>;
export const traineesBySide = z.strictObject({ a: countField, b: countField });

const trainingFields = {
  title: text(200),
  organiser: text(200),
  hostSide: z.enum(SIDES),
  place: optionalText(200),
  startsOn: isoDate,
  endsOn: isoDate,
  trainees: traineeCounts,
  /** Trainees from each side; they add up to the category counts' total. */
  bySide: traineesBySide,
  /** 教材与课件: titles and links. */
  materials: optionalText(5000),
  /** The plan task whose yearly target the training counts toward (吉浙 38: 每年培训千人以上). */
  taskId: uuid.nullable().optional(),
};

export const createTrainingInput = z.strictObject({ pairingId: uuid, ...trainingFields });
export type CreateTrainingInput = z.infer<typeof createTrainingInput>;
export type CreateTrainingBody = z.input<typeof createTrainingInput>;
export const updateTrainingInput = z.strictObject({
  version: z.number().int(),
  title: trainingFields.title.optional(),
  organiser: trainingFields.organiser.optional(),
  hostSide: trainingFields.hostSide.optional(),
  place: trainingFields.place,
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  trainees: traineeCounts.optional(),
  bySide: traineesBySide.optional(),
  materials: trainingFields.materials,
  taskId: trainingFields.taskId,
});
export type UpdateTrainingInput = z.infer<typeof updateTrainingInput>;
export type UpdateTrainingBody = z.input<typeof updateTrainingInput>;

export const trainingSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  title: z.string(),
  organiser: z.string(),
  hostSide: z.enum(SIDES),
  place: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  trainees: z.object({ officials: z.number(), managers: z.number(), professionals: z.number(), other: z.number() }),
  bySide: z.object({ a: z.number(), b: z.number() }),
  total: z.number().int(),
  taskId: uuid.nullable(),
  taskCode: z.string().nullable(),
  isDemo: z.boolean(),
});
export type TrainingSummary = z.infer<typeof trainingSummary>;

/** How a task's yearly trainee target stands in one year. */
export const targetProgress = z.object({
  taskId: uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  year: z.number().int(),
  /** The yearly figure the plan states (null when the task has no per-year target in 人). */
  target: z.number().nullable(),
  unit: z.string().nullable(),
  trainees: z.number().int(),
  /** Share of the target reached, 0–100+ (null without a target). */
  percent: z.number().nullable(),
});
export type TargetProgress = z.infer<typeof targetProgress>;

export const trainingDetail = trainingSummary.extend({
  materials: z.string().nullable(),
  progress: targetProgress.nullable(),
  version: z.number().int(),
});
export type TrainingDetail = z.infer<typeof trainingDetail>;

export const trainingListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  hostSide: z.enum(SIDES).optional(),
  year: yearQuery,
  taskId: uuid.optional(),
  q: z.string().trim().max(100).optional(),
  demo: demoFilter,
  ...pageQuery,
});
export type TrainingListQuery = z.infer<typeof trainingListQuery>;
export type TrainingListParams = QueryParams<typeof trainingListQuery>;
export const trainingListResponse = paged(trainingSummary);
export type TrainingList = z.infer<typeof trainingListResponse>;

export const targetProgressQuery = z.strictObject({ pairingId: uuid, year: yearQuery });
export const targetProgressResponse = z.object({ items: z.array(targetProgress) });
export type TargetProgressList = z.infer<typeof targetProgressResponse>;

// Exchange visits and expert support

const exchangeFields = {
  kind: z.enum(EXCHANGE_KINDS),
  title: text(200),
  heldOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  place: optionalText(200),
  /** People taking part (visitors, experts, graduates recruited). */
  participants: countField,
  /** What shows it happened: a document number, a news link, a note. */
  evidence: text(2000),
};
export const createExchangeInput = z.strictObject({ pairingId: uuid, ...exchangeFields });
export type CreateExchangeInput = z.infer<typeof createExchangeInput>;
export type CreateExchangeBody = z.input<typeof createExchangeInput>;
export const updateExchangeInput = z.strictObject({
  version: z.number().int(),
  kind: exchangeFields.kind.optional(),
  title: exchangeFields.title.optional(),
  heldOn: isoDate.optional(),
  endsOn: exchangeFields.endsOn,
  place: exchangeFields.place,
  participants: countField.optional(),
  evidence: exchangeFields.evidence.optional(),
});
export type UpdateExchangeInput = z.infer<typeof updateExchangeInput>;

export const exchangeSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  kind: z.enum(EXCHANGE_KINDS),
  title: z.string(),
  heldOn: isoDate,
  endsOn: isoDate.nullable(),
  place: z.string().nullable(),
  participants: z.number().int(),
  evidence: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type ExchangeSummary = z.infer<typeof exchangeSummary>;
export const exchangeListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  kind: z.enum(EXCHANGE_KINDS).optional(),
  year: yearQuery,
  demo: demoFilter,
  ...pageQuery,
});
export type ExchangeListQuery = z.infer<typeof exchangeListQuery>;
export type ExchangeListParams = QueryParams<typeof exchangeListQuery>;
export const exchangeListResponse = paged(exchangeSummary);
export type ExchangeList = z.infer<typeof exchangeListResponse>;

// Figures: counts anyone with cadre.read may see (no names)

export const peopleFiguresQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  year: yearQuery,
});
export type PeopleFiguresQuery = z.infer<typeof peopleFiguresQuery>;
export const peopleFigures = z.object({
  /** Cadres seconded (started) per pairing, year and direction. */
  secondments: z.array(
    z.object({
      pairingId: uuid,
      pairingName: z.string(),
      year: z.number().int(),
      direction: z.enum(SECONDMENT_DIRECTIONS),
      count: z.number().int(),
      inPost: z.number().int(),
    }),
  ),
  /** Trainees per pairing, year and category, and by the side they came from. */
  trainees: z.array(
    z.object({
      pairingId: uuid,
      pairingName: z.string(),
      year: z.number().int(),
      trainings: z.number().int(),
      officials: z.number().int(),
      managers: z.number().int(),
      professionals: z.number().int(),
      other: z.number().int(),
      sideA: z.number().int(),
      sideB: z.number().int(),
    }),
  ),
  exchanges: z.array(
    z.object({
      pairingId: uuid,
      pairingName: z.string(),
      year: z.number().int(),
      kind: z.enum(EXCHANGE_KINDS),
      count: z.number().int(),
      participants: z.number().int(),
    }),
  ),
});
export type PeopleFigures = z.infer<typeof peopleFigures>;
