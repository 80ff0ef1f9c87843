/** Roles a user can hold. The last three are the 三员 (system, security and audit administrators). */
export const ROLES = [
  'national_office',
  'pairing_office',
  'lead_unit',
  'org_dept',
  'enterprise',
  'public',
  'sys_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export const ORGANISATION_KINDS = [
  'national_office',
  'pairing_office',
  'lead_unit',
  'org_dept',
  'enterprise',
  'institution',
  'public',
  'operator',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
