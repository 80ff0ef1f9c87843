import { z } from 'zod';
import { textFault } from './text-faults.ts';

export const uuid = z.uuid();
export const isoDate = z.iso.date();
export const regionCode = z.string().regex(/^(\d{6}|Z\d{8})$/);
/** Text as it may enter the system: no NUL or other controls, no lone surrogates, no bidi overrides (text-faults.ts). */
export const cleanText = () =>
  z.string().superRefine((value, ctx) => {
    const fault = textFault(value);
    if (fault) ctx.addIssue({ code: 'custom', message: fault, params: { code: fault } });
  });
export const text = (max: number) => cleanText().trim().min(1).max(max);
export const optionalText = (max: number) => cleanText().trim().max(max).nullable().optional();

export const idParams = z.strictObject({ id: uuid });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

/**
 * The programme a list (its export, its statistics) is limited to: the one chosen in the web app's switcher. The
 * server narrows the caller's scope to it (http/route.ts), so no row of another programme is in the answer.
 */
export const programmeFilter = { programmeId: uuid.optional() };

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    zh: z.string(),
    en: z.string(),
    details: z.array(
      z.object({ field: z.string(), code: z.string(), message: z.string(), zh: z.string(), en: z.string() }),
    ),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const okResponse = z.object({ ok: z.literal(true) });

/**
 * A list query as a client sends it: the schema's input, with the fields the server coerces from the address
 * (numbers) typed as numbers or text.
 */
export type QueryParams<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K] ? number | string : z.input<S>[K];
};
export type Ok = z.infer<typeof okResponse>;
