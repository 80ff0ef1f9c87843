import type { DemoCountsAnswer, DemoFillInput, DemoJob, DemoStatus } from '../../../common/api/demo.ts';
import { api } from '../../app/api-client.ts';

export const demoApi = {
  status: (signal?: AbortSignal) => api.get<DemoStatus>('/api/demo', undefined, { signal }),
  /** Starts the fill; it runs on the server after this answers. */
  fill: (input: DemoFillInput) => api.post<DemoJob>('/api/demo/fill', input),
  /** The fill's state once it has ended (the server holds the request until then, five minutes at most). */
  fillEnded: (id: string) => api.get<DemoJob>(`/api/demo/fill/${encodeURIComponent(id)}`, { wait: 'true' }),
  clear: () => api.post<DemoCountsAnswer>('/api/demo/clear', {}),
};
