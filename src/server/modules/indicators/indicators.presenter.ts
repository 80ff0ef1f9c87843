import { type Indicator, type IndicatorList, MEASURE_CODES, MEASURES } from '../../../common/api/indicators.ts';
import type { IndicatorRow } from './indicators.repository.ts';

export function presentIndicator(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    definitionZh: r.definitionZh,
    definitionEn: r.definitionEn,
    unit: r.unit,
    direction: r.direction,
    type: r.type,
    numerator: r.numerator,
    denominator: r.denominator ?? null,
    factor: r.factor,
    builtIn: r.builtIn,
    active: r.active,
    version: r.version,
  };
}

export function presentIndicatorList(rows: readonly IndicatorRow[]): IndicatorList {
  return {
    items: rows.map(presentIndicator),
    measures: MEASURE_CODES.map((code) => ({
      code,
      unit: MEASURES[code].unit,
      sided: MEASURES[code].sided,
      filters: [...MEASURES[code].filters],
    })),
  };
}
