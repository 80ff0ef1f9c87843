import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app.ts';
import { testEngines } from './testing/test-engines.ts';
import { loadProgrammeWithUsers, type ProgrammeFixture } from './testing/programme-fixture.ts';
import type { RouteAccess } from './http/access-hook.ts';
import { hasPermission } from '../common/access/permissions.ts';
import { ROLES, type Role } from '../common/access/roles.ts';

/**
 * The expected access of every API route. A route added without an entry here fails this test, and so does an
 * entry whose route no longer exists or declares something else.
 */
const EXPECTED: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'GET /api/setup/status': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'GET /api/dashboard': 'dashboard.read',
  'GET /api/programmes': 'programme.read',
  'GET /api/pairings': 'pairing.read',
  'GET /api/pairings/:id': 'pairing.read',
  'POST /api/pairings': 'pairing.create',
  'PATCH /api/pairings/:id': 'pairing.update',
  'GET /api/regions': 'region.read',
  'GET /api/regions/:code': 'region.read',
  'GET /api/organisations': 'organisation.read',
  'GET /api/organisations/:id': 'organisation.read',
  'POST /api/organisations': 'organisation.manage',
  'PATCH /api/organisations/:id': 'organisation.manage',
  'GET /api/users': 'user.read',
  'GET /api/users/:id': 'user.read',
  'POST /api/users': 'user.manage',
  'PATCH /api/users/:id': 'user.manage',
  'POST /api/users/:id/unlock': 'user.unlock',
  'POST /api/users/:id/password': 'user.manage',
  'GET /api/audit': 'audit.read',
  'GET /api/audit/verify': 'audit.read',
  'POST /api/plans/preview': 'plan.import',
  'POST /api/plans': 'plan.import',
  'GET /api/plans': 'plan.read',
  'GET /api/plans/:id': 'plan.read',
  'GET /api/plans/:id/ledger.xlsx': 'plan.read',
  'GET /api/plans/:id/source': 'plan.read',
  'GET /api/tasks': 'task.read',
  'GET /api/tasks/:id': 'task.read',
  'PATCH /api/tasks/:id': 'task.update',
  'GET /api/industries': 'project.read',
  'GET /api/projects': 'project.read',
  'GET /api/projects/stats': 'project.read',
  'GET /api/projects/template.xlsx': 'project.import',
  'GET /api/projects/export.xlsx': 'project.read',
  'POST /api/projects/import': 'project.import',
  'GET /api/projects/import/:id': 'project.import',
  'GET /api/projects/:id': 'project.read',
  'POST /api/projects': 'project.manage',
  'PATCH /api/projects/:id': 'project.manage',
  'POST /api/projects/:id/moves': 'project.manage',
  'POST /api/projects/:id/figures': 'project.manage',
  'POST /api/projects/:id/attachments': 'project.manage',
  'GET /api/projects/:id/attachments/:attachmentId': 'project.read',
  'DELETE /api/projects/:id/attachments/:attachmentId': 'project.manage',
  'GET /api/events': 'event.read',
  'GET /api/events/:id': 'event.read',
  'POST /api/events': 'event.manage',
  'PATCH /api/events/:id': 'event.manage',
  'POST /api/events/:id/agreements': 'event.manage',
  'POST /api/events/:id/agreements/:agreementId/project': 'project.manage',
  'GET /api/parks': 'park.read',
  'GET /api/parks/:id': 'park.read',
  'POST /api/parks': 'park.manage',
  'PATCH /api/parks/:id': 'park.manage',
  'POST /api/parks/:id/enterprises': 'park.manage',
  'GET /api/parks/:id/ledger/template.xlsx': 'park.manage',
  'POST /api/parks/:id/ledger/import': 'park.manage',
  'POST /api/parks/:id/agreements': 'park.manage',
  'GET /api/parks/:id/ledger': 'park.read',
  'POST /api/parks/:id/ledger': 'park.manage',
  'GET /api/parks/:id/agreements/:agreementId/statement': 'park.read',
  'GET /api/parks/:id/agreements/:agreementId/statement.xlsx': 'park.read',
  'GET /api/cycles': 'report.read',
  'POST /api/cycles': 'cycle.manage',
  'GET /api/cycles/:id': 'report.read',
  'GET /api/cycles/:id/not-reported': 'report.read',
  'POST /api/cycles/:id/approve': 'report.review',
  'POST /api/cycles/:id/unlock': 'cycle.manage',
  'POST /api/cycles/:id/slots': 'cycle.manage',
  'POST /api/cycles/:id/reports': 'report.fill',
  'GET /api/reports': 'report.read',
  'GET /api/reports/inbox': 'report.read',
  'GET /api/reports/:id': 'report.read',
  'PATCH /api/reports/:id': 'report.fill',
  'POST /api/reports/:id/submit': 'report.fill',
  'POST /api/reports/:id/return': 'report.review',
  'POST /api/reports/:id/approve': 'report.review',
  'POST /api/reports/:id/attachments': 'report.fill',
  'GET /api/reports/:id/attachments/:attachmentId': 'report.read',
  'DELETE /api/reports/:id/attachments/:attachmentId': 'report.fill',
  'GET /api/notifications': 'authenticated',
  'POST /api/notifications/:id/read': 'authenticated',
  'POST /api/notifications/read-all': 'authenticated',
};

function allowed(access: RouteAccess, roles: Role[]) {
  if (access === 'public' || access === 'authenticated') return true;
  return hasPermission(roles, access);
}

describe.each(testEngines())('authorization on %s', (engine) => {
  let t: TestApp;
  let f: ProgrammeFixture;
  const clients = new Map<Role, TestClient>();
  beforeAll(async () => {
    t = await createTestApp(engine);
    f = await loadProgrammeWithUsers(t);
    const userFor: Partial<Record<Role, { username: string; password: string }>> = {
      national_office: f.users.national,
      pairing_office: f.users.jilin,
      lead_unit: f.users.jilinUnit,
      sys_admin: f.users.sysadmin,
      security_admin: f.users.secadmin,
      audit_admin: f.users.auditor,
    };
    for (const [role, u] of Object.entries(userFor) as [Role, { username: string; password: string }][]) {
      const c = t.client();
      expect((await c.login(u.username, u.password)).statusCode).toBe(200);
      clients.set(role, c);
    }
  });
  afterAll(async () => t?.close());

  const concrete = (url: string) =>
    url
      .replace('/api/pairings/:id', `/api/pairings/${f.pairings.jilinZhejiang}`)
      .replace('/api/organisations/:id', `/api/organisations/${f.users.jilin.organisationId}`)
      .replace('/api/users/:id', `/api/users/${f.users.jilinUnit.userId}`)
      .replace(/\/api\/(plans|tasks)\/:id/, '/api/$1/00000000-0000-4000-8000-000000000000')
      .replace(':code', '220000');

  it('has an expected-access entry for every route and a route for every entry', () => {
    const registered = Object.fromEntries(t.app.registeredRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(Object.keys(registered).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(registered).toEqual(EXPECTED);
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    for (const r of t.app.registeredRoutes) {
      if (r.access === 'public') continue;
      const res = await t.client().request(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to every role without the permission and lets every role with it through', async () => {
    const routes = [...t.app.registeredRoutes].sort(
      (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
    );
    for (const r of routes) {
      for (const [role, c] of clients) {
        const res = await c.request(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
        const label = `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed(r.access, [role])) expect([401, 403], label).not.toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    }
    expect(ROLES.length).toBeGreaterThan(clients.size);
  });

  describe('one pairing cannot see or change another pairing', () => {
    it('reads: another pairing and its sub-pairs answer 404', async () => {
      const c = t.client();
      await c.login(f.users.jilin.username, f.users.jilin.password);
      for (const id of [f.pairings.liaoningJiangsu, f.pairings.panjinWuxi])
        expect((await c.get(`/api/pairings/${id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/pairings/${f.pairings.jilinWenzhou}`)).statusCode).toBe(200);
    });

    it('lists, searches and the dashboard leak no foreign row', async () => {
      const c = t.client();
      await c.login(f.users.jilin.username, f.users.jilin.password);
      const listed = (await c.get('/api/pairings?pageSize=500')).json();
      const truth = await t.database.db.execute<{ id: string }>(sql`
        WITH RECURSIVE tree AS (SELECT pairing_id AS id FROM pairing_side_regions WHERE region_code = '220000'
          UNION SELECT p.id FROM pairings p JOIN tree ON p.parent_id = tree.id) SELECT id FROM tree`);
      expect(listed.items.map((p: { id: string }) => p.id).sort()).toEqual(truth.rows.map((r) => r.id).sort());
      expect(listed.total).toBe(12);
      expect((await c.get('/api/pairings?q=盘锦')).json().total).toBe(0);
      expect((await c.get('/api/pairings?regionCode=210000')).json().total).toBe(0);
      expect((await c.get(`/api/pairings?parentId=${f.pairings.liaoningJiangsu}`)).json().total).toBe(0);
      const dash = (await c.get('/api/dashboard')).json();
      expect(dash.pairings.map((p: { name: string }) => p.name)).toEqual(['吉林省—浙江省']);
      expect(dash.counts).toMatchObject({ pairings: 1, subPairs: 11 });
      const programmes = (await c.get('/api/programmes')).json();
      expect(programmes.items[0].pairingCount).toBe(1);
    });

    it('both sides see the same pairing; a city office sees its own pairings across parents', async () => {
      const zj = t.client();
      await zj.login(f.users.zhejiang.username, f.users.zhejiang.password);
      expect((await zj.get(`/api/pairings/${f.pairings.jilinWenzhou}`)).statusCode).toBe(200);
      const cc = t.client();
      await cc.login(f.users.changchun.username, f.users.changchun.password);
      const names = (await cc.get('/api/pairings?pageSize=100'))
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
      expect(names).toEqual(
        expect.arrayContaining([expect.stringMatching(/^长春市—/), expect.stringMatching(/^长春市、.*—杭州市$/)]),
      );
      expect((await cc.get(`/api/pairings/${f.pairings.jilinZhejiang}`)).statusCode).toBe(404);
    });

    it('changes: another pairing answers 404 and stays as it was; the denial is audited', async () => {
      const c = t.client();
      await c.login(f.users.jilin.username, f.users.jilin.password);
      const res = await c.patch(`/api/pairings/${f.pairings.panjinWuxi}`, { version: 1, theme: 'hijacked' });
      expect(res.statusCode).toBe(404);
      const sub = await c.post('/api/pairings', {
        programmeId: f.programmeId,
        parentId: f.pairings.liaoningJiangsu,
        level: 'city',
        sideA: ['210200'],
        sideB: ['320200'],
      });
      expect(sub.statusCode).toBe(400);
      expect(sub.json().error.details[0].field).toBe('parentId');
      const theme = await t.database.db.execute<{ theme: string }>(
        sql`SELECT theme FROM pairings WHERE id = ${f.pairings.panjinWuxi}`,
      );
      expect(theme.rows[0]!.theme).toBe('互联网+');
      const denied = await t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.denied' AND actor_name = 'jilin'`,
      );
      expect(Number(denied.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    });

    it('organisations of other pairings are invisible to a pairing office', async () => {
      const c = t.client();
      await c.login(f.users.jilin.username, f.users.jilin.password);
      expect((await c.get(`/api/organisations/${f.users.liaoning.organisationId}`)).statusCode).toBe(404);
      const names = (await c.get('/api/organisations?pageSize=500'))
        .json()
        .items.map((o: { regionCode: string }) => o.regionCode);
      expect(names).not.toContain('210000');
      expect(names).toContain('330000');
    });
  });
});
