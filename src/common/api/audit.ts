import { z } from 'zod';
import { isoDate, pageQuery, paged, type QueryParams, uuid } from './common.ts';
import { AUDIT_RESULTS, type AuditResult } from './enums.ts';

export { AUDIT_RESULTS, type AuditResult };

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()).nullable(),
  regionCode: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The object's current name when it still exists (null when deleted, or when it has no name to show). */
  objectName: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditListQuery = z.strictObject({
  actorUserId: uuid.optional(),
  actorName: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type AuditListParams = QueryParams<typeof auditListQuery>;
export type AuditListQuery = z.output<typeof auditListQuery>;
export const auditListResponse = paged(auditItem);
export type AuditList = z.infer<typeof auditListResponse>;

/** The filtered trail as an Excel workbook: the list's filters without the paging. */
export const auditExportQuery = auditListQuery.omit({ page: true, pageSize: true });
export type AuditExportQuery = z.output<typeof auditExportQuery>;

/** The actions the trail holds, for the filter's select list. */
export const auditActionsResponse = z.object({ actions: z.array(z.string()) });
export type AuditActions = z.infer<typeof auditActionsResponse>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  /** Every row where the chain breaks; the list stops at 1,000, the count does not. */
  brokenCount: z.number().int(),
  broken: z.array(z.object({ id: z.number().int(), reason: z.enum(['content', 'link']) })),
});
export type AuditVerify = z.infer<typeof auditVerifyResponse>;
