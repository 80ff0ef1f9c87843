import { z } from 'zod';
import { cleanText, isoDate, uuid } from './common.ts';
import { PUBLISHED_FIGURE_TOPICS, SIDES } from './enums.ts';
import { SUBJECT_SIDES } from './evaluations.ts';
import { LOCALES } from '../i18n/text.ts';

/**
 * Open data: what anyone may read without an account. Everything here comes from records an office published
 * (projects with `published_at`, published figures, published evaluation rounds); money is a decimal string in
 * 万元 (never a float), as stored.
 */

/** A decimal as text: digits, an optional fraction, never an exponent. */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

export const openDataQuery = z.strictObject({
  /** A programme's id or its exact name. */
  programme: cleanText().trim().min(1).max(200).optional(),
  /** A pairing's id or its exact name (吉林省—浙江省). */
  pairing: cleanText().trim().min(1).max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  side: z.enum(SIDES).optional(),
});
export type OpenDataQuery = z.infer<typeof openDataQuery>;

/** A CSV download also says in which language its header row is written. */
export const openDataCsvQuery = openDataQuery.extend({ lang: z.enum(LOCALES).default('zh-CN') });
export type OpenDataCsvQuery = z.infer<typeof openDataCsvQuery>;

export const openIatiQuery = openDataQuery.pick({ programme: true, pairing: true });

const pairingColumns = {
  programmeId: uuid,
  programmeName: z.string(),
  pairingId: uuid,
  pairingName: z.string(),
  pairingLevel: z.string(),
};

/** Published projects of one pairing, one side (the host side) and one signing year (null: not signed yet). */
export const openProjectAggregate = z.object({
  ...pairingColumns,
  side: z.enum(SIDES),
  year: z.number().int().nullable(),
  projects: z.number().int(),
  signedWan: decimal,
  arrivedWan: decimal,
  demo: z.boolean(),
});
export type OpenProjectAggregate = z.infer<typeof openProjectAggregate>;

/** A figure from the press or an official report, with its source. */
export const openPublishedFigure = z.object({
  id: uuid,
  programmeId: uuid.nullable(),
  programmeName: z.string().nullable(),
  pairingId: uuid.nullable(),
  pairingName: z.string().nullable(),
  side: z.enum(SIDES).nullable(),
  year: z.number().int(),
  topic: z.enum(PUBLISHED_FIGURE_TOPICS),
  label: z.string(),
  value: decimal,
  unit: z.string(),
  sourceTitle: z.string(),
  sourceDate: isoDate,
  sourceLink: z.string().nullable(),
  demo: z.boolean(),
});
export type OpenPublishedFigure = z.infer<typeof openPublishedFigure>;

/** A subject's result in a published evaluation round. */
export const openEvaluationResult = z.object({
  ...pairingColumns,
  roundId: uuid,
  roundTitle: z.string(),
  year: z.number().int(),
  side: z.enum(SUBJECT_SIDES),
  score: decimal.nullable(),
  rank: z.number().int().nullable(),
  grade: z.string().nullable(),
});
export type OpenEvaluationResult = z.infer<typeof openEvaluationResult>;

const dataset = <T extends z.ZodType>(row: T) => z.object({ generatedAt: z.string(), items: z.array(row) });
export const openProjectAggregates = dataset(openProjectAggregate);
export const openPublishedFigures = dataset(openPublishedFigure);
export const openEvaluationResults = dataset(openEvaluationResult);

export const OPEN_DATASETS = ['projects', 'figures', 'evaluations'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];
export const OPEN_FIELD_TYPES = ['uuid', 'text', 'integer', 'decimal', 'date', 'boolean'] as const;

/** The data dictionary: every field of every dataset, named in both languages, with its type, unit and meaning. */
export const openDataDictionary = z.object({
  datasets: z.array(
    z.object({
      id: z.enum(OPEN_DATASETS),
      title: z.object({ zh: z.string(), en: z.string() }),
      description: z.object({ zh: z.string(), en: z.string() }),
      downloads: z.object({ json: z.string(), csv: z.string() }),
      fields: z.array(
        z.object({
          name: z.string(),
          label: z.object({ zh: z.string(), en: z.string() }),
          type: z.enum(OPEN_FIELD_TYPES),
          nullable: z.boolean(),
          unit: z.object({ zh: z.string(), en: z.string() }).nullable(),
          definition: z.object({ zh: z.string(), en: z.string() }),
        }),
      ),
    }),
  ),
});
export type OpenDataDictionary = z.infer<typeof openDataDictionary>;
