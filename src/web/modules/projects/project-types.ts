/**
 * Types of the project API, inferred from the shared zod schemas (src/common/api/projects.ts). Type-only imports:
 * zod stays out of the web bundle.
 */
import type { z } from 'zod';
import type {
  createProjectInput,
  figureReportInput,
  importJob,
  importRowError,
  industryCatalogue,
  projectDetail,
  projectListResponse,
  projectStats,
  projectSummary,
  rateRow,
  stageMoveInput,
  updateProjectInput,
} from '../../../common/api/projects.ts';

export type ProjectSummary = z.infer<typeof projectSummary>;
export type ProjectDetail = z.infer<typeof projectDetail>;
export type ProjectList = z.infer<typeof projectListResponse>;
export type ProjectStats = z.infer<typeof projectStats>;
export type RateRow = z.infer<typeof rateRow>;
export type ImportJob = z.infer<typeof importJob>;
export type ImportRowError = z.infer<typeof importRowError>;
export type IndustryCatalogue = z.infer<typeof industryCatalogue>;
export type CreateProjectInput = z.input<typeof createProjectInput>;
export type UpdateProjectInput = z.input<typeof updateProjectInput>;
export type StageMoveInput = z.input<typeof stageMoveInput>;
export type FigureReportInput = z.input<typeof figureReportInput>;

export type ProjectStage = ProjectSummary['stage'];
export type PipelineStage = ProjectSummary['furthestStage'];
export type ProjectType = ProjectSummary['type'];
export type MoneyFigure = keyof ProjectSummary['figures'];
export type SupportKind = keyof ProjectDetail['support'];
