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
import { parseAmount, toWan } from '../money/money.ts';
import { validateProjectCode } from './project-code.ts';
import { attachment } from './attachments.ts';
import {
  INITIAL_STAGES,
  MONEY_FIGURES,
  PIPELINE_STAGES,
  PROJECT_STAGES,
  PROJECT_TYPES,
  STATS_GROUPS,
  SUPPORT_KINDS,
  type MoneyFigure,
  type PipelineStage,
  type ProjectStage,
  type ProjectType,
  type SupportKind,
} from './enums.ts';

export {
  MONEY_FIGURES,
  PIPELINE_STAGES,
  PROJECT_STAGES,
  PROJECT_TYPES,
  SUPPORT_KINDS,
  type MoneyFigure,
  type PipelineStage,
  type ProjectStage,
  type ProjectType,
  type SupportKind,
};

export const projectStage = z.enum(PROJECT_STAGES);
export const moneyFigure = z.enum(MONEY_FIGURES);
export const projectType = z.enum(PROJECT_TYPES);

/**
 * An amount in 万元 as the API takes it: a decimal string or a JSON number (the shortest text of the number is
 * the decimal meant), exact to the fen, never negative. Answered as a canonical decimal string.
 */
export const wanInput = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const r = parseAmount(v);
  if (!r.ok) {
    ctx.addIssue({
      code: 'custom',
      message: 'invalid amount',
      params: {
        code: r.error === 'invalid_decimal' ? 'invalid_amount' : r.error === 'sub_fen' ? 'invalid_amount' : 'too_big',
        max: '999999999999',
      },
    });
    return z.NEVER;
  }
  if (r.fen < 0n) {
    ctx.addIssue({ code: 'custom', message: 'negative amount', params: { code: 'negative_amount' } });
    return z.NEVER;
  }
  return toWan(r.fen);
});

export const projectCodeInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const r = validateProjectCode(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error, params: { code: r.error } });
      return z.NEVER;
    }
    return r.code;
  });

export const period = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(1).max(12).nullable().default(null),
});
export const side = z.enum(['a', 'b']);
const industrySection = z.string().regex(/^[A-T]$/);
const industryDivision = z.string().regex(/^\d{2}$/);

const projectFields = {
  title: text(200),
  investor: text(200),
  investorRegionCode: regionCode.nullable().optional(),
  hostRegionCode: regionCode,
  parkId: uuid.nullable().optional(),
  industrySection: industrySection.nullable().optional(),
  industryDivision: industryDivision.nullable().optional(),
  type: projectType,
  projectCode: projectCodeInput.nullable().optional(),
  landmark: z.boolean().default(false),
  greenChannel: z.boolean().default(false),
  support: z
    .strictObject({
      central_budget: wanInput.nullable().optional(),
      bank_credit: wanInput.nullable().optional(),
      industry_fund: wanInput.nullable().optional(),
    })
    .optional(),
  taskIds: z.array(uuid).max(50).optional(),
  contactName: optionalText(50),
  // `*` only as the masked form the API shows (kept as it is when sent back unchanged).
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() *]{5,30}$/)
    .nullable()
    .optional(),
  note: optionalText(2000),
};

export const createProjectInput = z.strictObject({
  pairingId: uuid,
  /** Defaults to the side the host region belongs to. */
  side: side.optional(),
  ...projectFields,
  stage: z.enum(INITIAL_STAGES).default('planning'),
  /** The date of the first stage; defaults to today. */
  stageOn: isoDate.optional(),
  signedAmount: wanInput.nullable().optional(),
  plannedInvestment: wanInput.nullable().optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;
export type CreateProjectBody = z.input<typeof createProjectInput>;

export const updateProjectInput = z.strictObject({
  version: z.number().int().min(1),
  title: projectFields.title.optional(),
  investor: projectFields.investor.optional(),
  investorRegionCode: projectFields.investorRegionCode,
  hostRegionCode: regionCode.optional(),
  parkId: projectFields.parkId,
  industrySection: projectFields.industrySection,
  industryDivision: projectFields.industryDivision,
  type: projectType.optional(),
  projectCode: projectFields.projectCode,
  landmark: z.boolean().optional(),
  greenChannel: z.boolean().optional(),
  support: projectFields.support,
  taskIds: projectFields.taskIds,
  contactName: projectFields.contactName,
  contactPhone: projectFields.contactPhone,
  note: projectFields.note,
});
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;
export type UpdateProjectBody = z.input<typeof updateProjectInput>;

export const stageMoveInput = z.strictObject({ to: projectStage, on: isoDate, note: optionalText(500) });
export type StageMoveInput = z.infer<typeof stageMoveInput>;
export type StageMoveBody = z.input<typeof stageMoveInput>;

const figureReport = z.strictObject({
  figure: moneyFigure,
  period,
  amount: wanInput,
  /** Required to let 到位资金 exceed 签约额; kept with the report and in the audit trail. */
  overrideReason: optionalText(500),
});
/** A report as the client sends it, with the project's version as read: 409 when someone changed it since. */
export const figureReportInput = figureReport.extend({ version: z.number().int().min(1) });
export type FigureReportInput = z.infer<typeof figureReport>;
export type FigureReportBody = z.input<typeof figureReportInput>;

const figures = z.object({ signed: z.string(), planned: z.string(), arrived: z.string(), completed: z.string() });

export const projectSummary = z.object({
  id: z.uuid(),
  pairingId: z.uuid(),
  pairingName: z.string(),
  side: side,
  title: z.string(),
  investor: z.string(),
  hostRegion: z.object({ code: z.string(), name: z.string() }),
  investorRegion: z.object({ code: z.string(), name: z.string() }).nullable(),
  park: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  industrySection: z.string().nullable(),
  industryDivision: z.string().nullable(),
  industryName: z.string().nullable(),
  type: projectType,
  projectCode: z.string().nullable(),
  landmark: z.boolean(),
  greenChannel: z.boolean(),
  stage: projectStage,
  furthestStage: z.enum(PIPELINE_STAGES),
  signedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  producingOn: z.string().nullable(),
  /** Current values in 万元, each figure on its own. */
  figures,
  eventId: z.uuid().nullable(),
  isDemo: z.boolean(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

/** A project's contact unmasked (GET /api/projects/:id/contact, audited). */
export const projectContact = z.object({ contactName: z.string().nullable(), contactPhone: z.string().nullable() });
export type ProjectContact = z.infer<typeof projectContact>;

export const projectDetail = projectSummary.extend({
  pausedFrom: z.enum(PIPELINE_STAGES).nullable(),
  nextStages: z.array(projectStage),
  support: z.object({
    central_budget: z.string().nullable(),
    bank_credit: z.string().nullable(),
    industry_fund: z.string().nullable(),
  }),
  event: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  eventAgreementId: z.uuid().nullable(),
  taskIds: z.array(z.uuid()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  note: z.string().nullable(),
  /** When the pairing office made the project public (portal, open data, IATI), and the text the public reads. */
  publishedAt: z.string().nullable(),
  publicSummary: z.string().nullable(),
  /** The stage timeline, oldest first. */
  moves: z.array(
    z.object({
      from: projectStage.nullable(),
      to: projectStage,
      on: z.string(),
      note: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  /** Every money report including corrections, oldest first. */
  reports: z.array(
    z.object({
      figure: moneyFigure,
      period: z.object({ year: z.number(), month: z.number().nullable() }),
      amount: z.string(),
      overrideReason: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  /** Files kept with the project (agreements, approvals, photos), oldest first. */
  attachments: z.array(attachment),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  side: side.optional(),
  stage: projectStage.optional(),
  type: projectType.optional(),
  industrySection: industrySection.optional(),
  /** Signing year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  parkId: uuid.optional(),
  eventId: uuid.optional(),
  landmark: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  greenChannel: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  industryDivision: industryDivision.optional(),
  /** With pairingId: the projects of its sub-pairs too (a pairing's figures add up from its sub-pairs). */
  withSubPairs: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  demo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['title', 'signedOn', 'signed', 'createdAt']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export type ProjectListParams = QueryParams<typeof projectListQuery>;

export const projectListResponse = paged(projectSummary).extend({
  /** Totals of the whole filtered ledger, not only the page, in 万元. */
  totals: figures,
});
export type ProjectList = z.infer<typeof projectListResponse>;

export const rateRow = z.object({
  key: z.string(),
  label: z.string(),
  projects: z.number().int(),
  signedProjects: z.number().int(),
  startedProjects: z.number().int(),
  producingProjects: z.number().int(),
  signedAmount: z.string(),
  arrivedFunds: z.string(),
  arrivalRate: z.string().nullable(),
  startRate: z.string().nullable(),
  productionRate: z.string().nullable(),
});
export type RateRow = z.infer<typeof rateRow>;

export const projectStatsQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  groupBy: z.enum(STATS_GROUPS).default('pairing'),
  /** With pairingId: the projects, parks and events of its sub-pairs too. */
  withSubPairs: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  demo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ProjectStatsParams = QueryParams<typeof projectStatsQuery>;

/** The figures without a grouping, all the dashboard shows: counts, the funnel, money by stage, the overall rates. */
export const projectOverviewStats = z.object({
  /** `demo`: how many of the projects counted are generated demo records. */
  counts: z.object({
    projects: z.number().int(),
    landmark: z.number().int(),
    demo: z.number().int(),
    parks: z.number().int(),
    events: z.number().int(),
  }),
  /** Projects that reached each pipeline stage. */
  funnel: z.array(z.object({ stage: z.enum(PIPELINE_STAGES), reached: z.number().int() })),
  /** Per current stage: count and each money figure in 万元. */
  byStage: z.array(z.object({ stage: projectStage, projects: z.number().int(), figures })),
  overall: rateRow,
});
export type ProjectOverviewStats = z.infer<typeof projectOverviewStats>;

export const projectStats = projectOverviewStats.extend({ groups: z.array(rateRow) });
export type ProjectStats = z.infer<typeof projectStats>;

export const importRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  header: z.string(),
  field: z.string(),
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importJob = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['reading', 'validating', 'saving', 'done']),
  processed: z.number().int(),
  total: z.number().int(),
  /** When done: what the import did; when failed: every bad row and column, and nothing was stored. */
  result: z
    .object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      projectIds: z.array(z.uuid()),
    })
    .nullable(),
  errors: z.array(importRowError),
  error: z.object({ code: z.string(), zh: z.string(), en: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const industryCatalogue = z.object({
  standard: z.string(),
  sections: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      divisions: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    }),
  ),
});
export type IndustryCatalogue = z.infer<typeof industryCatalogue>;
