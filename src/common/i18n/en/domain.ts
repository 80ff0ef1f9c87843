import { listingsDomain } from './domain-listings.ts';
import { auditDomain } from './domain-audit.ts';
import type { Shape } from '../shape.ts';
import type { domain as zh } from '../zh-CN/domain.ts';

export const domain: Shape<typeof zh> = {
  ...listingsDomain,
  ...auditDomain,
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
  pairingLevels: {
    province: 'Province',
    city: 'City',
    county: 'County/district',
    zone: 'Zone',
    department: 'Department',
  },
  pairingStatuses: { active: 'Active', exploratory: 'Exploratory', inactive: 'Inactive' },
  sides: { a: 'North-eastern side', b: 'Eastern side' },
  /** 复制推广: how far an adopting unit has taken a practice. */
  adoptionStages: { learning: 'Study', pilot: 'Pilot', rollout: 'Roll-out', institutionalised: 'Institutionalised' },
  practiceCategories: {
    government_services: 'Government services',
    soe_reform: 'State-owned enterprise reform',
    business_environment: 'Business environment',
    opening_platforms: 'Opening-up platforms',
    park_management: 'Park management',
    other: 'Other',
  },
  auditResults: { success: 'Success', failure: 'Failure', denied: 'Denied' },
  planKinds: {
    implementation: 'Implementation plan',
    annual: 'Annual work plan',
    special: 'Special plan',
    division: 'Division-of-labour plan',
    national: 'National work plan',
  },
  taskStatuses: {
    not_started: 'Not started',
    in_progress: 'In progress',
    done: 'Done',
    delayed: 'Delayed',
    suspended: 'Suspended',
  },
  taskLights: { green: 'On track', yellow: 'Due soon', red: 'Overdue', grey: 'Suspended or unassigned' },
  unitRoles: { lead: 'Lead unit', co: 'Co-responsible unit' },
  projectStages: {
    planning: 'Planning',
    signed: 'Signed',
    sited: 'Sited',
    started: 'Construction started',
    producing: 'In production',
    paused: 'Paused',
    terminated: 'Terminated',
  },
  projectTypes: {
    industrial: 'Industrial',
    infrastructure: 'Infrastructure',
    ppp: 'PPP',
    science_tech: 'Science & technology',
    agriculture: 'Agriculture',
    tourism: 'Tourism',
    finance: 'Finance',
    service: 'Services',
  },
  supportKinds: {
    central_budget: 'Central budget investment',
    bank_credit: 'Bank credit',
    industry_fund: 'Industry fund',
  },
  parkTypes: {
    cooperation: 'Cooperation demonstration park',
    branch: 'Branch park',
    enclave: 'Enclave',
    innovation_base: 'Innovation and entrepreneurship base',
  },
  sharedFigures: {
    vat: 'VAT',
    corporate_income_tax: 'Corporate income tax',
    personal_income_tax: 'Personal income tax',
    other_tax: 'Other taxes and fees',
    gdp: 'GDP',
    output: 'Output',
  },
  eventKinds: {
    promotion: 'Investment promotion',
    expo: 'Expo',
    forum: 'Forum',
    visit: 'Study visit',
    culture_day: 'Culture day',
    product_fair: 'Product fair',
  },
  sharingRounding:
    "For each tax or statistic and each sharing term, the total is split once: each party's share rounded down to the fen, the fen left over going one by one to the largest remainders, ties to the party listed first; the parts always add up to the total.",
  cyclePeriods: {
    monthly: {
      1: 'January {year}',
      2: 'February {year}',
      3: 'March {year}',
      4: 'April {year}',
      5: 'May {year}',
      6: 'June {year}',
      7: 'July {year}',
      8: 'August {year}',
      9: 'September {year}',
      10: 'October {year}',
      11: 'November {year}',
      12: 'December {year}',
    },
    quarterly: { 1: 'Q1 {year}', 2: 'Q2 {year}', 3: 'Q3 {year}', 4: 'Q4 {year}' },
    half_yearly: { 1: 'H1 {year}', 2: 'H2 {year}' },
    yearly: { 1: '{year}' },
  },
  notifications: {
    due_soon:
      'Progress report for task {taskCode} "{taskTitle}" ({periodLabelEn}) is due on {dueOn}, in {daysLeft} day(s).',
    overdue:
      'Progress report for task {taskCode} "{taskTitle}" ({periodLabelEn}) is {daysOverdue} day(s) overdue (due {dueOn}).',
    returned:
      'Progress report for task {taskCode} "{taskTitle}" ({periodLabelEn}) was returned: {comment}. Correct it and submit again.',
    period_opened:
      'Reporting period {periodLabelEn} of {pairingName} is open: report progress on your tasks by {dueOn}.',
    report_submitted:
      '{unitName} submitted the progress report for task {taskCode} "{taskTitle}" ({periodLabelEn}) for review.',
    report_approved: 'Progress report for task {taskCode} "{taskTitle}" ({periodLabelEn}) was approved.',
    item_assigned:
      'Your unit is responsible for item {seq} of "{sourceTitle}": {itemText} (deadline {deadline}).',
    item_due_soon: 'Item {seq} of "{sourceTitle}" is due on {deadline}, in {daysLeft} day(s): {itemText}',
    item_overdue: 'Item {seq} of "{sourceTitle}" is {daysOverdue} day(s) overdue (deadline {deadline}): {itemText}',
  },
};
