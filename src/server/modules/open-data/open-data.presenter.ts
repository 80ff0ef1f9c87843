import type { OpenEvaluationResult, OpenProjectAggregate, OpenPublishedFigure } from '../../../common/api/open-data.ts';
import { decimalString } from '../../kernel/decimal.ts';
import type { openEvaluationResults, openFigures, projectAggregates } from './open-data.repository.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** Money as stored (numeric, 万元), without the scale's trailing zeros: 1200.5, never 1200.500000 or a float. */
export function presentProjectTotal(r: Rows<typeof projectAggregates>): OpenProjectAggregate {
  return { ...r, signedWan: decimalString(r.signedWan)!, arrivedWan: decimalString(r.arrivedWan)! };
}

export function presentOpenFigure(r: Rows<typeof openFigures>): OpenPublishedFigure {
  return { ...r, value: decimalString(r.value)! };
}

export function presentEvaluationResult(r: Rows<typeof openEvaluationResults>): OpenEvaluationResult {
  return { ...r, score: decimalString(r.score) };
}
