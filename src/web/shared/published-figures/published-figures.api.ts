import type {
  PublishedFigure,
  PublishedFigureBody,
  PublishedFigureList,
} from '../../../common/api/published-figures.ts';
import { api, request } from '../../app/api-client.ts';

/** The calls of one topic's published figures, at the address its module declares (kernel published-figure-routes). */
export function publishedFiguresApi(base: string) {
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: (pairingId: string | undefined, signal?: AbortSignal) =>
      api.get<PublishedFigureList>(base, { pairingId }, { signal }),
    add: (input: PublishedFigureBody) => api.post<PublishedFigure>(base, input),
    update: (id: string, input: PublishedFigureBody) => request<PublishedFigure>('PUT', one(id), { body: input }),
    remove: (id: string) => api.delete<{ ok: true }>(one(id)),
  };
}
