export { extractPlanText, type ExtractOptions } from './extract-text.ts';
export { normalisePlanText, type NormalisedLine, type NormalisedText } from './normalise.ts';
export { allSubPairs, allTasks, parsePlan, parsePlanWithSource, type ParsedPlanWithSource } from './parse-plan.ts';
export { PlanFileError, type PlanFileErrorCode } from './plan-file-error.ts';
export type * from './types.ts';
