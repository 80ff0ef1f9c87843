import { z } from 'zod';
import { isoDate, optionalText, text, uuid } from './common.ts';
import { PAIRING_LEVELS, PLAN_KINDS } from './enums.ts';

/** A side's name in both languages (东部 / Eastern side): labels naming the side are made from it. */
export const sideName = z.strictObject({ zh: text(40), en: text(80) });
export const programmeSides = z.strictObject({ a: sideName, b: sideName });
export type ProgrammeSides = z.infer<typeof programmeSides>;

const programmeFields = {
  name: text(200),
  shortName: optionalText(100),
  docNo: optionalText(100),
  issuer: optionalText(200),
  issued: isoDate.nullable().optional(),
  period: z
    .strictObject({ from: isoDate, to: isoDate })
    .refine((p) => p.from <= p.to, { message: 'period.to before period.from', path: ['to'] })
    .nullable()
    .optional(),
  sides: programmeSides,
  levels: z.array(z.enum(PAIRING_LEVELS)).min(1).max(PAIRING_LEVELS.length).nullable().optional(),
  goals: optionalText(4000),
  /** The plan kinds offered in the programme; null or absent: every kind. */
  planKinds: z.array(z.enum(PLAN_KINDS)).min(1).max(PLAN_KINDS.length).nullable().optional(),
  /** The indicator codes measured for its pairings (the library's codes); null or absent: every active indicator. */
  indicators: z.array(z.string().trim().min(1).max(100)).min(1).max(200).nullable().optional(),
};

export const createProgrammeInput = z.strictObject(programmeFields);
export type CreateProgrammeInput = z.infer<typeof createProgrammeInput>;
export const updateProgrammeInput = createProgrammeInput.partial().extend({ version: z.number().int().positive() });
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInput>;

/**
 * One pairing of a programme file: its two sides as GB/T 2260 codes (a side may be several regions), its level,
 * theme and start, and its sub-pairs, whose regions lie inside its sides. `name` is optional (default: the sides'
 * region names, side A—side B).
 */
export interface ProgrammeFilePairing {
  a: string[];
  b: string[];
  level: (typeof PAIRING_LEVELS)[number];
  theme?: string | null;
  since?: string | null;
  name?: string | null;
  children?: ProgrammeFilePairing[];
}
const regionCodes = z.array(z.string().trim().min(1).max(20)).min(1).max(50);
export const programmeFilePairing: z.ZodType<ProgrammeFilePairing> = z.strictObject({
  a: regionCodes,
  b: regionCodes,
  level: z.enum(PAIRING_LEVELS),
  theme: optionalText(200),
  since: isoDate.nullable().optional(),
  name: optionalText(200),
  get children() {
    return z.array(programmeFilePairing).max(500).optional();
  },
});

/** The file `duikou programme load` and POST /api/programmes/load take (docs/PROGRAMME-FILE.md). */
export const programmeFile = z.strictObject({
  programme: z.strictObject({ ...programmeFields, docNo: optionalText(100) }),
  pairings: z.array(programmeFilePairing).max(2000),
});
export type ProgrammeFile = z.infer<typeof programmeFile>;

/** What a load did: every pairing named as added or updated; unchanged ones counted. */
export const programmeLoadReport = z.object({
  programmeId: uuid,
  programmeName: z.string(),
  programmeCreated: z.boolean(),
  /** The programme's own fields that the file changed (name, sides, period, …). */
  programmeChanges: z.array(z.string()),
  unchanged: z.boolean(),
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchangedCount: z.number().int(),
  /** Pairings of the programme the file no longer names: kept (records hang off them), listed for the office. */
  notInFile: z.array(z.string()),
});
export type ProgrammeLoadReport = z.infer<typeof programmeLoadReport>;

export const programmeGrantInput = z.strictObject({ username: text(100) });
export type ProgrammeGrantInput = z.infer<typeof programmeGrantInput>;

/** Taking a programme back from a user: why, kept in the audit row. */
export const programmeRevokeInput = z.strictObject({ reason: text(500) });
export type ProgrammeRevokeInput = z.infer<typeof programmeRevokeInput>;
export const programmeGrantParams = z.strictObject({ id: uuid, userId: uuid });

/** A user granted a programme (a national office limited to its grants, see programme_grants). */
export const programmeGrantItem = z.object({
  userId: uuid,
  username: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
  grantedAt: z.string(),
});
export type ProgrammeGrantItem = z.infer<typeof programmeGrantItem>;
export const programmeGrantList = z.object({ items: z.array(programmeGrantItem) });
export type ProgrammeGrantList = z.infer<typeof programmeGrantList>;
