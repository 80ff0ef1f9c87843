import { describe, it, expect } from 'vitest';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

describe.each(testEngines())('regions on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('browses province → city → county with zones attached, and searches by name or code', async () => {
    const c = s.t.client();
    await c.login(s.f.users.jilin.username, s.f.users.jilin.password);
    const provinces = (await c.get('/api/regions?level=province&pageSize=50')).json();
    expect(provinces.total).toBe(34);
    expect(provinces.items.find((r: { code: string }) => r.code === '220000').childCount).toBeGreaterThan(9);
    const jilin = (await c.get('/api/regions/220000')).json();
    expect(jilin.children.map((r: { name: string }) => r.name)).toContain('长春市');
    expect(jilin.zones.map((r: { name: string }) => r.name).join()).toMatch(/长白山/);
    const changchun = (await c.get('/api/regions/220100')).json();
    expect(changchun.path.map((p: { code: string }) => p.code)).toEqual(['000000', '220000', '220100']);
    expect(changchun.children.map((r: { code: string }) => r.code)).toContain('220184');
    expect(changchun.zones.map((r: { name: string }) => r.name).join()).toMatch(/长春新区/);
    expect((await c.get('/api/regions?q=梅河口')).json().items[0].code).toBe('220581');
    expect((await c.get('/api/regions?q=2205')).json().items.map((r: { code: string }) => r.code)).toContain('220581');
    expect((await c.get('/api/regions/999999')).statusCode).toBe(404);
    expect((await c.get('/api/regions/abc')).statusCode).toBe(400);
  });

  it('serves the map data from the app itself and documents the API', async () => {
    const china = await s.t.app.inject({ method: 'GET', url: '/maps/china.json' });
    expect(china.statusCode).toBe(200);
    expect(china.json().features.length).toBeGreaterThanOrEqual(34);
    const docs = await s.t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    const spec = docs.json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/pairings', '/api/pairings/{id}', '/api/regions', '/api/audit']),
    );
    expect(spec.paths['/api/pairings'].post.requestBody).toBeTruthy();
  });
});
