import { z } from 'zod';
import { isoDate, optionalText, pageQuery, paged, type QueryParams, regionCode, text, uuid } from './common.ts';
import { regionRef } from './regions.ts';
import { PAIRING_LEVELS, PAIRING_STATUSES, PLAN_KINDS, SIDES } from './enums.ts';

export { PAIRING_LEVELS, PAIRING_STATUSES, SIDES };

export const sourceRef = z.object({
  documentId: z.uuid(),
  title: z.string(),
  docNo: z.string().nullable(),
  line: z.number().int().nullable(),
  quote: z.string().nullable(),
});

export const pairingSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  level: z.enum(PAIRING_LEVELS),
  status: z.enum(PAIRING_STATUSES),
  theme: z.string().nullable(),
  sideA: z.array(regionRef),
  sideB: z.array(regionRef),
  subPairCount: z.number().int(),
  startedOn: z.string().nullable(),
});
export type PairingSummary = z.infer<typeof pairingSummary>;

export const office = z.object({
  id: z.uuid(),
  side: z.enum(SIDES),
  leadingGroup: z.string().nullable(),
  officeName: z.string(),
  hostUnit: z.string().nullable(),
  note: z.string().nullable(),
  sourceQuote: z.string().nullable(),
});

export const contact = z.object({
  id: z.uuid(),
  side: z.enum(SIDES),
  name: z.string(),
  post: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const pairingDetail = pairingSummary.extend({
  programme: z.object({ id: z.uuid(), name: z.string(), docNo: z.string().nullable() }),
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  offices: z.array(office),
  contacts: z.array(contact),
  subPairs: z.array(pairingSummary),
  source: sourceRef.nullable(),
  /** Provinces whose city maps show this pairing's sub-pairs. */
  mapProvinces: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PairingDetail = z.infer<typeof pairingDetail>;

export const pairingListQuery = z.strictObject({
  programmeId: uuid.optional(),
  parentId: z.union([uuid, z.literal('root')]).optional(),
  level: z.enum(PAIRING_LEVELS).optional(),
  status: z.enum(PAIRING_STATUSES).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['name', 'level', 'startedOn', 'createdAt']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type PairingListParams = QueryParams<typeof pairingListQuery>;
export type PairingListQuery = z.output<typeof pairingListQuery>;
export const pairingListResponse = paged(pairingSummary);
export type PairingList = z.infer<typeof pairingListResponse>;

const officeInput = z.strictObject({
  side: z.enum(SIDES),
  leadingGroup: optionalText(200),
  officeName: text(200),
  hostUnit: optionalText(200),
  note: optionalText(1000),
});
const contactInput = z.strictObject({
  side: z.enum(SIDES),
  name: text(50),
  post: optionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/)
    .nullable()
    .optional(),
  email: z.email().max(200).nullable().optional(),
});

const pairingFields = {
  name: optionalText(200),
  level: z.enum(PAIRING_LEVELS),
  status: z.enum(PAIRING_STATUSES).default('active'),
  theme: optionalText(200),
  sideA: z.array(regionCode).min(1).max(20),
  sideB: z.array(regionCode).max(20),
  startedOn: isoDate.nullable().optional(),
  endedOn: isoDate.nullable().optional(),
  note: optionalText(2000),
  offices: z.array(officeInput).max(20).optional(),
  contacts: z.array(contactInput).max(50).optional(),
};

export const createPairingInput = z.strictObject({
  programmeId: uuid,
  parentId: uuid.nullable().optional(),
  ...pairingFields,
});
export type CreatePairingInput = z.infer<typeof createPairingInput>;
export type CreatePairingBody = z.input<typeof createPairingInput>;

export const updatePairingInput = z.strictObject({
  version: z.number().int().min(1),
  parentId: uuid.nullable().optional(),
  name: pairingFields.name,
  level: pairingFields.level.optional(),
  status: z.enum(PAIRING_STATUSES).optional(),
  theme: pairingFields.theme,
  sideA: pairingFields.sideA.optional(),
  sideB: pairingFields.sideB.optional(),
  startedOn: pairingFields.startedOn,
  endedOn: pairingFields.endedOn,
  note: pairingFields.note,
  offices: pairingFields.offices,
  contacts: pairingFields.contacts,
});
export type UpdatePairingInput = z.infer<typeof updatePairingInput>;
export type UpdatePairingBody = z.input<typeof updatePairingInput>;

export const programmeItem = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  docNo: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  goals: z.string().nullable(),
  ownerOffice: z.string().nullable(),
  /** The programme's names for its sides; null: the neutral 甲方/乙方 (common/programme-sides.ts). */
  sides: z
    .object({ a: z.object({ zh: z.string(), en: z.string() }), b: z.object({ zh: z.string(), en: z.string() }) })
    .nullable(),
  levels: z.array(z.enum(PAIRING_LEVELS)).nullable(),
  /** Its plan kinds and indicator set; null: every kind, every active indicator. */
  planKinds: z.array(z.enum(PLAN_KINDS)).nullable(),
  indicators: z.array(z.string()).nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  version: z.number().int(),
  pairingCount: z.number().int(),
  source: sourceRef.nullable(),
});
export type ProgrammeItem = z.infer<typeof programmeItem>;
export const programmeListResponse = z.object({ items: z.array(programmeItem) });
export type ProgrammeList = z.infer<typeof programmeListResponse>;
