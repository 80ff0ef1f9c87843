import { z } from 'zod';
import { attachment } from './attachments.ts';
import { isoDate, text, uuid } from './common.ts';
import { decimalInput, figure, INDICATOR_UNITS } from './indicators.ts';
import { itemInput } from './tracking.ts';

export const ROUND_STATES = ['open', 'closed', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
/** Whole pairings, or each side of a pairing evaluated apart. */
export const ROUND_SIDES = ['pairing', 'each_side'] as const;
export const SUBJECT_SIDES = ['both', 'a', 'b'] as const;
export type SubjectSide = (typeof SUBJECT_SIDES)[number];
export const AWARD_KINDS = ['praise', 'rectification'] as const;
export const RULE_KINDS = ['linear', 'thresholds', 'yes_no'] as const;

/**
 * How an indicator's value becomes a score out of 100: linear to the target (capped at 100), thresholds (the best
 * step the value reaches: at least `bound` where higher is better, at most where lower is), or yes/no (any value
 * where higher is better, none where lower is).
 */
export const scoringRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear') }),
  z.strictObject({
    kind: z.literal('thresholds'),
    steps: z
      .array(z.strictObject({ bound: z.number().finite(), score: z.number().min(0).max(100) }))
      .min(1)
      .max(10),
  }),
  z.strictObject({ kind: z.literal('yes_no') }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const roundIndicator = z.strictObject({
  indicatorId: uuid,
  weight: z.number().positive().max(100),
  rule: scoringRule,
  /** The target where a pairing has none of its own for the year (linear scoring needs one). */
  target: decimalInput.nullable().optional(),
});
export type RoundIndicator = z.infer<typeof roundIndicator>;

export const gradeBand = z.strictObject({ grade: text(10), min: z.number().min(0).max(100) });
export type GradeBand = z.infer<typeof gradeBand>;

/** One indicator of a subject as the round froze it. */
export const frozenValue = z.object({
  indicatorId: uuid,
  value: z.number().nullable(),
  numerator: z.string(),
  denominator: z.string().nullable(),
  target: z.string().nullable(),
  /** Null: not scored (no target for a linear rule); its weight is left out. */
  score: z.number().nullable(),
});
export type FrozenValue = z.infer<typeof frozenValue>;

export const createRoundInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  sides: z.enum(ROUND_SIDES).default('pairing'),
  selfDeadline: isoDate,
  indicators: z.array(roundIndicator).min(1).max(50),
  gradeScale: z.array(gradeBand).min(1).max(10),
  pairingIds: z.array(uuid).min(1).max(500),
});
export type CreateRoundInput = z.infer<typeof createRoundInput>;
export type CreateRoundBody = z.input<typeof createRoundInput>;

export const versionInput = z.strictObject({ version: z.number().int() });
export const selfAssessmentInput = z.strictObject({
  version: z.number().int(),
  narrative: text(20_000),
  /** Hand it in to the national office (it may still be edited until the round closes). */
  submit: z.boolean().default(false),
});
export type SelfAssessmentInput = z.infer<typeof selfAssessmentInput>;
export const adjustInput = z.strictObject({
  version: z.number().int(),
  score: z.number().min(0).max(100),
  reason: text(1000),
});
export type AdjustInput = z.infer<typeof adjustInput>;
export const praiseInput = z.strictObject({ text: text(2000) });
/** 整改要求: each item becomes a tracked item of the pairing. */
export const rectificationInput = z.strictObject({ items: z.array(itemInput).min(1).max(20) });

export const roundSummary = z.object({
  id: uuid,
  year: z.number().int(),
  title: z.string(),
  state: z.enum(ROUND_STATES),
  sides: z.enum(ROUND_SIDES),
  selfDeadline: z.string(),
  subjectCount: z.number().int(),
  submittedCount: z.number().int(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummary>;
export const roundList = z.object({ items: z.array(roundSummary) });

const scoreFields = {
  /** Computed from the frozen values at closing. */
  score: z.number().nullable(),
  adjustedScore: z.number().nullable(),
  adjustReason: z.string().nullable(),
  /** The adjusted score where there is one. */
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  grade: z.string().nullable(),
};

export const subjectValue = z.object({
  indicatorId: uuid,
  now: figure.extend({ target: z.string().nullable(), score: z.number().nullable() }),
  frozen: frozenValue.nullable(),
  /** The records changed after the round froze this value. */
  changed: z.boolean(),
});

export const award = z.object({
  id: uuid,
  kind: z.enum(AWARD_KINDS),
  text: z.string(),
  trackedItemId: uuid.nullable(),
  createdAt: z.string(),
});

export const subjectView = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  side: z.enum(SUBJECT_SIDES),
  narrative: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  values: z.array(subjectValue),
  awards: z.array(award),
  attachments: z.array(attachment),
  can: z.object({ selfAssess: z.boolean() }),
  ...scoreFields,
});
export type SubjectView = z.infer<typeof subjectView>;

export const rankingRow = z.object({
  subjectId: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  side: z.enum(SUBJECT_SIDES),
  ...scoreFields,
});
export type RankingRow = z.infer<typeof rankingRow>;

export const roundDetail = roundSummary.extend({
  version: z.number().int(),
  indicators: z.array(
    z.object({
      indicatorId: uuid,
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unit: z.enum(INDICATOR_UNITS),
      weight: z.number(),
      rule: scoringRule,
      target: z.string().nullable(),
    }),
  ),
  gradeScale: z.array(gradeBand),
  /** The subjects the actor may read in full: the national office all, a pairing office its own. */
  subjects: z.array(subjectView),
  /** Scores, ranks and grades of every subject: for the national office always, for others once published. */
  ranking: z.array(rankingRow),
  can: z.object({ close: z.boolean(), publish: z.boolean(), adjust: z.boolean(), award: z.boolean() }),
});
export type RoundDetail = z.infer<typeof roundDetail>;

/** The last published round's ranking, for dashboards (null: none published yet). */
export const latestRanking = z.object({
  round: roundSummary.nullable(),
  ranking: z.array(rankingRow),
});
export type LatestRanking = z.infer<typeof latestRanking>;
