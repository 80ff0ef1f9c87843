import { z } from 'zod';
import { cleanText, optionalText, text, uuid, programmeFilter } from './common.ts';
import type { MeasureCode } from './indicators.ts';

/** 年度工作计划 and 年度工作总结: the two yearly documents a pairing office sends up. */
export const SUMMARY_KINDS = ['plan', 'summary'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

/** The summary's sections in the order offices write them (22号 四(二)); the plan has its own two. */
export const SUMMARY_SECTIONS = [
  'overall',
  'tasks',
  'projects',
  'parks',
  'cadres',
  'replication',
  'problems',
  'next_year',
] as const;
export const PLAN_SECTIONS = ['requirements', 'items'] as const;
export type SectionKey = (typeof SUMMARY_SECTIONS)[number] | (typeof PLAN_SECTIONS)[number];
export const SECTION_KEYS = [...SUMMARY_SECTIONS, ...PLAN_SECTIONS] as const;

/**
 * The figures a summary cites, each one of the indicator measures (the same counting as indicators and rounds), for
 * the pairing with its sub-pairs, both sides, in the year. The text cites one as {{code}}.
 */
export const SUMMARY_FIGURES = [
  'tasks_due',
  'tasks_done',
  'tasks_red',
  'projects_signed',
  'signed_wan',
  'arrived_wan',
  'projects_started',
  'projects_producing',
  'parks',
  'shared_tax_wan',
  'cadres_ne_to_east',
  'cadres_east_to_ne',
  'trainings',
  'trainees',
  'meetings_held',
  'decisions_due',
  'decisions_closed_on_time',
  'practices_replicated',
  'practices_institutionalised',
] as const satisfies readonly MeasureCode[];
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

/**
 * A document's life: draft → submitted (to the recipients) → returned (with comments; edited and submitted again as
 * a new version) or accepted (by the national office: the year's figures of the pairing lock).
 */
export const SUMMARY_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
/** Who receives a submitted document: the national office the whole, 组织部 the cadre part. */
export const RECIPIENTS = ['national_office', 'org_dept'] as const;
export type Recipient = (typeof RECIPIENTS)[number];
export const RECEIPT_STATES = ['sent', 'received', 'returned', 'accepted'] as const;

export const year = z.coerce.number().int().min(2000).max(2100);

export const summaryListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  year: year.optional(),
  kind: z.enum(SUMMARY_KINDS).optional(),
  state: z.enum(SUMMARY_STATES).optional(),
});

export const createSummaryInput = z.strictObject({
  pairingId: uuid,
  year,
  kind: z.enum(SUMMARY_KINDS),
});

export const updateSectionInput = z.strictObject({
  version: z.number().int(),
  text: cleanText().max(20_000),
});
export const sectionParams = z.strictObject({ id: uuid, key: z.enum(SECTION_KEYS) });

export const updateHeaderInput = z.strictObject({
  version: z.number().int(),
  title: text(200).optional(),
  addressee: text(200).optional(),
  issuer: text(200).optional(),
});

export const versionedInput = z.strictObject({ version: z.number().int() });

export const receiptParams = z.strictObject({ id: uuid, receiptId: uuid });
export const receiptDecisionInput = z.strictObject({
  decision: z.enum(['received', 'returned', 'accepted']),
  comment: optionalText(4000),
});

export const unlockInput = z.strictObject({
  pairingId: uuid,
  year,
  reason: text(1000),
});

const figureValue = z.object({
  code: z.enum(SUMMARY_FIGURES),
  /** As the draft cites it (taken when drafted or last refreshed). */
  drafted: z.string(),
  /** As the records give it now. */
  now: z.string(),
  /** The records changed after drafting: the cited figure is no longer what the data says. */
  changed: z.boolean(),
});
export type FigureValue = z.infer<typeof figureValue>;

export const summarySection = z.object({
  key: z.enum(SECTION_KEYS),
  text: z.string(),
  /** The figures the text cites, in the order they appear. */
  figures: z.array(z.enum(SUMMARY_FIGURES)),
});
export type SummarySection = z.infer<typeof summarySection>;

const receipt = z.object({
  id: uuid,
  recipient: z.enum(RECIPIENTS),
  state: z.enum(RECEIPT_STATES),
  versionNo: z.number().int(),
  receivedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});

export const summaryItem = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  year: z.number().int(),
  kind: z.enum(SUMMARY_KINDS),
  title: z.string(),
  state: z.enum(SUMMARY_STATES),
  versionNo: z.number().int(),
  updatedAt: z.string(),
});
export type SummaryItem = z.infer<typeof summaryItem>;
export const summaryList = z.object({ items: z.array(summaryItem) });

export const summaryDetail = summaryItem.extend({
  addressee: z.string(),
  issuer: z.string(),
  version: z.number().int(),
  sections: z.array(summarySection),
  figures: z.array(figureValue),
  receipts: z.array(receipt),
  versions: z.array(z.object({ versionNo: z.number().int(), submittedAt: z.string() })),
  /** The pairing's year is locked (an accepted summary, not unlocked since). */
  locked: z.boolean(),
});
export type SummaryDetail = z.infer<typeof summaryDetail>;

export const exportQuery = z.strictObject({ versionNo: z.coerce.number().int().min(1).optional() });
