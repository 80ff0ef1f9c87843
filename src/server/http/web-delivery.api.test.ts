import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { loadSeedPlans } from '../modules/plans/test-support/plan-api.ts';

describe.each(testEngines())('compressed answers on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('compresses a large JSON list for a client that accepts it, the cached answer too, and the same JSON comes out', async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const url = `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=50`;
    const plain = await jl.get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await jl.get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await jl.get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['x-cache']).toBe('hit');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves small answers as they are, compresses the map files without page headers, and refuses compressed request bodies', async () => {
    const anon = s.t.client();
    const small = await anon.get('/api/health', { 'accept-encoding': 'br' });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();

    const map = await anon.get('/maps/china.json', { 'accept-encoding': 'br' });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-encoding']).toBe('br');
    // A file the app fetches carries the headers that protect it, not those that govern a page.
    expect(map.headers['x-content-type-options']).toBe('nosniff');
    expect(map.headers['content-security-policy']).toBeUndefined();
    expect(small.headers['content-security-policy']).toContain("default-src 'self'");
    expect(JSON.parse(zlib.brotliDecompressSync(map.rawPayload).toString())).toMatchObject({
      type: 'FeatureCollection',
    });

    const jl = await s.as(s.f.users.jilin);
    const zipped = await jl.request('POST', '/api/auth/logout', '{}', {
      'content-encoding': 'gzip',
      'content-type': 'application/json',
    });
    expect(zipped.statusCode).toBe(415);
  });
});
