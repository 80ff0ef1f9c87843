import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';

describe.each(testEngines())('demo data from the web app on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('the national office fills a pairing in a background job, sees it listed, and clears it all; every step audited as theirs', async () => {
    const national = await s.as(s.f.users.national);
    expect((await national.get('/api/demo')).json()).toEqual({ pairings: [] });

    const started = await national.post('/api/demo/fill', { pairingId: s.f.pairings.jilinZhejiang, seed: 7 });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running' });
    const job = (await national.get(`/api/demo/fill/${started.json().id}?wait=true`)).json();
    expect(job).toMatchObject({ status: 'done', error: null, result: { projects: 23, parks: 3, events: 3 } });

    expect((await national.get('/api/demo')).json()).toEqual({
      pairings: [{ id: s.f.pairings.jilinZhejiang, name: '吉林省—浙江省', projects: 23 }],
    });
    // A second fill of the same pairing is refused at once, with the way out in the message.
    const again = await national.post('/api/demo/fill', { pairingId: s.f.pairings.jilinZhejiang });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('demo_exists');

    const cleared = await national.post('/api/demo/clear');
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().counts).toMatchObject({ projects: 23, parks: 3, events: 3 });
    expect((await national.get('/api/demo')).json()).toEqual({ pairings: [] });

    const { rows } = await s.t.database.db.execute<{ action: string; n: number }>(sql`
      SELECT action, count(*)::int AS n FROM audit_log
      WHERE actor_name = ${s.f.users.national.username} AND action IN ('demo.fill', 'demo.clear', 'project.create')
      GROUP BY action ORDER BY action`);
    expect(rows).toEqual([
      { action: 'demo.clear', n: 1 },
      { action: 'demo.fill', n: 1 },
      { action: 'project.create', n: 23 },
    ]);
  });

  it('refuses other roles, an unknown pairing, and another user polling the job', async () => {
    const jilin = await s.as(s.f.users.jilin);
    expect((await jilin.post('/api/demo/fill', { pairingId: s.f.pairings.jilinZhejiang })).statusCode).toBe(403);
    expect((await jilin.post('/api/demo/clear')).statusCode).toBe(403);
    const national = await s.as(s.f.users.national);
    const unknown = await national.post('/api/demo/fill', { pairingId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const bad = await national.post('/api/demo/fill', { pairingId: 'not-an-id' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('pairingId');
    expect((await national.get('/api/demo/fill/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
