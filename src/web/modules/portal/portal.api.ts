import type {
  CreateNewsInput,
  NewsDetail,
  NewsListParams,
  NewsListResponse,
  UpdateNewsInput,
} from '../../../common/api/portal.ts';
import { api, requestFile } from '../../app/api-client.ts';

const newsPath = (id: string) => `/api/news/${encodeURIComponent(id)}`;

/** The offices' news items for the public portal, with their photos. */
export const portalApi = {
  list: (params: NewsListParams, signal?: AbortSignal) => api.get<NewsListResponse>('/api/news', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<NewsDetail>(newsPath(id), undefined, { signal }),
  create: (input: CreateNewsInput) => api.post<NewsDetail>('/api/news', input),
  update: (id: string, input: UpdateNewsInput) => api.patch<NewsDetail>(newsPath(id), input),
  publish: (id: string, version: number) => api.post<NewsDetail>(`${newsPath(id)}/publish`, { version }),
  unpublish: (id: string, version: number) => api.post<NewsDetail>(`${newsPath(id)}/unpublish`, { version }),
  uploadPhoto: (id: string, file: File) => api.uploadFile<NewsDetail>(`${newsPath(id)}/photos`, file),
  downloadPhoto: (id: string, photoId: string) => requestFile(`${newsPath(id)}/photos/${encodeURIComponent(photoId)}`),
  removePhoto: (id: string, photoId: string) =>
    api.delete<NewsDetail>(`${newsPath(id)}/photos/${encodeURIComponent(photoId)}`),
};
