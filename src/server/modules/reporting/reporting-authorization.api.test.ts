import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { CycleDetail, ReportDetail } from '../../../common/api/reporting.ts';
import { assignTask, createCycle, reportsOf, taskByCode } from './test-support/reporting-api.ts';

/** Both sides of a pairing see its reports; another pairing sees nothing (404), lists included; a unit cannot review. */
describe.each(testEngines())('reporting authorization on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let zjOffice: TestClient;
  let liaoning: TestClient;
  let unit: TestClient;
  let cycle: CycleDetail;
  let report: ReportDetail;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    zjOffice = await s.as(s.f.users.zhejiang);
    liaoning = await s.as(s.f.users.liaoning);
    unit = await s.as(s.f.users.jilinUnit);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '5')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
      { name: '浙江省发改委', side: 'b', role: 'lead' },
    ]);
    cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    report = (await reportsOf(office, cycle.id)).get('5/jilin-unit 单位')!;
    expect(
      (
        await unit.post(`/api/reports/${report.id}/submit`, {
          version: report.version,
          taskStatus: 'in_progress',
          percent: 20,
          narrative: '启动',
        })
      ).statusCode,
    ).toBe(200);
    report = (await office.get(`/api/reports/${report.id}`)).json();
  });

  it("both sides and the national office see the pairing's cycles and reports", async () => {
    for (const c of [office, zjOffice, await s.as(s.f.users.national)]) {
      expect((await c.get(`/api/cycles/${cycle.id}`)).statusCode).toBe(200);
      expect((await c.get(`/api/cycles?pairingId=${s.f.pairings.jilinZhejiang}`)).json().total).toBe(1);
      expect((await c.get(`/api/reports?cycleId=${cycle.id}`)).json().total).toBe(2);
      expect((await c.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    }
  });

  it('another pairing sees nothing: every read answers 404 or an empty list, and changes are refused as not found', async () => {
    expect((await liaoning.get(`/api/cycles/${cycle.id}`)).statusCode).toBe(404);
    expect((await liaoning.get(`/api/cycles/${cycle.id}/not-reported`)).statusCode).toBe(404);
    expect((await liaoning.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await liaoning.get('/api/cycles')).json().total).toBe(0);
    expect((await liaoning.get(`/api/reports?cycleId=${cycle.id}`)).json().total).toBe(0);
    expect((await liaoning.get('/api/reports')).json().total).toBe(0);
    expect((await liaoning.post(`/api/reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(
      404,
    );
    expect(
      (await liaoning.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '越权' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await liaoning.patch(`/api/reports/${report.id}`, { version: report.version, percent: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await liaoning.post(`/api/cycles/${cycle.id}/approve`, { version: cycle.version, closeUnreported: true }))
        .statusCode,
    ).toBe(404);
    expect(
      (await liaoning.post(`/api/cycles/${cycle.id}/unlock`, { version: cycle.version, reason: '越权解锁' }))
        .statusCode,
    ).toBe(404);
    const foreign = await liaoning.post('/api/cycles', {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'yearly',
      year: 2026,
      period: 1,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    const state = await s.t.database.db.execute<{ state: string; status: string }>(sql`
      SELECT s.state, c.status FROM report_slots s JOIN reporting_cycles c ON c.id = s.cycle_id WHERE s.id = ${report.id}`);
    expect(state.rows[0]).toEqual({ state: 'submitted', status: 'open' });
    expect(
      (await s.t.database.db.execute(sql`SELECT 1 FROM reporting_cycles WHERE year = 2026 AND frequency = 'yearly'`))
        .rows,
    ).toHaveLength(0);
  });

  it('a lead unit reads its own reports only and cannot approve, return, open, lock or unlock', async () => {
    expect((await unit.get(`/api/reports?cycleId=${cycle.id}`)).json().total).toBe(1);
    expect((await unit.get(`/api/cycles/${cycle.id}`)).json().counts.total).toBe(1);
    const other = (await reportsOf(office, cycle.id)).get('5/浙江省发改委')!;
    expect((await unit.get(`/api/reports/${other.id}`)).statusCode).toBe(404);
    expect((await unit.post(`/api/reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(403);
    expect(
      (await unit.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '退回' })).statusCode,
    ).toBe(403);
    expect(
      (await unit.post(`/api/cycles/${cycle.id}/approve`, { version: cycle.version, closeUnreported: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await unit.post(`/api/cycles/${cycle.id}/unlock`, { version: cycle.version, reason: '解锁' })).statusCode,
    ).toBe(403);
    expect(
      (
        await unit.post('/api/cycles', {
          pairingId: s.f.pairings.jilinZhejiang,
          frequency: 'yearly',
          year: 2026,
          period: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await office.get(`/api/reports/${report.id}`)).json().state).toBe('submitted');
    const denied = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.denied' AND actor_name = 'jilin-unit'`,
    );
    expect(denied.rows[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('answers each user and each filter its own reports, though each list statement is built once per shape', async () => {
    const ids = async (c: TestClient, query: string) =>
      ((await c.get(`/api/reports?cycleId=${cycle.id}${query}`)).json().items as { id: string }[]).map((r) => r.id);
    // The office and the lead unit see the same pairings; the unit its own report only, whichever asks first.
    expect(await ids(unit, '')).toEqual([report.id]);
    expect(await ids(office, '')).toHaveLength(2);
    expect(await ids(unit, '')).toEqual([report.id]);
    // One user: a filter given, another value, then absent.
    expect(await ids(office, `&state=${report.state}`)).toEqual([report.id]);
    expect(await ids(office, `&organisationId=${s.f.users.jilinUnit.organisationId}`)).toEqual([report.id]);
    expect(await ids(office, '&state=approved')).toEqual([]);
    expect(await ids(office, '')).toHaveLength(2);
  });

  it('the administrators (三员) see no reports', async () => {
    for (const u of [s.f.users.sysadmin, s.f.users.secadmin, s.f.users.auditor]) {
      const c = await s.as(u);
      expect((await c.get(`/api/reports/${report.id}`)).statusCode).toBe(403);
      expect((await c.get('/api/cycles')).statusCode).toBe(403);
      expect((await c.get('/api/notifications')).json().total).toBe(0);
    }
  });
});
