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
import { wanInput, projectType, side } from './projects.ts';
import { EVENT_KINDS, type EventKind } from './enums.ts';

export { EVENT_KINDS, type EventKind };

export const eventKind = z.enum(EVENT_KINDS);

export const createEventInput = z.strictObject({
  pairingId: uuid,
  kind: eventKind,
  title: text(200),
  startsOn: isoDate,
  endsOn: isoDate,
  place: optionalText(200),
  organisersA: optionalText(500),
  organisersB: optionalText(500),
  enterpriseCount: z.number().int().min(0).max(100_000).nullable().optional(),
  enterprises: z.array(text(200)).max(2000).default([]),
  note: optionalText(2000),
});
export type CreateEventInput = z.infer<typeof createEventInput>;
export type CreateEventBody = z.input<typeof createEventInput>;

/** An edit of an event: any field of the create form but its pairing, with the version it was read at. */
export const updateEventInput = z.strictObject({
  version: z.number().int().min(1),
  kind: eventKind.optional(),
  title: text(200).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  place: createEventInput.shape.place,
  organisersA: createEventInput.shape.organisersA,
  organisersB: createEventInput.shape.organisersB,
  enterpriseCount: createEventInput.shape.enterpriseCount,
  enterprises: z.array(text(200)).max(2000).optional(),
  note: createEventInput.shape.note,
});
export type UpdateEventInput = z.infer<typeof updateEventInput>;
export type UpdateEventBody = z.input<typeof updateEventInput>;

export const agreementInput = z.strictObject({
  title: text(200),
  /** The investing party first. */
  parties: z.array(text(200)).min(1).max(10),
  signedOn: isoDate,
  amount: wanInput,
  plannedInvestment: wanInput.nullable().optional(),
  /** Offered by the page after signing: make the agreement a project in stage 签约 now. */
  createProject: z.boolean().default(false),
  project: z
    .strictObject({
      hostRegionCode: regionCode,
      type: projectType,
      industryDivision: z
        .string()
        .regex(/^\d{2}$/)
        .nullable()
        .optional(),
      side: side.optional(),
    })
    .optional(),
});
export type AgreementInput = z.infer<typeof agreementInput>;
export type AgreementBody = z.input<typeof agreementInput>;

export const agreementToProjectInput = z.strictObject({
  hostRegionCode: regionCode,
  type: projectType,
  industryDivision: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .optional(),
  side: side.optional(),
});
export type AgreementToProjectBody = z.input<typeof agreementToProjectInput>;

export const eventAgreement = z.object({
  id: z.uuid(),
  title: z.string(),
  parties: z.array(z.string()),
  signedOn: z.string(),
  amount: z.string(),
  plannedInvestment: z.string().nullable(),
  projectId: z.uuid().nullable(),
  isDemo: z.boolean(),
});
export type EventAgreement = z.infer<typeof eventAgreement>;

export const eventSummary = z.object({
  id: z.uuid(),
  pairingId: z.uuid(),
  pairingName: z.string(),
  kind: eventKind,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  enterpriseCount: z.number().int().nullable(),
  agreementCount: z.number().int(),
  /** Σ签约额 of the agreements signed there, 万元. */
  agreedAmount: z.string(),
  isDemo: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const eventDetail = eventSummary.extend({
  organisersA: z.string().nullable(),
  organisersB: z.string().nullable(),
  enterprises: z.array(z.string()),
  note: z.string().nullable(),
  agreements: z.array(eventAgreement),
  version: z.number().int(),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const eventListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  kind: eventKind.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  demo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type EventListQuery = z.output<typeof eventListQuery>;
export type EventListParams = QueryParams<typeof eventListQuery>;
export const eventListResponse = paged(eventSummary);
export type EventList = z.infer<typeof eventListResponse>;
export const agreementParams = z.strictObject({ id: uuid, agreementId: uuid });
