import type {
  CreateIndicatorBody,
  Indicator,
  IndicatorList,
  IndicatorValues,
  TargetsBody,
  UpdateIndicatorInput,
  YearTargets,
} from '../../../common/api/indicators.ts';
import { api, request } from '../../app/api-client.ts';

export const indicatorsApi = {
  list: (signal?: AbortSignal) => api.get<IndicatorList>('/api/indicators', undefined, { signal }),
  create: (input: CreateIndicatorBody) => api.post<Indicator>('/api/indicators', input),
  targets: (id: string, year: number, signal?: AbortSignal) =>
    api.get<YearTargets>(`/api/indicators/${encodeURIComponent(id)}/targets`, { year }, { signal }),
  setTargets: (id: string, input: TargetsBody) =>
    request<{ ok: true }>('PUT', `/api/indicators/${encodeURIComponent(id)}/targets`, { body: input }),
  /** Values by year of the chosen indicators, for a pairing (sub-pairs rolled in) or, without one, the programme. */
  values: (
    q: {
      pairingId?: string;
      programmeId?: string;
      fromYear: number;
      toYear: number;
      indicatorIds: readonly string[];
    },
    signal?: AbortSignal,
  ) =>
    api.get<IndicatorValues>(
      '/api/indicators/values',
      {
        pairingId: q.pairingId,
        programmeId: q.programmeId,
        fromYear: q.fromYear,
        toYear: q.toYear,
        indicatorIds: q.indicatorIds.join(','),
      },
      { signal },
    ),
  update: (id: string, input: UpdateIndicatorInput) =>
    request<Indicator>('PATCH', `/api/indicators/${encodeURIComponent(id)}`, { body: input }),
};
