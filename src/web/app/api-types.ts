/**
 * Response and request types of the API, inferred from the shared zod schemas (src/common/api). Type-only
 * imports: zod itself stays out of the web bundle.
 */
import type { z } from 'zod';
import type { meResponse, setupStatusResponse, setupInput, changePasswordInput } from '../../common/api/auth.ts';
import type { dashboardResponse } from '../../common/api/dashboard.ts';
import type {
  pairingListResponse,
  pairingDetail,
  pairingSummary,
  createPairingInput,
  updatePairingInput,
  programmeListResponse,
  programmeItem,
} from '../../common/api/pairings.ts';
import type { regionListResponse, regionItem, regionDetailResponse, regionRef } from '../../common/api/regions.ts';
import type {
  organisationListResponse,
  organisationItem,
  createOrganisationInput,
  updateOrganisationInput,
} from '../../common/api/organisations.ts';
import type { userListResponse, userItem, createUserInput, updateUserInput } from '../../common/api/users.ts';
import type { auditListResponse, auditItem, auditVerifyResponse } from '../../common/api/audit.ts';
import type {
  planPreview,
  planCreated,
  planDetail,
  planListResponse,
  planSummary,
  planDiff,
  importPlanInput,
  subPairSuggestion,
} from '../../common/api/plans.ts';
import type {
  taskDetail,
  taskListResponse,
  taskSummary,
  updateTaskInput,
  targetInput,
} from '../../common/api/tasks.ts';

export type Me = z.infer<typeof meResponse>;
export type SetupStatus = z.infer<typeof setupStatusResponse>;
export type SetupInput = z.input<typeof setupInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export type Dashboard = z.infer<typeof dashboardResponse>;

export type PairingSummary = z.infer<typeof pairingSummary>;
export type PairingDetail = z.infer<typeof pairingDetail>;
export type PairingList = z.infer<typeof pairingListResponse>;
export type CreatePairingInput = z.input<typeof createPairingInput>;
export type UpdatePairingInput = z.input<typeof updatePairingInput>;
export type ProgrammeList = z.infer<typeof programmeListResponse>;
export type ProgrammeItem = z.infer<typeof programmeItem>;

export type RegionRef = z.infer<typeof regionRef>;
export type RegionItem = z.infer<typeof regionItem>;
export type RegionList = z.infer<typeof regionListResponse>;
export type RegionDetail = z.infer<typeof regionDetailResponse>;

export type OrganisationItem = z.infer<typeof organisationItem>;
export type OrganisationList = z.infer<typeof organisationListResponse>;
export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;
export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;

export type UserItem = z.infer<typeof userItem>;
export type UserList = z.infer<typeof userListResponse>;
export type CreateUserInput = z.input<typeof createUserInput>;
export type UpdateUserInput = z.input<typeof updateUserInput>;

export type AuditItem = z.infer<typeof auditItem>;
export type AuditList = z.infer<typeof auditListResponse>;
export type AuditVerify = z.infer<typeof auditVerifyResponse>;

export type PlanPreview = z.infer<typeof planPreview>;
export type PlanCreated = z.infer<typeof planCreated>;
export type PlanSummary = z.infer<typeof planSummary>;
export type PlanList = z.infer<typeof planListResponse>;
export type PlanDetail = z.infer<typeof planDetail>;
export type PlanSectionNode = PlanDetail['sections'][number];
export type PlanDiff = z.infer<typeof planDiff>;
export type ImportPlanInput = z.input<typeof importPlanInput>;
export type SubPairSuggestion = z.infer<typeof subPairSuggestion>;

export type TaskSummary = z.infer<typeof taskSummary>;
export type TaskList = z.infer<typeof taskListResponse>;
export type TaskDetail = z.infer<typeof taskDetail>;
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export type TargetInput = z.input<typeof targetInput>;
export type TaskStatus = TaskSummary['status'];
export type TaskLight = TaskSummary['light'];
