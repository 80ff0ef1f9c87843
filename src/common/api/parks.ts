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
import { parseAmount, FEN_PER_YUAN, fixedText } from '../money/money.ts';
import { period } from './projects.ts';
import { PARK_TYPES, SHARED_FIGURES, TAX_FIGURES, type ParkType, type SharedFigure } from './enums.ts';

export { PARK_TYPES, SHARED_FIGURES, TAX_FIGURES, type ParkType, type SharedFigure };

export const parkType = z.enum(PARK_TYPES);
export const sharedFigure = z.enum(SHARED_FIGURES);

/** An amount in 元, exact to the fen, not negative; answered as text with two decimals. */
export const yuanInput = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const r = parseAmount(v, FEN_PER_YUAN);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: 'invalid amount', params: { code: 'invalid_amount' } });
    return z.NEVER;
  }
  if (r.fen < 0n) {
    ctx.addIssue({ code: 'custom', message: 'negative amount', params: { code: 'negative_amount' } });
    return z.NEVER;
  }
  return fixedText(r.fen, 2);
});

const percentText = z.union([z.number(), z.string().trim()]).transform((v) => String(v));

export const createParkInput = z.strictObject({
  pairingId: uuid,
  name: text(200),
  type: parkType,
  hostRegionCode: regionCode,
  partnerRegionCode: regionCode.nullable().optional(),
  mainParkId: uuid.nullable().optional(),
  areaKm2: z
    .union([z.number(), z.string().trim()])
    .transform((v) => String(v))
    .pipe(z.string().regex(/^\d{1,8}(\.\d{1,4})?$/))
    .nullable()
    .optional(),
  focusIndustries: z
    .array(z.string().regex(/^\d{2}$/))
    .max(20)
    .default([]),
  operator: optionalText(200),
  operatorTeamFrom: optionalText(200),
  establishedOn: isoDate.nullable().optional(),
  note: optionalText(2000),
});
export type CreateParkInput = z.infer<typeof createParkInput>;
export type CreateParkBody = z.input<typeof createParkInput>;

/** An edit of a park: any field of the create form but its pairing, with the version it was read at. */
export const updateParkInput = z.strictObject({
  version: z.number().int().min(1),
  name: createParkInput.shape.name.optional(),
  type: parkType.optional(),
  hostRegionCode: regionCode.optional(),
  partnerRegionCode: createParkInput.shape.partnerRegionCode,
  mainParkId: createParkInput.shape.mainParkId,
  areaKm2: createParkInput.shape.areaKm2,
  focusIndustries: z
    .array(z.string().regex(/^\d{2}$/))
    .max(20)
    .optional(),
  operator: createParkInput.shape.operator,
  operatorTeamFrom: createParkInput.shape.operatorTeamFrom,
  establishedOn: createParkInput.shape.establishedOn,
  note: createParkInput.shape.note,
});
export type UpdateParkInput = z.infer<typeof updateParkInput>;
export type UpdateParkBody = z.input<typeof updateParkInput>;

export const enterpriseInput = z.strictObject({
  name: text(200),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
    .nullable()
    .optional(),
  industryDivision: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .optional(),
  settledOn: isoDate.nullable().optional(),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;
export type EnterpriseBody = z.input<typeof enterpriseInput>;

export const sharingAgreementInput = z.strictObject({
  title: text(200),
  parties: z
    .array(
      z.strictObject({
        key: z
          .string()
          .trim()
          .regex(/^[a-z0-9_-]{1,20}$/),
        name: text(100),
        regionCode: regionCode.nullable().optional(),
      }),
    )
    .min(1)
    .max(10),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  terms: z
    .array(
      z.strictObject({
        figures: z.array(sharedFigure).max(6),
        from: isoDate,
        to: isoDate.nullable().optional(),
        shares: z.record(z.string(), percentText),
      }),
    )
    .max(20),
  costShares: z.record(z.string(), percentText).nullable().optional(),
});
export type SharingAgreementInput = z.infer<typeof sharingAgreementInput>;
export type SharingAgreementBody = z.input<typeof sharingAgreementInput>;

export const ledgerEntryInput = z.strictObject({
  enterpriseId: uuid,
  figure: sharedFigure,
  period,
  /** 元, exact to the fen. */
  amount: yuanInput,
  /** The entry this one corrects (corrections are new entries; nothing is edited). */
  supersedesId: uuid.nullable().optional(),
});
export type LedgerEntryInput = z.infer<typeof ledgerEntryInput>;
export type LedgerEntryBody = z.input<typeof ledgerEntryInput>;

export const parkSummary = z.object({
  id: z.uuid(),
  pairingId: z.uuid(),
  pairingName: z.string(),
  name: z.string(),
  type: parkType,
  hostRegion: z.object({ code: z.string(), name: z.string() }),
  partnerRegion: z.object({ code: z.string(), name: z.string() }).nullable(),
  mainPark: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  branchCount: z.number().int(),
  enterpriseCount: z.number().int(),
  areaKm2: z.string().nullable(),
  isDemo: z.boolean(),
});
export type ParkSummary = z.infer<typeof parkSummary>;

export const parkDetail = parkSummary.extend({
  focusIndustries: z.array(z.object({ code: z.string(), name: z.string() })),
  operator: z.string().nullable(),
  operatorTeamFrom: z.string().nullable(),
  establishedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** When the pairing office showed the park on the public portal, and the text the public reads. */
  publishedAt: z.string().nullable(),
  publicSummary: z.string().nullable(),
  branches: z.array(z.object({ id: z.uuid(), name: z.string(), type: parkType })),
  enterprises: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      creditCode: z.string().nullable(),
      industryDivision: z.string().nullable(),
      settledOn: z.string().nullable(),
      isDemo: z.boolean(),
    }),
  ),
  agreements: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      parties: z.array(z.object({ key: z.string(), name: z.string(), regionCode: z.string().nullable().optional() })),
      terms: z.array(
        z.object({
          figures: z.array(sharedFigure),
          from: z.string(),
          to: z.string().nullable(),
          shares: z.record(z.string(), z.string()),
        }),
      ),
      costShares: z.record(z.string(), z.string()).nullable(),
      isDemo: z.boolean(),
    }),
  ),
  version: z.number().int(),
});
export type ParkDetail = z.infer<typeof parkDetail>;
export type SharingAgreement = ParkDetail['agreements'][number];

export const parkListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  type: parkType.optional(),
  demo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type ParkListQuery = z.infer<typeof parkListQuery>;
export type ParkListParams = QueryParams<typeof parkListQuery>;
export const parkListResponse = paged(parkSummary);
export type ParkList = z.infer<typeof parkListResponse>;

export const ledgerEntry = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  figure: sharedFigure,
  period: z.object({ year: z.number(), month: z.number().nullable() }),
  amount: z.string(),
  supersedesId: z.uuid().nullable(),
  /** Superseded by a later correction: kept, but no longer counted. */
  superseded: z.boolean(),
  recordedAt: z.string(),
  isDemo: z.boolean(),
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;
export const ledgerQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export const ledgerResponse = z.object({
  items: z.array(ledgerEntry),
  /** The years the park's ledger has entries for, latest first. */
  years: z.array(z.number().int()),
  /** With a year: each settled enterprise's figures of that year, from the entries in force (元). */
  enterpriseTotals: z.array(
    z.object({
      enterpriseId: z.uuid(),
      tax: z.string(),
      output: z.string(),
      gdp: z.string(),
      entryCount: z.number().int(),
    }),
  ),
});
export type LedgerResponse = z.infer<typeof ledgerResponse>;

/** What a ledger sheet import stored: new entries, corrections of entries whose amount changed, rows already on file. */
export const ledgerImportResult = z.object({
  created: z.number().int(),
  corrected: z.number().int(),
  unchanged: z.number().int(),
  rows: z.number().int(),
});
export type LedgerImportResult = z.infer<typeof ledgerImportResult>;

export const statementQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100),
  /** The ledger as it stood then (a real ISO date, or a timestamp with Z or an offset); default now. */
  asOf: z.union([isoDate, z.iso.datetime({ offset: true })]).optional(),
});
const yuanText = z.string();
export const statementResponse = z.object({
  agreementId: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  rounding: z.string(),
  parties: z.array(
    z.object({ key: z.string(), name: z.string(), byFigure: z.record(z.string(), yuanText), taxTotal: yuanText }),
  ),
  figures: z.array(
    z.object({
      figure: sharedFigure,
      total: yuanText,
      shared: yuanText,
      notShared: yuanText,
      unallocated: yuanText,
      parts: z.array(yuanText),
      groups: z.array(
        z.object({
          from: z.string(),
          to: z.string().nullable(),
          shares: z.array(z.string()),
          base: yuanText,
          parts: z.array(yuanText),
          entryCount: z.number().int(),
        }),
      ),
    }),
  ),
  entryCount: z.number().int(),
  correctionCount: z.number().int(),
});
export type StatementResponse = z.infer<typeof statementResponse>;
export const parkAgreementParams = z.strictObject({ id: uuid, agreementId: uuid });
