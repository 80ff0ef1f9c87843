import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app.ts';
import { testEngines } from './testing/test-engines.ts';
import { loadProgrammeWithUsers, type ProgrammeFixture } from './testing/programme-fixture.ts';
import type { RouteAccess } from './http/access-hook.ts';
import { hasPermission } from '../common/access/permissions.ts';
import { ROLES, type Role } from '../common/access/roles.ts';
import { systemContext } from './http/system-actor.ts';
import { buildOrgUser } from './seed/builders.ts';

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
  'POST /api/auth/totp/enrolment': 'authenticated',
  'POST /api/auth/totp/confirm': 'authenticated',
  'POST /api/auth/totp/disable': 'authenticated',
  'GET /api/dashboard': 'dashboard.read',
  'GET /api/dashboard/work-status': 'task.read',
  'GET /api/indicators': 'indicator.read',
  'GET /api/indicators/values': 'indicator.read',
  'POST /api/indicators': 'indicator.manage',
  'PATCH /api/indicators/:id': 'indicator.manage',
  'GET /api/indicators/:id/targets': 'indicator.manage',
  'PUT /api/indicators/:id/targets': 'indicator.manage',
  'GET /api/evaluations': 'evaluation.read',
  'GET /api/evaluations/latest-ranking': 'evaluation.read',
  'GET /api/evaluations/:id': 'evaluation.read',
  'POST /api/evaluations': 'evaluation.manage',
  'POST /api/evaluations/:id/close': 'evaluation.manage',
  'POST /api/evaluations/:id/publish': 'evaluation.manage',
  'PUT /api/evaluations/:roundId/subjects/:id/self-assessment': 'evaluation.self',
  'POST /api/evaluations/:roundId/subjects/:id/adjust': 'evaluation.manage',
  'POST /api/evaluations/:roundId/subjects/:id/praise': 'evaluation.manage',
  'POST /api/evaluations/:roundId/subjects/:id/rectification': 'evaluation.manage',
  'POST /api/evaluation-subjects/:id/attachments': 'evaluation.self',
  'GET /api/evaluation-subjects/:id/attachments/:attachmentId': 'evaluation.read',
  'DELETE /api/evaluation-subjects/:id/attachments/:attachmentId': 'evaluation.self',
  'GET /api/programmes': 'programme.read',
  'POST /api/programmes': 'programme.manage',
  'PATCH /api/programmes/:id': 'programme.manage',
  'GET /api/programmes/:id/grants': 'programme.manage',
  'POST /api/programmes/:id/grants': 'programme.manage',
  'POST /api/programmes/:id/grants/:userId/revoke': 'programme.manage',
  'POST /api/programmes/load': 'programme.manage',
  'GET /api/pairings': 'pairing.read',
  'GET /api/pairings/:id': 'pairing.read',
  'GET /api/pairings/export.xlsx': 'pairing.read',
  'POST /api/pairings': 'pairing.create',
  'PATCH /api/pairings/:id': 'pairing.update',
  'GET /api/regions': 'public',
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
  'POST /api/users/:id/email/reveal': 'user.read',
  'GET /api/account/email': 'authenticated',
  'PATCH /api/account/email': 'authenticated',
  'POST /api/users/:id/password': 'user.manage',
  'POST /api/users/:id/totp/reset': 'user.manage',
  'GET /api/audit': 'audit.read',
  'GET /api/audit/verify': 'audit.read',
  'GET /api/audit/actions': 'audit.read',
  'GET /api/audit/export.xlsx': 'audit.read',
  'GET /api/demo': 'demo.manage',
  'POST /api/demo/fill': 'demo.manage',
  'GET /api/demo/fill/:id': 'demo.manage',
  'POST /api/demo/clear': 'demo.manage',
  'POST /api/plans/preview': 'plan.import',
  'POST /api/plans': 'plan.import',
  'GET /api/plans': 'plan.read',
  'GET /api/plans/:id': 'plan.read',
  'GET /api/plans/:id/ledger.xlsx': 'plan.read',
  'GET /api/plans/:id/source': 'plan.read',
  'GET /api/tasks': 'task.read',
  'GET /api/tasks/unit-suggestions': 'task.update',
  'POST /api/tasks/bulk-units': 'task.update',
  'GET /api/tasks/:id': 'task.read',
  'PATCH /api/tasks/:id': 'task.update',
  'GET /api/industries': 'public',
  'GET /api/projects': 'project.read',
  'GET /api/projects/stats': 'project.read',
  'GET /api/projects/stats.xlsx': 'project.read',
  'GET /api/projects/template.xlsx': 'project.import',
  'GET /api/projects/export.xlsx': 'project.read',
  'POST /api/projects/import': 'project.import',
  'GET /api/projects/import/:id': 'project.import',
  'GET /api/projects/:id': 'project.read',
  'GET /api/projects/:id/contact': 'project.read',
  'POST /api/projects': 'project.manage',
  'PATCH /api/projects/:id': 'project.manage',
  'POST /api/projects/:id/moves': 'project.manage',
  'POST /api/projects/:id/figures': 'project.manage',
  'POST /api/projects/:id/attachments': 'project.manage',
  'GET /api/projects/:id/attachments/:attachmentId': 'project.read',
  'DELETE /api/projects/:id/attachments/:attachmentId': 'project.manage',
  'GET /api/tracked-items': 'item.read',
  'GET /api/tracked-items/ledger.xlsx': 'item.read',
  'GET /api/tracked-items/:id': 'item.read',
  'PATCH /api/tracked-items/:id': 'item.manage',
  'POST /api/tracked-items/:id/progress': 'item.progress',
  'POST /api/tracked-items/:id/close': 'item.manage',
  'POST /api/tracked-items/:id/reopen': 'item.manage',
  'POST /api/tracked-items/:id/attachments': 'item.progress',
  'GET /api/tracked-items/:id/attachments/:attachmentId': 'item.read',
  'DELETE /api/tracked-items/:id/attachments/:attachmentId': 'item.progress',
  'GET /api/meetings': 'meeting.read',
  'GET /api/meetings/next-host': 'meeting.read',
  'PUT /api/meetings/rotation': 'meeting.manage',
  'GET /api/meetings/:id': 'meeting.read',
  'POST /api/meetings': 'meeting.manage',
  'PATCH /api/meetings/:id': 'meeting.manage',
  'POST /api/meetings/:id/decisions': 'meeting.manage',
  'GET /api/summaries': 'summary.read',
  'POST /api/summaries': 'summary.draft',
  'POST /api/summaries/unlock': 'summary.unlock',
  'GET /api/summaries/:id': 'summary.read',
  'PATCH /api/summaries/:id': 'summary.draft',
  'PUT /api/summaries/:id/sections/:key': 'summary.draft',
  'POST /api/summaries/:id/refresh': 'summary.draft',
  'POST /api/summaries/:id/submit': 'summary.draft',
  'POST /api/summaries/:id/receipts/:receiptId': 'summary.receive',
  'GET /api/summaries/:id/export.docx': 'summary.read',
  'GET /api/summaries/:id/export.xlsx': 'summary.read',
  'GET /api/replication/practices': 'replication.read',
  'GET /api/replication/practices/export.xlsx': 'replication.read',
  'GET /api/replication/figures': 'replication.read',
  'GET /api/replication/practices/:id': 'replication.read',
  'POST /api/replication/practices': 'replication.manage',
  'PATCH /api/replication/practices/:id': 'replication.manage',
  'POST /api/replication/practices/:id/adoptions': 'replication.adopt',
  'PATCH /api/replication/adoptions/:id': 'replication.adopt',
  'POST /api/replication/adoptions/:id/stages': 'replication.adopt',
  'POST /api/replication/adoptions/:id/stages/withdraw': 'replication.adopt',
  'GET /api/replication/published-figures': 'replication.read',
  'POST /api/replication/published-figures': 'replication.figures',
  'DELETE /api/replication/published-figures/:id': 'replication.figures',
  'POST /api/replication/stages/:id/attachments': 'replication.adopt',
  'GET /api/replication/stages/:id/attachments/:attachmentId': 'replication.read',
  'DELETE /api/replication/stages/:id/attachments/:attachmentId': 'replication.adopt',
  'GET /api/events': 'event.read',
  'GET /api/events/export.xlsx': 'event.read',
  'GET /api/events/:id': 'event.read',
  'POST /api/events': 'event.manage',
  'PATCH /api/events/:id': 'event.manage',
  'POST /api/events/:id/agreements': 'event.manage',
  'POST /api/events/:id/agreements/:agreementId/project': 'project.manage',
  'GET /api/parks': 'park.read',
  'GET /api/parks/export.xlsx': 'park.read',
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
  'GET /api/cycles/export.xlsx': 'report.read',
  'GET /api/cycles/:id/summary.xlsx': 'report.read',
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
  'GET /api/workbench': 'workbench.read',
  'GET /api/workbench/first-run': 'organisation.manage',
  'GET /api/secondments': 'cadre.readNames',
  'GET /api/secondments/export.xlsx': 'cadre.readNames',
  'GET /api/secondments/template.xlsx': 'cadre.manage',
  'POST /api/secondments/import': 'cadre.manage',
  'GET /api/secondments/:id': 'cadre.readNames',
  'POST /api/secondments': 'cadre.manage',
  'PATCH /api/secondments/:id': 'cadre.manage',
  'POST /api/secondments/:id/reveal': 'cadre.readNames',
  'GET /api/people/figures': 'cadre.read',
  'GET /api/trainings': 'training.read',
  'GET /api/trainings/export.xlsx': 'training.read',
  'GET /api/trainings/progress': 'training.read',
  'GET /api/trainings/:id': 'training.read',
  'POST /api/trainings': 'training.manage',
  'PATCH /api/trainings/:id': 'training.manage',
  'GET /api/exchanges': 'training.read',
  'GET /api/exchanges/:id': 'training.read',
  'POST /api/exchanges': 'training.manage',
  'PATCH /api/exchanges/:id': 'training.manage',
  'GET /api/listings': 'listing.read',
  'GET /api/listings/search': 'listing.read',
  'GET /api/listings/counts': 'listing.read',
  'POST /api/listings/import': 'listing.import',
  'GET /api/listings/export.xlsx': 'listing.read',
  'GET /api/listings/pairings': 'listing.publish',
  'POST /api/listings/:id/attachments': 'listing.publish',
  'GET /api/listings/:id/attachments/:attachmentId': 'listing.read',
  'DELETE /api/listings/:id/attachments/:attachmentId': 'listing.publish',
  'GET /api/listings/:id': 'listing.read',
  'GET /api/listings/:id/matches': 'listing.read',
  'POST /api/listings': 'listing.publish',
  'PATCH /api/listings/:id': 'listing.publish',
  'POST /api/listings/:id/moderation': 'listing.publish',
  'POST /api/listings/:id/interests': 'listing.publish',
  'GET /api/listing-interests': 'listing.publish',
  'POST /api/listing-interests/:id/decision': 'listing.publish',
  'POST /api/listing-interests/:id/outcome': 'listing.publish',
  'POST /api/registrations': 'public',
  'GET /api/open/dictionary': 'public',
  'GET /api/open/projects.json': 'public',
  'GET /api/open/projects.csv': 'public',
  'GET /api/open/figures.json': 'public',
  'GET /api/open/figures.csv': 'public',
  'GET /api/open/evaluations.json': 'public',
  'GET /api/open/evaluations.csv': 'public',
  'GET /api/open/iati.xml': 'public',
  'GET /api/registrations': 'registration.review',
  'POST /api/registrations/:id/decision': 'registration.review',
  'GET /api/organisation-users': 'organisation_user.manage',
  'POST /api/organisation-users': 'organisation_user.manage',
  'PATCH /api/organisation-users/:id': 'organisation_user.manage',
  'GET /api/news': 'news.read',
  'GET /api/news/:id': 'news.read',
  'POST /api/news': 'news.manage',
  'PATCH /api/news/:id': 'news.manage',
  'POST /api/news/:id/publish': 'news.manage',
  'POST /api/news/:id/unpublish': 'news.manage',
  'POST /api/news/:id/photos': 'news.manage',
  'GET /api/news/:id/photos/:attachmentId': 'news.read',
  'DELETE /api/news/:id/photos/:attachmentId': 'news.manage',
  'GET /api/portal/figures': 'portal.figures',
  'POST /api/portal/figures': 'portal.figures',
  'PUT /api/portal/figures/:id': 'portal.figures',
  'DELETE /api/portal/figures/:id': 'portal.figures',
  'PUT /api/replication/published-figures/:id': 'replication.figures',
  'POST /api/projects/:id/publish': 'project.publish',
  'POST /api/projects/:id/unpublish': 'project.publish',
  'POST /api/parks/:id/publish': 'park.publish',
  'POST /api/parks/:id/unpublish': 'park.publish',
};

function allowed(access: RouteAccess, roles: Role[]) {
  if (access === 'public' || access === 'authenticated') return true;
  return hasPermission(roles, access);
}

describe.each(testEngines())('authorization on %s', (engine) => {
  let t: TestApp;
  let f: ProgrammeFixture;
  const clients = new Map<Role, TestClient>();
  /** Accounts the matrix's account routes act on, so that resetting or unlocking them ends no client's session. */
  const targets = { business: '', admin: '' };
  beforeAll(async () => {
    t = await createTestApp(engine);
    f = await loadProgrammeWithUsers(t);
    const ctx = systemContext(t.deps);
    targets.business = (
      await buildOrgUser(ctx, {
        username: 'matrix-unit',
        regionCode: '220000',
        roles: ['lead_unit'],
        kind: 'lead_unit',
      })
    ).userId;
    targets.admin = (
      await buildOrgUser(ctx, {
        username: 'matrix-auditor',
        regionCode: '000000',
        roles: ['audit_admin'],
        kind: 'operator',
      })
    ).userId;
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

  // The security administrator manages administrator accounts, every other role is tried on a business account.
  const concrete = (url: string, role?: Role) =>
    url
      .replace('/api/pairings/:id', `/api/pairings/${f.pairings.jilinZhejiang}`)
      .replace('/api/organisations/:id', `/api/organisations/${f.users.jilin.organisationId}`)
      .replace('/api/users/:id', `/api/users/${role === 'security_admin' ? targets.admin : targets.business}`)
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
        const res = await c.request(r.method as 'GET', concrete(r.url, role), r.method === 'GET' ? undefined : {});
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
  describe('三员: administrators are kept apart and cannot step around each other', () => {
    const signIn = async (u: { username: string; password: string }) => {
      const c = t.client();
      expect((await c.login(u.username, u.password)).statusCode).toBe(200);
      return c;
    };
    const fieldOf = (res: { json: () => { error: { details: { field: string; code: string }[] } } }) =>
      res.json().error.details[0];
    const userRow = async (id: string) =>
      (await (await signIn(f.users.secadmin)).get(`/api/users/${id}`)).json() as { version: number; roles: Role[] };

    it('the system administrator cannot reset, deactivate or unlock an administrator account', async () => {
      const sys = await signIn(f.users.sysadmin);
      for (const admin of [f.users.secadmin, f.users.auditor]) {
        const reset = await sys.post(`/api/users/${admin.userId}/password`, { password: 'Taken#2026over' });
        expect(reset.statusCode).toBe(403);
        expect(fieldOf(reset).code).toBe('admin_account_requires_security_admin');
        const off = await sys.patch(`/api/users/${admin.userId}`, {
          version: (await userRow(admin.userId)).version,
          active: false,
        });
        expect(off.statusCode).toBe(403);
        expect((await sys.post(`/api/users/${admin.userId}/unlock`)).statusCode).toBe(403);
        expect((await sys.post(`/api/users/${admin.userId}/totp/reset`)).statusCode).toBe(403);
      }
      // The accounts are as they were: the auditor still signs in with its own password and code.
      await signIn(f.users.auditor);
    });

    it('no administrator changes their own roles, password, lock or second factor through account management', async () => {
      for (const admin of [f.users.sysadmin, f.users.secadmin]) {
        const c = await signIn(admin);
        const own = await userRow(admin.userId);
        const roles = await c.patch(`/api/users/${admin.userId}`, {
          version: own.version,
          roles: [...own.roles, 'national_office'],
        });
        expect(roles.statusCode).toBe(403);
        expect(fieldOf(roles).code).toBe('cannot_manage_self');
        expect((await c.post(`/api/users/${admin.userId}/password`, { password: 'Self#2026reset' })).statusCode).toBe(
          403,
        );
        expect((await c.post(`/api/users/${admin.userId}/totp/reset`)).statusCode).toBe(403);
      }
      const sec = await signIn(f.users.secadmin);
      expect((await sec.post(`/api/users/${f.users.secadmin.userId}/unlock`)).statusCode).toBe(403);
      expect((await userRow(f.users.sysadmin.userId)).roles).toEqual(['sys_admin']);
      // And so cannot read a pairing's data through a role of its own making.
      expect((await (await signIn(f.users.sysadmin)).get(`/api/pairings/${f.pairings.jilinZhejiang}`)).statusCode).toBe(
        403,
      );
    });

    it('administrative and business roles never share an account, and one account holds one 三员 role', async () => {
      const sec = await signIn(f.users.secadmin);
      const base = { displayName: 'x', organisationId: f.users.secadmin.organisationId, password: 'Mix#2026roles' };
      const mixed = await sec.post('/api/users', {
        ...base,
        username: 'mixed1',
        roles: ['audit_admin', 'national_office'],
      });
      expect(mixed.statusCode).toBe(400);
      expect(fieldOf(mixed)).toMatchObject({ field: 'roles', code: 'mixed_roles' });
      const two = await sec.post('/api/users', { ...base, username: 'mixed2', roles: ['audit_admin', 'sys_admin'] });
      expect(fieldOf(two)).toMatchObject({ field: 'roles', code: 'one_admin_role' });
      const auditor = (await sec.post('/api/users', { ...base, username: 'auditor3', roles: ['audit_admin'] })).json();
      const grow = await sec.patch(`/api/users/${auditor.id}`, {
        version: auditor.version,
        roles: ['audit_admin', 'national_office'],
      });
      expect(fieldOf(grow).code).toBe('mixed_roles');
    });

    it('the security administrator manages administrator accounts only; business accounts are the system administrator’s', async () => {
      const sec = await signIn(f.users.secadmin);
      const business = await sec.post('/api/users', {
        username: 'biz-by-sec',
        displayName: 'x',
        organisationId: f.users.jilin.organisationId,
        roles: ['pairing_office'],
        password: 'Biz#2026create',
      });
      expect(business.statusCode).toBe(403);
      expect(fieldOf(business).code).toBe('business_account_requires_system_admin');
      expect(
        (await sec.post(`/api/users/${f.users.jilinUnit.userId}/password`, { password: 'Biz#2026reset1' })).statusCode,
      ).toBe(403);
      const sys = await signIn(f.users.sysadmin);
      const admin = await sys.post('/api/users', {
        username: 'admin-by-sys',
        displayName: 'x',
        organisationId: f.users.sysadmin.organisationId,
        roles: ['audit_admin'],
        password: 'Adm#2026create',
      });
      expect(admin.statusCode).toBe(403);
    });

    it('a reset forces a new password at the next sign-in, and does not lift a lock', async () => {
      const sys = await signIn(f.users.sysadmin);
      const created = (
        await sys.post('/api/users', {
          username: 'reset-me',
          displayName: 'x',
          organisationId: f.users.jilin.organisationId,
          roles: ['pairing_office'],
          password: 'Reset#2026first',
        })
      ).json();
      await t.database.db.execute(
        sql`INSERT INTO login_throttle (account, address, failures, locked_until) VALUES ('reset-me', '127.0.0.1', 0, now() + interval '1 hour')`,
      );
      expect((await sys.post(`/api/users/${created.id}/password`, { password: 'Reset#2026second' })).statusCode).toBe(
        200,
      );
      expect((await t.client().login('reset-me', 'Reset#2026second')).statusCode).toBe(423);
      expect((await (await signIn(f.users.secadmin)).post(`/api/users/${created.id}/unlock`)).statusCode).toBe(200);
      const u = await signIn({ username: 'reset-me', password: 'Reset#2026second' });
      expect((await u.get('/api/auth/me')).json().pending).toBe('password_change');
      const blocked = await u.get('/api/dashboard');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('password_change_required');
      const same = await u.post('/api/auth/password', {
        currentPassword: 'Reset#2026second',
        newPassword: 'Reset#2026second',
      });
      expect(same.statusCode).toBe(400);
      expect(
        (await u.post('/api/auth/password', { currentPassword: 'Reset#2026second', newPassword: 'Mine#2026chosen' }))
          .statusCode,
      ).toBe(200);
      expect((await u.get('/api/auth/me')).json().pending).toBeNull();
      expect((await u.get('/api/dashboard')).statusCode).toBe(200);
    });

    it('an administrator without a second factor can do nothing but set one up', async () => {
      const sec = await signIn(f.users.secadmin);
      const created = (
        await sec.post('/api/users', {
          username: 'new-auditor',
          displayName: 'x',
          organisationId: f.users.secadmin.organisationId,
          roles: ['audit_admin'],
          password: 'Aud#2026fresh',
        })
      ).json();
      // First the password the security administrator chose is replaced, then the second factor is set up.
      const first = await signIn({ username: 'new-auditor', password: 'Aud#2026fresh' });
      expect((await first.get('/api/auth/me')).json().pending).toBe('password_change');
      const changed = await first.post('/api/auth/password', {
        currentPassword: 'Aud#2026fresh',
        newPassword: 'Aud#2026mine',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const a = await signIn({ username: 'new-auditor', password: 'Aud#2026mine' });
      const me = (await a.get('/api/auth/me')).json();
      expect(me).toMatchObject({ pending: 'totp_enrolment', totp: { enabled: false, required: true } });
      const audit = await a.get('/api/audit');
      expect(audit.statusCode).toBe(403);
      expect(audit.json().error.code).toBe('totp_enrolment_required');
      await a.enrolTotp('new-auditor', 'Aud#2026mine');
      expect((await a.get('/api/audit')).statusCode).toBe(200);
      expect((await a.post('/api/auth/totp/disable', { currentPassword: 'Aud#2026mine' })).statusCode).toBe(403);
      // The password alone no longer signs in.
      const bare = await t.client().post('/api/auth/login', { username: 'new-auditor', password: 'Aud#2026mine' });
      expect(bare.statusCode).toBe(401);
      expect(bare.json().error.code).toBe('totp_required');
      expect(created.totpEnabled).toBe(false);
    });
  });
});
