import type { Role } from '../../../common/access/roles.ts';
import { ORG_DEPT_LANDING, worksAsOrgDept } from '../people/org-dept.ts';

/**
 * The roles whose day is a to-do list (the offices and units that fill, review and follow up): they land on the
 * workbench after signing in. The national office keeps the national overview; the 三员 their own pages ('/').
 */
const WORKS_FROM_WORKBENCH: readonly Role[] = ['pairing_office', 'lead_unit', 'org_dept', 'enterprise'];

export const landingPath = (roles: readonly Role[]): string => {
  if (worksAsOrgDept(roles)) return ORG_DEPT_LANDING;
  return roles.some((r) => WORKS_FROM_WORKBENCH.includes(r)) && !roles.includes('national_office') ? '/workbench' : '/';
};
