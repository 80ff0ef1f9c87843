import { z } from 'zod';
import { isoDate, optionalText, text, uuid } from './common.ts';
import { PUBLISHED_FIGURE_TOPICS, SIDES } from './enums.ts';
import { decimalInput } from './tasks.ts';

/**
 * A figure published by the press or an official report ("广东省192项政策举措…在黑龙江复制推广"), recorded with its
 * source and date and always shown apart from the figures the system computes from its own records. It belongs to
 * a pairing (optionally one side of it) or, for the national office, to the programme as a whole.
 */
export const publishedFigureInput = z.strictObject({
  pairingId: uuid.nullable().optional(),
  side: z.enum(SIDES).nullable().optional(),
  /** The year the figure describes. */
  year: z.number().int().min(2000).max(2100),
  label: text(200),
  /** A decimal (never a float), as text or a JSON number. */
  value: decimalInput,
  unit: text(20),
  sourceTitle: text(300),
  sourceDate: isoDate,
  sourceLink: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  note: optionalText(1000),
});
export type PublishedFigureInput = z.infer<typeof publishedFigureInput>;
export type PublishedFigureBody = z.input<typeof publishedFigureInput>;

export const publishedFigure = z.object({
  id: uuid,
  topic: z.enum(PUBLISHED_FIGURE_TOPICS),
  pairingId: uuid.nullable(),
  pairingName: z.string().nullable(),
  side: z.enum(SIDES).nullable(),
  year: z.number().int(),
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  sourceTitle: z.string(),
  sourceDate: isoDate,
  sourceLink: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type PublishedFigure = z.infer<typeof publishedFigure>;

export const publishedFigureQuery = z.strictObject({
  pairingId: uuid.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const publishedFigureList = z.object({ items: z.array(publishedFigure) });
export type PublishedFigureList = z.infer<typeof publishedFigureList>;
