import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../testing/test-app.ts';
import type { useProgrammeApp } from '../../../testing/programme-fixture.ts';
import { systemContext } from '../../../http/system-actor.ts';
import { buildOrgUser } from '../../../seed/builders.ts';
import type { TaskDetail, TaskSummary, UnitInput, TargetInput } from '../../../../common/api/tasks.ts';
import type { CreateCycleInput, CycleDetail, ReportDetail } from '../../../../common/api/reporting.ts';
import { addDays, chinaToday } from '../../../kernel/dates.ts';
import { uploadFile } from '../../../kernel/attachments/test-support/upload-file.ts';

type Suite = ReturnType<typeof useProgrammeApp>;

export const today = () => chinaToday();
export const daysFromToday = (n: number) => addDays(chinaToday(), n);

/** A task of a plan by the code officials cite, as the national office lists it. */
export async function taskByCode(s: Suite, planId: string, code: string): Promise<TaskSummary> {
  const c = await s.as(s.f.users.national);
  const items = (await c.get(`/api/tasks?planId=${planId}&pageSize=100`)).json().items as TaskSummary[];
  return items.find((t) => t.code === code)!;
}

/** The office assigns units (and optionally targets) to a task, as the task page does. */
export async function assignTask(
  office: TestClient,
  taskId: string,
  units: UnitInput[],
  targets?: TargetInput[],
): Promise<TaskDetail> {
  const t = (await office.get(`/api/tasks/${taskId}`)).json() as TaskDetail;
  const res = await office.patch(`/api/tasks/${taskId}`, {
    version: t.version,
    units,
    ...(targets ? { targets } : {}),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

/** A second lead unit, on the other side of 吉林—浙江, for the tests that need both sides' units. */
export async function zhejiangUnit(t: TestApp) {
  return buildOrgUser(systemContext(t.deps), {
    username: 'zhejiang-unit',
    regionCode: '330000',
    roles: ['lead_unit'],
    kind: 'lead_unit',
  });
}

export async function createCycle(
  office: TestClient,
  body: Partial<CreateCycleInput> & { pairingId: string },
): Promise<CycleDetail> {
  const res = await office.post('/api/cycles', { frequency: 'quarterly', year: 2026, period: 4, ...body });
  expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
  return res.json();
}

/** The reports of a cycle the client sees, keyed "task code/unit name". */
export async function reportsOf(c: TestClient, cycleId: string): Promise<Map<string, ReportDetail>> {
  const list = (await c.get(`/api/reports?cycleId=${cycleId}&pageSize=100`)).json().items as ReportDetail[];
  return new Map(list.map((r) => [`${r.taskCode}/${r.unitName}`, r]));
}

/** A browser's multipart upload of one file to a report. */
export const uploadAttachment = (t: TestApp, c: TestClient, reportId: string, fileName: string, content: Buffer) =>
  uploadFile(t, c, `/api/reports/${reportId}/attachments`, fileName, content);

export const auditActions = async (t: TestApp, objectId: string) =>
  (
    await t.database.db.execute<{ action: string; details: Record<string, unknown> }>(
      sql`SELECT action, details FROM audit_log WHERE object_id = ${objectId} ORDER BY id`,
    )
  ).rows;

/** The field errors of a refusal, as "field:code". */
export const fieldCodes = (res: { json: () => { error: { details: { field: string; code: string }[] } } }) =>
  res.json().error.details.map((d) => `${d.field}:${d.code}`);
