import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../repo-path.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { fillDemo } from '../../seed/demo-data.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';

const LISTS = [
  '/api/projects',
  '/api/parks',
  '/api/events',
  '/api/meetings',
  '/api/replication/practices',
  '/api/news',
];

const ids = async (c: TestClient, path: string, programmeId: string) => {
  const res = await c.get(`${path}?pageSize=500&programmeId=${programmeId}`);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  return res.json().items.map((r: { id: string }) => r.id) as string[];
};

/** The dashboard as its reader sees one programme; the switcher's list of programmes is the reader's own. */
const dashboardOf = async (c: TestClient, programmeId: string) => {
  const res = await c.get(`/api/dashboard?programmeId=${programmeId}`);
  if (res.statusCode !== 200) return res.statusCode;
  const { programmes: _mine, ...rest } = res.json();
  return rest;
};

describe.each(testEngines())('programme grants on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const p = { ne: '', dx: '' };
  let officer: { username: string; password: string; id: string };

  it('a national office granted 东西部协作 sees it as the unrestricted national office does', async () => {
    const national = await s.as(s.f.users.national);
    const file = JSON.parse(fs.readFileSync(repoPath('resources/programmes/dongxi-xiezuo-2021.json'), 'utf8'));
    p.dx = (await national.post('/api/programmes/load', file)).json().programmeId;
    p.ne = s.f.programmeId;
    const ctx = systemContext(s.t.deps);
    const made = await buildOrgUser(ctx, {
      username: 'dongxi-office',
      regionCode: '000000',
      roles: ['national_office'],
      kind: 'national_office',
      orgName: '东西部协作 国家工作机构',
    });
    officer = { ...made, id: made.userId };
    const js = (await national.get(`/api/pairings?programmeId=${p.dx}&q=江苏省`))
      .json()
      .items.find((x: { name: string }) => x.name === '江苏省—陕西省');
    await fillDemo(ctx, s.f.pairings.jilinZhejiang);
    await fillDemo(ctx, js.id);

    const granted = await national.post(`/api/programmes/${p.dx}/grants`, { username: 'dongxi-office' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().items).toEqual([
      expect.objectContaining({ username: 'dongxi-office', organisationName: '东西部协作 国家工作机构' }),
    ]);

    const dx = await s.as(officer);
    for (const path of LISTS) {
      const seen = await ids(dx, path, p.dx);
      expect(seen, path).toEqual(await ids(national, path, p.dx));
      // Without the switcher's choice: its one programme's rows, the same.
      const all = (await dx.get(`${path}?pageSize=500`)).json().items.map((r: { id: string }) => r.id);
      expect(all, path).toEqual(seen);
    }
    expect((await ids(dx, '/api/projects', p.dx)).length).toBeGreaterThan(0);
    // The dashboard and its map: the same figures, pairings and lines.
    const mine = await dashboardOf(dx, p.dx);
    expect(mine).toEqual(await dashboardOf(national, p.dx));
    expect((mine as { counts: { pairings: number } }).counts.pairings).toBe(11);
  });

  it('a national office not granted 22号 gets not-found and empty lists there', async () => {
    const dx = await s.as(officer);
    expect(await dashboardOf(dx, p.ne)).toBe(404);
    for (const path of LISTS) expect(await ids(dx, path, p.ne), path).toEqual([]);
    expect((await dx.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`)).statusCode).toBe(404);
    const national = await s.as(s.f.users.national);
    const [project] = await ids(national, '/api/projects', p.ne);
    expect((await dx.get(`/api/projects/${project}`)).statusCode).toBe(404);
    expect((await dx.get(`/api/programmes/${p.ne}/grants`)).statusCode).toBe(404);
    expect((await dx.post(`/api/programmes/${p.ne}/grants`, { username: 'dongxi-office' })).statusCode).toBe(404);
  });

  it('granted 22号 too, it sees 22号 nationally; revoked with a reason, it no longer does', async () => {
    const national = await s.as(s.f.users.national);
    await national.post(`/api/programmes/${p.ne}/grants`, { username: 'dongxi-office' });
    const dx = await s.as(officer);
    expect(await dashboardOf(dx, p.ne)).toEqual(await dashboardOf(national, p.ne));
    for (const path of LISTS) expect(await ids(dx, path, p.ne), path).toEqual(await ids(national, path, p.ne));
    expect((await dx.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`)).statusCode).toBe(200);

    const noReason = await national.post(`/api/programmes/${p.ne}/grants/${officer.id}/revoke`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const revoked = await national.post(`/api/programmes/${p.ne}/grants/${officer.id}/revoke`, {
      reason: '工作调整，不再负责东北振兴对口合作',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().items).toEqual([]);
    const [audit] = (
      await s.t.database.db.execute<{ details: { username: string; reason: string } }>(
        sql`SELECT details FROM audit_log WHERE action = 'programme.revoke' AND object_id = ${p.ne}`,
      )
    ).rows;
    expect(audit!.details).toMatchObject({ username: 'dongxi-office', reason: '工作调整，不再负责东北振兴对口合作' });

    expect(await dashboardOf(dx, p.ne)).toBe(404);
    for (const path of LISTS) expect(await ids(dx, path, p.ne), path).toEqual([]);
    expect((await dx.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`)).statusCode).toBe(404);
    // Revoking what is not granted any more: not found.
    const again = await national.post(`/api/programmes/${p.ne}/grants/${officer.id}/revoke`, { reason: '重复' });
    expect(again.statusCode).toBe(404);
  });

  it("refuses to revoke a user's last grant (it would see every programme), changing nothing", async () => {
    const national = await s.as(s.f.users.national);
    const res = await national.post(`/api/programmes/${p.dx}/grants/${officer.id}/revoke`, { reason: '调离' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'userId', code: 'grant_last' });
    const list = (await national.get(`/api/programmes/${p.dx}/grants`)).json();
    expect(list.items.map((g: { username: string }) => g.username)).toEqual(['dongxi-office']);
    const dx = await s.as(officer);
    expect(await dashboardOf(dx, p.ne)).toBe(404);
  });

  it('lets only the national office see and change grants', async () => {
    const jilin = await s.as(s.f.users.jilin);
    expect((await jilin.get(`/api/programmes/${p.ne}/grants`)).statusCode).toBe(403);
    expect(
      (await jilin.post(`/api/programmes/${p.ne}/grants/${officer.id}/revoke`, { reason: '越权' })).statusCode,
    ).toBe(403);
    const national = await s.as(s.f.users.national);
    const unknown = await national.post(`/api/programmes/${p.ne}/grants`, { username: 'nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'username', code: 'unknown_user' });
  });
});
