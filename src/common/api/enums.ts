/*
 * The values of the API's enums, without zod: the schemas build their z.enum()s from these lists, and the web
 * imports them for its filters and selects without pulling zod into its bundle.
 */

// ---- pairings ----

export const PAIRING_LEVELS = ['province', 'city', 'county', 'zone', 'department'] as const;
export type PairingLevel = (typeof PAIRING_LEVELS)[number];
export const PAIRING_STATUSES = ['active', 'exploratory', 'inactive'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
export const SIDES = ['a', 'b'] as const;
export type Side = (typeof SIDES)[number];

// ---- plans and tasks ----

export const PLAN_KINDS = ['implementation', 'annual', 'special', 'division', 'national'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
/** Kinds a document import may create; annual plans are assembled from tasks (see annualPlanInput). */
export const IMPORT_KINDS = ['implementation', 'special', 'division', 'national'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'suspended'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** grey: suspended (暂缓), not judged against its deadline. */
export const TASK_LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type TaskLight = (typeof TASK_LIGHTS)[number];
export const TARGET_COMPARISONS = ['atLeast', 'atMost', 'range', 'exactly'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];
export const UNIT_ROLES = ['lead', 'co'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

// ---- projects ----

/** 谋划 → 签约 → 落位 → 开工 → 投产, plus 暂停 (resumable) and 终止 (final). */
export const PROJECT_STAGES = ['planning', 'signed', 'sited', 'started', 'producing', 'paused', 'terminated'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** The stages of the pipeline proper, in order; 暂停 and 终止 stand outside it. */
export const PIPELINE_STAGES = ['planning', 'signed', 'sited', 'started', 'producing'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
/** The stages a project may be registered in. */
export const INITIAL_STAGES = ['planning', 'signed'] as const;

/** 签约额, 计划总投资, 到位资金, 完成投资: four figures kept apart, never added to one another. */
export const MONEY_FIGURES = ['signed', 'planned', 'arrived', 'completed'] as const;
export type MoneyFigure = (typeof MONEY_FIGURES)[number];

export const PROJECT_TYPES = [
  'industrial',
  'infrastructure',
  'ppp',
  'science_tech',
  'agriculture',
  'tourism',
  'finance',
  'service',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** 中央预算内投资, bank credit, industry fund. */
export const SUPPORT_KINDS = ['central_budget', 'bank_credit', 'industry_fund'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** What the project statistics' rates are grouped by. */
export const STATS_GROUPS = ['pairing', 'side', 'industry', 'year'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

// ---- parks and events ----

/** 合作示范园区, 分园区, 飞地, 双创示范基地. */
export const PARK_TYPES = ['cooperation', 'branch', 'enclave', 'innovation_base'] as const;
export type ParkType = (typeof PARK_TYPES)[number];

/**
 * What a benefit-sharing agreement may share: taxes by type (增值税, 企业所得税, 个人所得税, 其他税费) and statistics
 * (地区生产总值, 产值). Taxes are money the parties receive; statistics are figures they count (分计统计).
 */
export const SHARED_FIGURES = [
  'vat',
  'corporate_income_tax',
  'personal_income_tax',
  'other_tax',
  'gdp',
  'output',
] as const;
export type SharedFigure = (typeof SHARED_FIGURES)[number];
export const TAX_FIGURES: readonly SharedFigure[] = ['vat', 'corporate_income_tax', 'personal_income_tax', 'other_tax'];

/** 招商推介, 展会, 论坛, 考察, and the culture days and product fairs the plans name. */
export const EVENT_KINDS = ['promotion', 'expo', 'forum', 'visit', 'culture_day', 'product_fair'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

// ---- cadres, training and exchanges ----

/** 挂职 rank: 厅局级, 县处级, 乡科级, 专业技术人员. */
export const SECONDMENT_RANKS = ['bureau', 'division', 'section', 'professional'] as const;
export type SecondmentRank = (typeof SECONDMENT_RANKS)[number];
export const GENDERS = ['male', 'female'] as const;
/** 东北→东部 (side a sends) or 东部→东北 (side b sends). */
export const SECONDMENT_DIRECTIONS = ['ne_to_east', 'east_to_ne'] as const;
export type SecondmentDirection = (typeof SECONDMENT_DIRECTIONS)[number];
export const SECONDMENT_STATUSES = ['planned', 'in_post', 'returned'] as const;
export type SecondmentStatus = (typeof SECONDMENT_STATUSES)[number];
/** The fields kept encrypted, which a reveal may show. */
export const PROTECTED_FIELDS = ['idNumber', 'mobile'] as const;
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];
/** 培训 trainee categories: 党政干部, 企业经营管理人员, 专业技术人员, 其他. */
export const TRAINEE_CATEGORIES = ['officials', 'managers', 'professionals', 'other'] as const;
export type TraineeCategory = (typeof TRAINEE_CATEGORIES)[number];
/** 考察交流, 院士专家工作站, 高校毕业生招聘. */
export const EXCHANGE_KINDS = ['visit', 'expert_station', 'graduate_recruitment'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

// ---- reporting ----

/** 调度: how often a pairing collects progress on its tasks. */
export const REPORT_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];
/** How many periods a year has at each frequency: month 1–12, quarter 1–4, half 1–2, the year. */
export const PERIODS_PER_YEAR: Readonly<Record<ReportFrequency, number>> = {
  monthly: 12,
  quarterly: 4,
  half_yearly: 2,
  yearly: 1,
};
/** A cycle is open for reporting until the office approves it as a whole, which locks the period. */
export const CYCLE_STATUSES = ['open', 'locked'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
/**
 * pending: nothing saved yet; draft: saved, not submitted; submitted: waiting for the office; returned: sent back
 * with a comment, to be corrected and resubmitted; approved: accepted by the office.
 */
export const SLOT_STATES = ['pending', 'draft', 'submitted', 'returned', 'approved'] as const;
export type SlotState = (typeof SLOT_STATES)[number];
export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'jpg', 'png'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/**
 * What a notice is about: a report owed soon or overdue, a period opened, a report submitted (to its reviewers),
 * returned or approved; a tracked item assigned to a unit, due soon or overdue.
 */
export const NOTIFICATION_KINDS = [
  'due_soon',
  'overdue',
  'returned',
  'period_opened',
  'report_submitted',
  'report_approved',
  'item_assigned',
  'item_due_soon',
  'item_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// ---- audit ----

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

// ---- tracked items (督办) and meetings ----

/** Where a tracked item comes from: a decision of a meeting (议定事项), or a rectification order of an evaluation. */
export const ITEM_SOURCES = ['meeting_decision', 'rectification'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
/** Stored states; 逾期 (overdue) is not stored but read from the deadline, so it is never stale. */
export const ITEM_STATES = ['not_started', 'in_progress', 'closed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
/** What a list shows: the stored state, or overdue when the deadline has passed and the item is not closed. */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'closed', 'overdue'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** 进展 by an owner unit or the office; 销号 and 重新打开 by the office. */
export const ITEM_NOTE_KINDS = ['progress', 'closed', 'reopened'] as const;
export type ItemNoteKind = (typeof ITEM_NOTE_KINDS)[number];
/** 高层互访, 联席会议, 部门对接会, 座谈会, 视频会议, 其他. */
export const MEETING_KINDS = [
  'high_level_visit',
  'joint_meeting',
  'department_docking',
  'symposium',
  'video_conference',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** How the next host was proposed: by the rotation after the last host, as the rotation's first side, or not at all. */
export const MEETING_HOST_PROPOSALS = ['rotation', 'first', 'none'] as const;
export type MeetingHostProposal = (typeof MEETING_HOST_PROPOSALS)[number];
/** Listings (供需对接): 供给 and 需求, their categories, moderation states and an interest's course. */
export const LISTING_KINDS = ['offer', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
/** 产品, 技术, 资本, 人才, 土地空间, 物流, 服务. */
export const LISTING_CATEGORIES = [
  'product',
  'technology',
  'capital',
  'talent',
  'land',
  'logistics',
  'service',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];
/** 待审核, 已发布, 已撤回. */
export const LISTING_STATES = ['pending', 'published', 'withdrawn'] as const;
export type ListingState = (typeof LISTING_STATES)[number];
/** 意向 → 洽谈 (accepted, contact revealed) → 签约 / 未成; or 已婉拒 by the owner. */
export const INTEREST_STATES = ['interest', 'negotiating', 'signed', 'failed', 'declined'] as const;
export type InterestState = (typeof INTEREST_STATES)[number];
/** An enterprise, university or institute's self-registration: 待审核, 已通过, 未通过. */
export const REGISTRATION_STATES = ['pending', 'approved', 'refused'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

// ---- reform and experience replication (复制推广) ----

/** What a practice reforms: 政务服务, 国企改革, 营商环境, 开放平台, 园区管理, other. */
export const PRACTICE_CATEGORIES = [
  'government_services',
  'soe_reform',
  'business_environment',
  'opening_platforms',
  'park_management',
  'other',
] as const;
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];
/**
 * How far an adopting unit has taken a practice: 学习借鉴 → 试点 → 推广 → 制度化, in this order. A stage may be
 * skipped (a province can adopt a practice everywhere at once), never reached before an earlier one.
 */
export const ADOPTION_STAGES = ['learning', 'pilot', 'rollout', 'institutionalised'] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

// ---- published figures (press and official reports, kept apart from computed figures) ----

/** What a published figure is about; each module that shows published figures shows its own topic. */
export const PUBLISHED_FIGURE_TOPICS = ['replication', 'cadres', 'projects', 'general'] as const;
export type PublishedFigureTopic = (typeof PUBLISHED_FIGURE_TOPICS)[number];
