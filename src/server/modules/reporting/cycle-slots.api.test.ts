import { describe, it, expect, beforeAll } from 'vitest';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type {
  AddSlotsResponse,
  CycleDetail,
  InboxResponse,
  NotReportedResponse,
  ReportDetail,
} from '../../../common/api/reporting.ts';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import { assignTask, auditActions, createCycle, reportsOf, taskByCode } from './test-support/reporting-api.ts';

/**
 * Every view of a report carries its period in both languages; and the office adds the slots of units assigned
 * to a task after the period opened (only the missing ones, only while open, only in its own pairings).
 */
describe.each(testEngines())('period labels and missing slots on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let unit: TestClient;
  let task5: TaskDetail;
  let cycle: CycleDetail;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    unit = await s.as(s.f.users.jilinUnit);
    task5 = await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '5')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
    cycle = await createCycle(office, {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'half_yearly',
      year: 2026,
      period: 2,
    });
  });

  it("gives the period's Chinese and English labels in reports, the report list, the inbox and the not-reported view", async () => {
    const both = { periodLabel: '2026年下半年', periodLabelEn: 'H2 2026' };
    expect(cycle).toMatchObject(both);
    const listed = (await reportsOf(unit, cycle.id)).get('5/jilin-unit 单位')!;
    expect(listed).toMatchObject(both);
    expect((await unit.get(`/api/reports/${listed.id}`)).json()).toMatchObject(both);
    expect((await unit.get(`/api/reports?taskId=${task5.id}`)).json().items[0]).toMatchObject(both);
    const inbox = (await unit.get('/api/reports/inbox')).json() as InboxResponse;
    expect(inbox.items.find((i) => i.slotId === listed.id)).toMatchObject(both);
    expect((await office.get(`/api/cycles/${cycle.id}/not-reported`)).json()).toMatchObject(both);
  });

  it('adds the slots of units assigned after the period opened, once, with the record and the audit row', async () => {
    task5 = await assignTask(office, task5.id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
      { name: '浙江省经信厅', side: 'b', role: 'lead' },
      { name: '吉林省工信厅', side: 'a', role: 'co' },
    ]);
    expect((await reportsOf(office, cycle.id)).size).toBe(1);

    const res = await office.post(`/api/cycles/${cycle.id}/slots`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as AddSlotsResponse;
    expect(body.added).toBe(2);
    expect(body.cycle.counts).toMatchObject({ total: 3, pending: 3 });
    expect(body.cycle.history.map((h) => [h.action, h.actorName])).toEqual([
      ['created', 'jilin'],
      ['slots_added', 'jilin'],
    ]);
    const slots = await reportsOf(office, cycle.id);
    expect(slots.get('5/浙江省经信厅')).toMatchObject({
      organisationId: null,
      side: 'b',
      role: 'lead',
      state: 'pending',
    });
    expect(slots.get('5/吉林省工信厅')).toMatchObject({ side: 'a', role: 'co', state: 'pending' });
    const added = (await office.get(`/api/reports/${slots.get('5/浙江省经信厅')!.id}`)).json() as ReportDetail;
    expect(added.events.map((e) => [e.action, e.actorName])).toEqual([['opened', 'jilin']]);
    const owing = (await office.get(`/api/cycles/${cycle.id}/not-reported`)).json() as NotReportedResponse;
    expect(owing.units.map((u) => u.unitName)).toEqual(expect.arrayContaining(['浙江省经信厅', '吉林省工信厅']));
    expect(owing.total).toBe(3);

    // Nothing is missing any more: nothing is added, the existing slots are untouched.
    const again = (await office.post(`/api/cycles/${cycle.id}/slots`)).json() as AddSlotsResponse;
    expect(again.added).toBe(0);
    expect(again.cycle.counts.total).toBe(3);
    expect(again.cycle.history.map((h) => h.action)).toEqual(['created', 'slots_added']);
    const audit = await auditActions(s.t, cycle.id);
    expect(audit.map((a) => a.action)).toEqual(['cycle.create', 'cycle.add_slots', 'cycle.add_slots']);
    expect(audit[1]!.details).toMatchObject({ added: 2, periodLabel: '2026年下半年' });
  });

  it("is the office's: a lead unit is refused, another pairing's office finds nothing, a locked period refuses", async () => {
    expect((await unit.post(`/api/cycles/${cycle.id}/slots`)).statusCode).toBe(403);
    expect((await (await s.as(s.f.users.liaoning)).post(`/api/cycles/${cycle.id}/slots`)).statusCode).toBe(404);

    const locked = await office.post(`/api/cycles/${cycle.id}/approve`, {
      version: cycle.version,
      closeUnreported: true,
    });
    expect(locked.statusCode, locked.body.slice(0, 300)).toBe(200);
    await assignTask(office, task5.id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
      { name: '浙江省经信厅', side: 'b', role: 'lead' },
      { name: '浙江省商务厅', side: 'b', role: 'co' },
    ]);
    const refused = await office.post(`/api/cycles/${cycle.id}/slots`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('report_period_locked');
    expect((await reportsOf(office, cycle.id)).has('5/浙江省商务厅')).toBe(false);
  });
});
