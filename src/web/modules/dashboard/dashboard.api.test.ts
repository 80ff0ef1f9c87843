import { afterEach, describe, expect, it, vi } from 'vitest';

const get = vi.fn();
vi.mock('../../app/api-client.ts', () => ({ api: { get } }));

/** The dashboard asked for early (while its page's chunk loads) is the page's first answer, taken once. */
describe('early dashboard', () => {
  afterEach(() => {
    get.mockReset();
    vi.resetModules();
  });

  it('gives the early answer to the page once, for the same programme only, and asks once while it waits', async () => {
    let n = 0;
    get.mockImplementation(async (_path: string, query?: { programmeId: string }) => ({ n: ++n, query }));
    const { dashboardApi, prefetchDashboard } = await import('./dashboard.api.ts');

    prefetchDashboard('p1');
    prefetchDashboard('p1');
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenLastCalledWith(
      '/api/dashboard',
      { programmeId: 'p1' },
      { signal: undefined, quietUnauthorized: false },
    );
    await expect(dashboardApi.get('p1')).resolves.toEqual({ n: 1, query: { programmeId: 'p1' } });
    // Taken: the next load asks the server again.
    await expect(dashboardApi.get('p1')).resolves.toEqual({ n: 2, query: { programmeId: 'p1' } });

    // Asked early for another programme than the page wants: the page asks for its own, and the early one is gone.
    prefetchDashboard(undefined);
    await expect(dashboardApi.get('p2')).resolves.toEqual({ n: 4, query: { programmeId: 'p2' } });
    await expect(dashboardApi.get(undefined)).resolves.toEqual({ n: 5, query: undefined });
  });

  it('hands a failed early answer to the page, which can ask again', async () => {
    get.mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce({ ok: true });
    const { dashboardApi, prefetchDashboard } = await import('./dashboard.api.ts');
    prefetchDashboard(undefined);
    await expect(dashboardApi.get(undefined)).rejects.toThrow('down');
    await expect(dashboardApi.get(undefined)).resolves.toEqual({ ok: true });
  });

  it('asked before sign-in: quiet on 401, a refusal is dropped so the page asks again, an answer is taken', async () => {
    get
      .mockRejectedValueOnce(new Error('401'))
      .mockResolvedValueOnce({ n: 1 })
      .mockResolvedValueOnce({ n: 2 })
      .mockResolvedValueOnce({ n: 3 });
    const { dashboardApi, prefetchDashboard } = await import('./dashboard.api.ts');
    prefetchDashboard('p1', true);
    expect(get).toHaveBeenLastCalledWith(
      '/api/dashboard',
      { programmeId: 'p1' },
      { signal: undefined, quietUnauthorized: true },
    );
    await vi.waitFor(() => expect(get.mock.results[0]?.value).rejects.toThrow('401'));
    // Refused (signed out, say): the page, shown after sign-in, asks afresh instead of taking the refusal.
    await expect(dashboardApi.get('p1')).resolves.toEqual({ n: 1 });
    // Answered: the page takes it without asking again.
    prefetchDashboard('p1', true);
    await expect(dashboardApi.get('p1')).resolves.toEqual({ n: 2 });
    expect(get).toHaveBeenCalledTimes(3);
  });
});
