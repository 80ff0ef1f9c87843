import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../server/http/system-actor.ts';
import { addDays, chinaToday } from '../../server/kernel/dates.ts';
import { createCycle } from '../../server/modules/reporting/cycles.service.ts';
import { updateTask } from '../../server/modules/tasks/tasks.service.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { createUsers, journey, scrollUntil } from './harness.ts';

/*
 * The to-do flow on the 工作台 in Chromium against the real server: a period of 吉林—浙江 is open and task 12 is the
 * lead unit's. The unit sees the report to fill in its workbench (with the count in the menu), opens it from there
 * and submits; the office sees it in its own workbench under 待审核 and among its notices, opens it from the
 * to-do and approves; the unit is told of the approval and its to-do is empty; the 浙江 office finds the 吉林
 * unit's report among the other side's recent changes. Offices and units land on the workbench when they sign in.
 * The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = {
  username: 'jilin-office',
  displayName: '吉林省对口合作办',
  org: '吉林省发展改革委',
  region: '220000',
  kind: 'pairing_office',
};
const UNIT = {
  username: 'jilin-unit',
  displayName: '商务厅联络员',
  org: '吉林省商务厅',
  region: '220000',
  kind: 'lead_unit',
};
const ZJ_OFFICE = {
  username: 'zhejiang-office',
  displayName: '浙江省对口合作办',
  org: '浙江省发展改革委',
  region: '330000',
  kind: 'pairing_office',
};

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('the workbench to-do flow in Chromium', () => {
  let taskTitle = '';
  const j = journey('duikou-workbench-e2e-', {
    setup: async (server) => {
      const orgs = await createUsers(server, [OFFICE, UNIT, ZJ_OFFICE], PASSWORD);
      const ctx = systemContext(server.deps);
      const found = await server.deps.db.execute<{
        id: string;
        version: number;
        title: string;
        pairing_id: string;
      }>(sql`
        SELECT t.id, t.version, t.title, t.pairing_id FROM tasks t JOIN plans p ON p.id = t.plan_id
        JOIN pairings pr ON pr.id = p.pairing_id
        WHERE p.current AND p.kind = 'implementation' AND pr.name = '吉林省—浙江省' AND t.code = '12'`);
      const task = found.rows[0]!;
      taskTitle = task.title;
      await updateTask(ctx, task.id, {
        version: task.version,
        units: [{ organisationId: orgs[UNIT.username]!, side: 'a', role: 'lead' }],
      });
      const today = chinaToday();
      await createCycle(ctx, {
        pairingId: task.pairing_id,
        frequency: 'yearly',
        year: Number(today.slice(0, 4)),
        period: 1,
        dueOn: addDays(today, 10),
        reminderDays: 7,
      });
    },
  });
  const { signIn, optionOf, visible, containsText, hasCount, hasAttribute, poll } = j;

  /** Signs in as a user does: an office or a unit lands on its workbench. */
  async function signInAs(username: string) {
    await j.page.context().clearCookies();
    await signIn(username, PASSWORD, { landing: true });
    await j.page.waitForURL('**/workbench');
  }

  it('the unit finds the report to fill in its workbench, counted in the menu, and submits it from there', async () => {
    await signInAs(UNIT.username);
    // The overview says whose view it is, and who has not reported this year.
    await j.page.getByRole('menuitem', { name: /全国总览/ }).click();
    await j.page.waitForURL((url) => url.pathname === '/');
    await containsText(j.page.getByTestId('dashboard-title'), `${UNIT.org}对口合作总览`);
    await scrollUntil(j.page, j.page.getByTestId('dashboard-reporting-row'));
    await containsText(j.page.getByTestId('dashboard-reporting-row'), '1 份中 1 份未提交');
    await visible(j.page.getByTestId('workbench-badge'));
    await j.page.getByRole('menuitem', { name: /工作台/ }).click();
    await j.page.waitForURL('**/workbench');
    await containsText(j.page.getByTestId('workbench-title'), '工作台');
    await containsText(j.page.getByTestId('workbench-count-toFill'), '1');
    // A unit reviews nothing: no such count.
    await hasCount(j.page.getByTestId('workbench-count-toReview'), 0);
    const row = j.page.getByTestId('workbench-to-fill-row');
    await containsText(row, taskTitle);
    await visible(j.page.locator('[data-testid="notification-item"][data-kind="period_opened"]'));
    await row.getByRole('link').click();
    await j.page.waitForURL(/\/reporting\/reports\/[0-9a-f-]{36}$/);
    await j.page.getByTestId('report-task-status').click();
    await optionOf('推进中').click();
    await j.page
      .locator('[data-testid="report-percent"] input, input[data-testid="report-percent"]')
      .first()
      .fill('30');
    await j.page.getByTestId('report-narrative').fill('已对接 8 户浙江企业。');
    await j.page.getByTestId('report-submit').click();
    await j.page.getByTestId('report-submit-confirm').click();
    await hasAttribute(j.page.getByTestId('report-page'), 'data-state', 'submitted');
    await j.page.goto('/workbench');
    await hasCount(j.page.getByTestId('workbench-to-fill-row'), 0);
  });

  it('the office sees the submitted report in its to-do and notices, opens it and approves', async () => {
    await signInAs(OFFICE.username);
    await containsText(j.page.getByTestId('workbench-count-toReview'), '1');
    const notice = j.page.locator('[data-testid="notification-item"][data-kind="report_submitted"]');
    await containsText(notice, `${UNIT.org}已提交`);
    await containsText(notice, `「${taskTitle}」的进展报告，请审核`);
    // The office's pairing, with its tasks still to be given units.
    await visible(j.page.locator('[data-testid="workbench-pairing-row"][data-pairing="吉林省—浙江省"]'));
    const row = j.page.getByTestId('workbench-to-review-row');
    await containsText(row, taskTitle);
    await containsText(row, UNIT.org);
    await row.getByRole('link').click();
    await j.page.waitForURL(/\/reporting\/reports\/[0-9a-f-]{36}$/);
    await j.page.getByTestId('report-approve').click();
    await j.page.getByTestId('review-ok').click();
    await hasAttribute(j.page.getByTestId('report-page'), 'data-state', 'approved');
    await j.page.goto('/workbench');
    await hasCount(j.page.getByTestId('workbench-to-review-row'), 0);
  });

  it('the unit is told of the approval', async () => {
    await signInAs(UNIT.username);
    await visible(j.page.locator('[data-testid="notification-item"][data-kind="report_approved"]'));
    await poll(() => j.page.getByTestId('workbench-to-fill-row').count()).toBe(0);
  });

  it("the other side's office finds the unit's report among the recent changes, and opens it from there", async () => {
    await signInAs(ZJ_OFFICE.username);
    const recent = j.page.getByTestId('workbench-change-row').filter({ hasText: UNIT.org });
    await containsText(recent, `${UNIT.org} ${UNIT.displayName}：报送 · 提交`);
    await containsText(recent, '吉林省—浙江省');
    await recent.first().getByRole('link').click();
    await j.page.waitForURL(/\/reporting\/reports\/[0-9a-f-]{36}$/);
    await hasAttribute(j.page.getByTestId('report-page'), 'data-state', 'approved');
    expect(j.pageErrors).toEqual([]);
  });
});
