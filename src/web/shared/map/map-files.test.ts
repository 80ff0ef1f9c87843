import { afterEach, describe, expect, it, vi } from 'vitest';

/** The map of China is fetched once for the page (the prefetch and the map share it), and again after a failure. */
describe('map files', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('shares one fetch between the prefetch and the map, and fetches again after a failure', async () => {
    const answers = [
      new Response('gone', { status: 503 }),
      new Response(JSON.stringify({ type: 'FeatureCollection', features: [] })),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const { chinaMapFile, prefetchChinaMap } = await import('./map-files.ts');

    prefetchChinaMap();
    await expect(chinaMapFile()).rejects.toThrow('/maps/china-simplified.json: HTTP 503');
    expect(fetch).toHaveBeenCalledTimes(1);

    prefetchChinaMap();
    await expect(chinaMapFile()).resolves.toEqual({ type: 'FeatureCollection', features: [] });
    await chinaMapFile();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith('/maps/china-simplified.json', { credentials: 'same-origin' });
  });
});
