import type { Shape } from '../shape.ts';
import type { domain as zh } from '../zh-CN/domain.ts';

export const domain: Shape<typeof zh> = {
  roles: {
    national_office: 'National office',
    pairing_office: 'Pairing office',
    lead_unit: 'Lead unit',
    org_dept: 'Organisation department',
    enterprise: 'Enterprise',
    public: 'Public',
    sys_admin: 'System administrator',
    security_admin: 'Security administrator',
    audit_admin: 'Audit administrator',
  },
  organisationKinds: {
    national_office: 'National office',
    pairing_office: 'Pairing office',
    lead_unit: 'Lead unit',
    org_dept: 'Organisation department',
    enterprise: 'Enterprise',
    institution: 'University or institute',
    public: 'Public',
    operator: 'Platform operator',
  },
  regionLevels: { nation: 'Nation', province: 'Province', city: 'City', county: 'County', zone: 'Zone' },
  zoneTypes: {
    national_new_area: 'National new area',
    development_zone: 'Development zone',
    high_tech_zone: 'High-tech zone',
    bonded_zone: 'Bonded zone',
    cooperation_park: 'Cooperation park',
    other: 'Other zone',
  },
  pairingLevels: { province: 'Province', city: 'City', county: 'County/district', zone: 'Zone', department: 'Department' },
  pairingStatuses: { active: 'Active', exploratory: 'Exploratory', inactive: 'Inactive' },
  sides: { a: 'North-eastern side', b: 'Eastern side' },
  auditResults: { success: 'Success', failure: 'Failure', denied: 'Denied' },
  planKinds: { implementation: 'Implementation plan', annual: 'Annual work plan', special: 'Special plan', division: 'Division-of-labour plan', national: 'National work plan' },
  taskStatuses: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', delayed: 'Delayed', suspended: 'Suspended' },
  taskLights: { green: 'On track', yellow: 'Due soon', red: 'Overdue', grey: 'Suspended' },
  unitRoles: { lead: 'Lead unit', co: 'Co-responsible unit' },
};
