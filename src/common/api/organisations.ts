import { z } from 'zod';
import { ORGANISATION_KINDS } from '../access/roles.ts';
import { pageQuery, paged, type QueryParams, regionCode, text } from './common.ts';

export const organisationItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationItem = z.infer<typeof organisationItem>;

export const organisationListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  regionCode: regionCode.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type OrganisationListParams = QueryParams<typeof organisationListQuery>;
export type OrganisationListQuery = z.output<typeof organisationListQuery>;
export const organisationListResponse = paged(organisationItem);
export type OrganisationList = z.infer<typeof organisationListResponse>;

export const createOrganisationInput = z.strictObject({
  name: text(100),
  kind: z.enum(ORGANISATION_KINDS),
  regionCode,
});
export type CreateOrganisationBody = z.input<typeof createOrganisationInput>;
export const updateOrganisationInput = z.strictObject({
  version: z.number().int().min(1),
  name: text(100).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  regionCode: regionCode.optional(),
  active: z.boolean().optional(),
});
export type UpdateOrganisationBody = z.input<typeof updateOrganisationInput>;
