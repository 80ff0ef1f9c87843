import type { Role } from './roles.ts';

/**
 * What each role may do, independent of which rows it sees (the scope decides that on the server).
 * Shared with the web app so it can hide what the user cannot do; the server enforces it again.
 */
export const PERMISSIONS = {
  'programme.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept', 'enterprise', 'public'],
  /** Creating, editing and loading programmes from a file, and granting one to a national-office user. */
  'programme.manage': ['national_office'],
  'pairing.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept', 'enterprise', 'public'],
  'pairing.create': ['national_office', 'pairing_office'],
  'pairing.update': ['national_office', 'pairing_office'],
  'dashboard.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept', 'enterprise', 'public'],
  /** 工作台: the landing page of every business role (to-dos, lights, notices); each section by its own permission. */
  'workbench.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept', 'enterprise'],
  'region.read': [
    'national_office',
    'pairing_office',
    'lead_unit',
    'org_dept',
    'enterprise',
    'public',
    'sys_admin',
    'security_admin',
    'audit_admin',
  ],
  'organisation.read': ['national_office', 'pairing_office', 'sys_admin', 'security_admin'],
  'organisation.manage': ['sys_admin'],
  'user.read': ['sys_admin', 'security_admin'],
  'user.manage': ['sys_admin', 'security_admin'],
  /** Granting or removing one of the 三员 roles, and unlocking accounts, is the security administrator's job. */
  'user.manageAdminRoles': ['security_admin'],
  /** Business accounts (every account without a 三员 role) are the system administrator's alone. */
  'user.manageBusiness': ['sys_admin'],
  'user.unlock': ['security_admin'],
  'audit.read': ['audit_admin'],
  /** Demo data (marked 演示) for trying the product: the national office fills a pairing and clears it all. */
  'demo.manage': ['national_office'],
  /**
   * Plans and tasks: pairing offices run their pairings' plans; lead units read the tasks assigned to them; 组织部
   * reads its pairings' tasks, to count the trainings it records toward a task's target (吉浙 38: 每年培训千人以上).
   */
  'plan.read': ['national_office', 'pairing_office', 'lead_unit'],
  'plan.import': ['national_office', 'pairing_office'],
  'task.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'task.update': ['national_office', 'pairing_office'],
  /** Projects, parks and events: pairing offices keep their pairings' ledgers; lead units and 组织部 read them. */
  'project.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'project.manage': ['national_office', 'pairing_office'],
  'project.import': ['national_office', 'pairing_office'],
  'park.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'park.manage': ['national_office', 'pairing_office'],
  /**
   * The public portal: a pairing office writes its news and decides what of its pairing is public (news, projects,
   * parks); the national office reads the drafts. Figures from the press: the offices, and the national office for
   * the programme.
   */
  'news.read': ['national_office', 'pairing_office'],
  'news.manage': ['pairing_office'],
  'project.publish': ['pairing_office'],
  'park.publish': ['pairing_office'],
  'portal.figures': ['national_office', 'pairing_office'],
  'event.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'event.manage': ['national_office', 'pairing_office'],
  /**
   * Progress reporting (调度): both sides' offices and the national office read their pairings' reports, lead units
   * their own; units and offices fill; only offices open, approve, return, lock and unlock.
   */
  'report.read': ['national_office', 'pairing_office', 'lead_unit'],
  'report.fill': ['lead_unit', 'pairing_office'],
  'report.review': ['pairing_office', 'national_office'],
  'cycle.manage': ['pairing_office', 'national_office'],
  /**
   * Tracked items (督办: meeting decisions, rectification orders): offices record, assign, close (销号) and reopen;
   * owner units read and report progress on their own.
   */
  'item.read': ['national_office', 'pairing_office', 'lead_unit'],
  'item.manage': ['national_office', 'pairing_office'],
  'item.progress': ['national_office', 'pairing_office', 'lead_unit'],
  /** Meetings of a pairing: its offices record them; lead units and 组织部 read them. */
  'meeting.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'meeting.manage': ['national_office', 'pairing_office'],
  /**
   * Cadre exchange and training: counts for everyone who follows a pairing; names (masked numbers, reveals,
   * named exports) only for its pairing offices and the 组织部 of its sides, who also keep the records.
   */
  'cadre.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'cadre.readNames': ['pairing_office', 'org_dept'],
  'cadre.manage': ['pairing_office', 'org_dept'],
  'training.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'training.manage': ['national_office', 'pairing_office', 'org_dept'],
  /**
   * Reform and experience replication (复制推广): everyone who follows a pairing reads its register; its pairing
   * offices register practices and keep every adoption; a lead unit records its own adoptions and their stages.
   * Published figures with their source: the offices, and the national office for the programme.
   */
  'replication.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'replication.manage': ['pairing_office'],
  'replication.adopt': ['pairing_office', 'lead_unit'],
  'replication.figures': ['national_office', 'pairing_office'],
  /**
   * Indicators and evaluation rounds (成效评估): the national office keeps the indicator library and targets, opens,
   * reviews and publishes rounds; pairing offices read their values and write their self-assessment.
   */
  'indicator.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept'],
  'indicator.manage': ['national_office'],
  'evaluation.read': ['national_office', 'pairing_office'],
  'evaluation.self': ['pairing_office'],
  'evaluation.manage': ['national_office'],
  /**
   * 年度工作计划/总结: pairing offices draft and submit them; the national office and (for the cadre part) 组织部
   * receive, return or accept them; the national office's acceptance locks the year, and only it unlocks.
   */
  'summary.read': ['national_office', 'pairing_office', 'org_dept'],
  'summary.draft': ['pairing_office'],
  'summary.receive': ['national_office', 'org_dept'],
  'summary.unlock': ['national_office'],
  /**
   * Listings (供需对接): everyone reads published listings; enterprises (once approved) and offices publish and
   * express interest; pairing offices and lead units moderate and import; a pairing office of a registrant's
   * region approves its registration.
   */
  'listing.read': ['national_office', 'pairing_office', 'lead_unit', 'org_dept', 'enterprise', 'public'],
  'listing.publish': ['national_office', 'pairing_office', 'lead_unit', 'enterprise'],
  'listing.moderate': ['national_office', 'pairing_office', 'lead_unit'],
  'listing.import': ['national_office', 'pairing_office', 'lead_unit'],
  'registration.review': ['national_office', 'pairing_office'],
  /** An approved enterprise, university or institute invites and disables the accounts of its own organisation. */
  'organisation_user.manage': ['enterprise'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
