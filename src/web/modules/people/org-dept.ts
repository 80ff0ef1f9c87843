import type { Role } from '../../../common/access/roles.ts';

const OFFICE_ROLES: readonly Role[] = ['national_office', 'pairing_office', 'lead_unit'];

/** 组织部 alone (no office role beside it) works from its own page and menu: the cadre work of its pairings. */
export const worksAsOrgDept = (roles: readonly Role[]) =>
  roles.includes('org_dept') && !roles.some((r) => OFFICE_ROLES.includes(r));

/** Where 组织部 lands after signing in. */
export const ORG_DEPT_LANDING = '/cadre-work';
