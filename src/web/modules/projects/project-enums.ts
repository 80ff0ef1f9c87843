// The project API's enum values for filters, selects and tables. src/common/api/projects.ts holds them too, but a
// value import from there would pull zod into the bundle; the records make the compiler check they stay complete.
import type { MoneyFigure, PipelineStage, ProjectStage, ProjectType, SupportKind } from './project-types.ts';

const stages: Record<ProjectStage, true> = {
  planning: true,
  signed: true,
  sited: true,
  started: true,
  producing: true,
  paused: true,
  terminated: true,
};
const pipeline: Record<PipelineStage, true> = {
  planning: true,
  signed: true,
  sited: true,
  started: true,
  producing: true,
};
const types: Record<ProjectType, true> = {
  industrial: true,
  infrastructure: true,
  ppp: true,
  science_tech: true,
  agriculture: true,
  tourism: true,
  finance: true,
  service: true,
};
const figures: Record<MoneyFigure, true> = { signed: true, planned: true, arrived: true, completed: true };
const supportKinds: Record<SupportKind, true> = { central_budget: true, bank_credit: true, industry_fund: true };

/** In order: the pipeline, then 暂停 and 终止. */
export const PROJECT_STAGES = Object.keys(stages) as ProjectStage[];
export const PIPELINE_STAGES = Object.keys(pipeline) as PipelineStage[];
export const PROJECT_TYPES = Object.keys(types) as ProjectType[];
/** 签约额, 计划总投资, 到位资金, 完成投资: always shown side by side, never added together. */
export const MONEY_FIGURES = Object.keys(figures) as MoneyFigure[];
export const SUPPORT_KINDS = Object.keys(supportKinds) as SupportKind[];

export const STAGE_COLOURS: Record<ProjectStage, string> = {
  planning: 'default',
  signed: 'blue',
  sited: 'cyan',
  started: 'orange',
  producing: 'green',
  paused: 'gold',
  terminated: 'red',
};
