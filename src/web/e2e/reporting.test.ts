import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../server/http/system-actor.ts';
import { updateTask } from '../../server/modules/tasks/tasks.service.ts';
import { generateReminders } from '../../server/modules/reporting/reminders.ts';
import { addDays } from '../../server/kernel/dates.ts';
import { samplePdf, samplePng } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';
import { chinaToday } from '../../server/kernel/dates.ts';

/*
 * Progress reporting (调度) in Chromium against the real server, one quarter of 吉林—浙江 from opening to unlock:
 * the office opens the period and sees who owes reports, and adds the report of a unit assigned after it opened;
 * the lead unit finds the reminder under the bell and the report in its inbox (in English too, the period named in
 * English), drafts it (a figure in the wrong unit refused on the field, an image named .pdf refused),
 * submits; the office returns it with a comment; the unit corrects and resubmits; the office approves the report
 * and locks the period; the unit can no longer edit; the office unlocks with a reason kept in the period's record.
 * A unit sees no office buttons, and an office of another pairing finds nothing at the period's address.
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
const OTHER = {
  username: 'liaoning-office',
  displayName: '辽宁省对口合作办',
  org: '辽宁省发展改革委',
  region: '210000',
  kind: 'pairing_office',
};
const ZJ_UNIT = '浙江省商务厅';
/** Assigned to the task after the period opened. */
const LATE_UNIT = '浙江省经信厅';
const RETURN_COMMENT = '请补充签约项目名单';
const UNLOCK_REASON = '浙江方报送数据有误，需更正';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('progress reporting in Chromium', () => {
  const j = journey('duikou-reporting-e2e-', {
    users: [OFFICE, UNIT, OTHER],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server, organisations) => {
      orgs = organisations;
      const ctx = systemContext(server.deps);
      // Task 12 of the 吉林—浙江 plan (loaded on first start) is assigned to a unit on each side, with a target in 万元,
      // as the task page does (its own test covers that page).
      const found = await server.deps.db.execute<{ id: string; version: number; title: string }>(sql`
        SELECT t.id, t.version, t.title FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN pairings pr ON pr.id = p.pairing_id
        WHERE p.current AND p.kind = 'implementation' AND pr.name = '吉林省—浙江省' AND t.code = '12'`);
      const task = found.rows[0]!;
      ({ id: taskId, title: taskTitle } = task);
      await updateTask(ctx, taskId, {
        version: task.version,
        units: [
          { organisationId: orgs[UNIT.username]!, side: 'a', role: 'lead' },
          { name: ZJ_UNIT, side: 'b', role: 'lead' },
        ],
        targets: [{ min: '1000', max: null, unit: '万元', comparison: 'atLeast', perYear: false }],
      });
    },
  });
  let taskId = '';
  let taskTitle = '';
  let cycleUrl = '';
  let reportUrl = '';
  /**
   * Reports owed before any is submitted: those the period opened with (task 12's two units, and any other task the
   * seed assigned), then the one added for the unit assigned later.
   */
  let owedAtStart = 0;
  let orgs: Record<string, string> = {};
  const today = chinaToday();
  const dueOn = addDays(today, 3);
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const periodZh = `${today.slice(0, 4)}年第${['一', '二', '三', '四'][quarter - 1]}季度`;
  const periodEn = `Q${quarter} ${today.slice(0, 4)}`;
  const { openAs, optionOf, choose, poll, visible, hidden, containsText, hasCount, hasAttribute } = j;

  /** Switching users only: the sign-out journey itself is covered in web.test.ts. */
  async function signInAs(username: string) {
    await j.page.context().clearCookies();
    await openAs(username);
  }

  const slotRow = (unit: string) => j.page.locator(`[data-testid="slot-row"][data-unit="${unit}"]`);
  const notReportedUnit = (unit: string) => j.page.locator(`[data-testid="not-reported-unit"][data-unit="${unit}"]`);
  const reportState = (state: string) => hasAttribute(j.page.getByTestId('report-page'), 'data-state', state);
  const figureRow = () => j.page.getByTestId('figure-row').first();
  const inputOf = (testId: string) =>
    j.page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

  it('the office opens a quarter for 吉林—浙江 and sees which units on both sides owe reports', async () => {
    await signInAs(OFFICE.username);
    await j.page.getByRole('menuitem', { name: '进展调度' }).click();
    await j.page.waitForURL('**/reporting');
    await j.page.getByTestId('cycle-new').click();
    await j.page.getByTestId('cycle-create-form').waitFor();
    await choose(j.page.getByTestId('cycle-pairing'), '吉林省', '吉林省—浙江省');
    await inputOf('cycle-due-on').click();
    await j.page.keyboard.type(dueOn);
    await j.page.keyboard.press('Enter');
    await j.page.getByTestId('cycle-create-ok').click();

    await j.page.waitForURL(/\/reporting\/cycles\/[0-9a-f-]{36}$/);
    cycleUrl = new URL(j.page.url()).pathname;
    await containsText(j.page.getByTestId('cycle-title'), periodZh);
    await hasAttribute(j.page.getByTestId('cycle-status'), 'data-status', 'open');
    // Who has not reported, at a glance: both units of task 12, one on each side.
    await visible(notReportedUnit(UNIT.org));
    await containsText(notReportedUnit(UNIT.org), taskTitle);
    await containsText(notReportedUnit(UNIT.org), '东北地区一方');
    await containsText(notReportedUnit(ZJ_UNIT), '东部地区一方');
    owedAtStart = Number(await j.page.getByTestId('not-reported').getAttribute('data-total'));
    const owed = owedAtStart;
    expect(owed).toBeGreaterThanOrEqual(2);
    await containsText(j.page.getByTestId('not-reported-summary'), `共 ${owed} 份报告未提交`);
    await hasAttribute(slotRow(UNIT.org), 'data-state', 'pending');
    await hasAttribute(j.page.getByTestId('count-pending'), 'data-count', String(owed));
    // The tasks without units did not stop the period from opening: they are listed to be assigned.
    await containsText(j.page.getByTestId('cycle-unassigned'), '尚未明确责任单位，未纳入本期填报');
    await hasCount(j.page.getByTestId('cycle-unassigned-list').locator('a[href$="' + taskId + '"]'), 0);
  });

  it('the office adds the report of a unit assigned to the task after the period opened; it is among those owing', async () => {
    await hasCount(notReportedUnit(LATE_UNIT), 0);
    // Assigned as the task page does (its own test covers that page), after the period opened.
    const [task] = (
      await j.server.deps.db.execute<{ version: number }>(sql`SELECT version FROM tasks WHERE id = ${taskId}`)
    ).rows;
    await updateTask(systemContext(j.server.deps), taskId, {
      version: task!.version,
      units: [
        { organisationId: orgs[UNIT.username]!, side: 'a', role: 'lead' },
        { name: ZJ_UNIT, side: 'b', role: 'lead' },
        { name: LATE_UNIT, side: 'b', role: 'co' },
      ],
    });
    await j.page.reload();
    await visible(slotRow(UNIT.org));
    await hasCount(slotRow(LATE_UNIT), 0);
    await j.page.getByTestId('cycle-add-slots').click();
    await hasAttribute(j.page.getByTestId('slots-added'), 'data-added', '1');
    await containsText(j.page.getByTestId('slots-added'), '补建 1 份报送任务');
    // The period record names the action in words, not by its code.
    await containsText(j.page.locator('[data-testid="cycle-history-item"][data-action="slots_added"]'), '补建报送任务');
    await visible(notReportedUnit(LATE_UNIT));
    await containsText(notReportedUnit(LATE_UNIT), taskTitle);
    await containsText(notReportedUnit(LATE_UNIT), '东部地区一方');
    await hasAttribute(slotRow(LATE_UNIT), 'data-state', 'pending');
    await hasAttribute(j.page.getByTestId('not-reported'), 'data-total', String(owedAtStart + 1));
    await hasAttribute(j.page.getByTestId('count-pending'), 'data-count', String(owedAtStart + 1));
    owedAtStart += 1;
    // Nothing else is missing: a second click adds nothing and says so.
    await j.page.getByTestId('cycle-add-slots').click();
    await hasAttribute(j.page.getByTestId('slots-added'), 'data-added', '0');
  });

  it('the lead unit finds the reminder under the bell and the report in its inbox', async () => {
    // The reminder timer runs every few minutes; here it runs once, now.
    expect(await generateReminders(j.server.deps)).toBeGreaterThanOrEqual(1);
    await signInAs(UNIT.username);
    // The period's opening and the reminder.
    await hasAttribute(j.page.getByTestId('notification-bell'), 'data-unread', '2');
    await containsText(j.page.getByTestId('notification-count'), '2');
    await j.page.getByTestId('notification-bell').click();
    await visible(j.page.locator('[data-testid="notification-item"][data-kind="period_opened"]'));
    const reminder = j.page.locator('[data-testid="notification-item"][data-kind="due_soon"]');
    await containsText(reminder, `任务 12「${taskTitle}」的进展报告将于 ${dueOn} 截止，还剩 3 天`);
    await j.page.keyboard.press('Escape');

    await j.page.getByRole('menuitem', { name: '待填报' }).click();
    await j.page.waitForURL('**/reporting/inbox');
    const row = j.page.locator('[data-testid="inbox-row"][data-task="12"]');
    await containsText(row, taskTitle);
    await containsText(row, dueOn);
    await containsText(row, '剩 3 天');
    await hasAttribute(row, 'data-state', 'pending');
    await row.click();
    await j.page.waitForURL(/\/reporting\/reports\/[0-9a-f-]{36}$/);
    reportUrl = new URL(j.page.url()).pathname;
    await reportState('pending');
    await containsText(j.page.getByTestId('report-unit'), UNIT.org);
  });

  it("in English, the inbox, the report and the task's reports name the period in English; the unit adds no slots", async () => {
    await j.page.evaluate(() => window.localStorage.setItem('duikou.locale', 'en'));
    try {
      await j.page.goto('/reporting/inbox');
      await containsText(j.page.locator('[data-testid="inbox-row"][data-task="12"]'), periodEn);
      await j.page.goto(reportUrl);
      await containsText(j.page.getByTestId('report-heading'), `${periodEn} · task 12`);
      await j.page.goto(`/tasks/${taskId}`);
      await containsText(j.page.getByTestId('task-report-row'), periodEn);
      await j.page.goto(cycleUrl);
      await containsText(j.page.getByTestId('cycle-title'), periodEn);
      await visible(slotRow(UNIT.org));
      await hasCount(j.page.getByTestId('cycle-add-slots'), 0);
    } finally {
      await j.page.evaluate(() => window.localStorage.removeItem('duikou.locale'));
    }
    // Back in Chinese, on the report the unit goes on with.
    await j.page.goto(reportUrl);
    await reportState('pending');
    await containsText(j.page.getByTestId('report-heading'), periodZh);
  });

  it("drafts the report: a figure in the wrong unit is refused on its field, then saved in the target's unit", async () => {
    await j.page.getByTestId('report-task-status').click();
    await optionOf('推进中').click();
    await inputOf('report-percent').fill('40');
    await j.page.getByTestId('report-narrative').fill('已对接 12 户浙江企业。');
    await containsText(figureRow().getByTestId('figure-target'), '≥1000 万元');
    await poll(() => figureRow().getByTestId('figure-unit').inputValue()).toBe('万元');
    await figureRow().getByTestId('figure-value').fill('0.15');
    await figureRow().getByTestId('figure-unit').fill('亿元');
    await j.page.getByTestId('report-save').click();
    await containsText(figureRow().locator('.ant-form-item-explain-error'), '请按“万元”填写');
    await containsText(j.page.getByTestId('form-banner'), '请根据提示修改标出的字段');
    await reportState('pending');

    await figureRow().getByTestId('figure-value').fill('1500');
    await figureRow().getByTestId('figure-unit').fill('万元');
    await j.page.getByTestId('report-save').click();
    await reportState('draft');
    await hasCount(figureRow().locator('.ant-form-item-explain-error'), 0);
    await poll(() => figureRow().getByTestId('figure-value').inputValue()).toBe('1500');
  });

  it('attaches a PDF; an image named .pdf is refused with the reason and not attached', async () => {
    const fileInput = j.page.getByTestId('report-attachments').locator('input[type=file]');
    await fileInput.setInputFiles({ name: '签约项目清单.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="签约项目清单.pdf"]'));
    await fileInput.setInputFiles({ name: '现场照片.pdf', mimeType: 'application/pdf', buffer: samplePng() });
    await containsText(j.page.getByTestId('attachment-error'), '“现场照片.pdf”未能上传');
    await containsText(j.page.getByTestId('attachment-error'), '文件内容是PNG 图片，与扩展名“.pdf”不符');
    await hasCount(j.page.getByTestId('attachment-row'), 1);
    // The draft typed before the uploads is still the one saved.
    await poll(() => j.page.getByTestId('report-narrative').inputValue()).toBe('已对接 12 户浙江企业。');
  });

  it('submits: the report becomes read-only', async () => {
    await j.page.getByTestId('report-submit').click();
    await j.page.getByTestId('report-submit-confirm').click();
    await reportState('submitted');
    await visible(j.page.getByTestId('report-view'));
    await hasCount(j.page.getByTestId('report-form'), 0);
    await hasCount(j.page.getByTestId('attachment-upload'), 0);
    await containsText(j.page.getByTestId('report-view-figure'), '1500 万元');
    // A unit does not review.
    await hasCount(j.page.getByTestId('report-approve'), 0);
    await hasCount(j.page.getByTestId('report-return'), 0);
  });

  it('the office returns the report with a comment from the period page', async () => {
    await signInAs(OFFICE.username);
    await j.page.goto(cycleUrl);
    await hasAttribute(slotRow(UNIT.org), 'data-state', 'submitted');
    await hidden(notReportedUnit(UNIT.org));
    await slotRow(UNIT.org).getByTestId('report-return').click();
    await j.page.getByTestId('review-ok').click();
    // A return needs a comment.
    await visible(j.page.getByTestId('review-form').locator('.ant-form-item-explain-error'));
    await j.page.getByTestId('review-comment').fill(RETURN_COMMENT);
    await j.page.getByTestId('review-ok').click();
    await hasAttribute(slotRow(UNIT.org), 'data-state', 'returned');
    await visible(notReportedUnit(UNIT.org));
  });

  it('the unit follows the bell to the returned report, sees the comment, corrects it and submits again', async () => {
    await signInAs(UNIT.username);
    await j.page.getByTestId('notification-bell').click();
    const notice = j.page.locator('[data-testid="notification-item"][data-kind="returned"]');
    await containsText(notice, `被退回：${RETURN_COMMENT}`);
    await notice.click();
    await j.page.waitForURL(`**${reportUrl}`);
    await reportState('returned');
    await containsText(j.page.getByTestId('return-comment'), RETURN_COMMENT);
    await j.page.getByTestId('report-narrative').fill('已对接 12 户浙江企业，签约项目名单见附件。');
    await j.page.getByTestId('report-submit').click();
    await j.page.getByTestId('report-submit-confirm').click();
    await reportState('submitted');
    await containsText(j.page.getByTestId('report-view-narrative'), '签约项目名单见附件');
    await hasCount(j.page.getByTestId('report-returned'), 0);
    // The reminder and the opening are still unread; the bell marks everything read at once.
    await hasAttribute(j.page.getByTestId('notification-bell'), 'data-unread', '2');
    await j.page.getByTestId('notification-bell').click();
    await j.page.getByTestId('notification-read-all').click();
    await hasAttribute(j.page.getByTestId('notification-bell'), 'data-unread', '0');
    await hasCount(j.page.locator('[data-testid="notification-item"][data-read="false"]'), 0);
    await j.page.keyboard.press('Escape');
  });

  it('the office approves the report and locks the period, closing the unreported slot; the task shows the report', async () => {
    await signInAs(OFFICE.username);
    await j.page.goto(reportUrl);
    await reportState('submitted');
    await j.page.getByTestId('report-approve').click();
    await j.page.getByTestId('review-ok').click();
    await reportState('approved');
    await containsText(j.page.getByTestId('report-history'), '退回');
    await containsText(j.page.getByTestId('report-history'), RETURN_COMMENT);

    await j.page.goto(cycleUrl);
    await hasAttribute(slotRow(UNIT.org), 'data-state', 'approved');
    await j.page.getByTestId('cycle-approve').click();
    await j.page.getByTestId('cycle-approve-form').waitFor();
    // 浙江省商务厅 never reported: the server refuses until the office closes it as not reported.
    await j.page.getByTestId('cycle-approve-ok').click();
    await containsText(
      j.page.getByTestId('cycle-approve-form').locator('.ant-form-item-explain-error'),
      '份报告未提交',
    );
    await j.page.getByTestId('cycle-close-unreported').click();
    await j.page.getByTestId('cycle-approve-comment').fill('本季度调度结束');
    await j.page.getByTestId('cycle-approve-ok').click();
    await hasAttribute(j.page.getByTestId('cycle-page'), 'data-status', 'locked');
    await visible(j.page.getByTestId('cycle-locked'));
    await hasCount(j.page.getByTestId('cycle-approve'), 0);
    await visible(j.page.getByTestId('cycle-unlock'));

    await j.page.goto(`/tasks/${taskId}`);
    const history = j.page.getByTestId('task-reports');
    await visible(history.locator('[data-testid="task-report-row"][data-state="approved"]'));
    await containsText(history, UNIT.org);
    await containsText(history, '40%');
  });

  it('the unit can no longer edit the locked report, and sees no office buttons on the period page', async () => {
    await signInAs(UNIT.username);
    await j.page.goto(reportUrl);
    await reportState('approved');
    await visible(j.page.getByTestId('report-locked'));
    await hasAttribute(j.page.getByTestId('report-page'), 'data-editable', 'false');
    await hasCount(j.page.getByTestId('report-form'), 0);
    await hasCount(j.page.getByTestId('attachment-upload'), 0);
    await hasCount(j.page.getByTestId('attachment-remove'), 0);

    await j.page.goto(cycleUrl);
    await hasAttribute(j.page.getByTestId('cycle-page'), 'data-status', 'locked');
    // A lead unit sees its own report only.
    await hasCount(j.page.getByTestId('slot-row'), 1);
    await hasCount(j.page.getByTestId('cycle-approve'), 0);
    await hasCount(j.page.getByTestId('cycle-unlock'), 0);
    await hasCount(j.page.getByTestId('report-return'), 0);
  });

  it("the office unlocks the period with a reason, kept in the period's record", async () => {
    await signInAs(OFFICE.username);
    await j.page.goto(cycleUrl);
    await j.page.getByTestId('cycle-unlock').click();
    await j.page.getByTestId('cycle-unlock-ok').click();
    await visible(j.page.getByTestId('cycle-unlock-form').locator('.ant-form-item-explain-error'));
    await j.page.getByTestId('cycle-unlock-reason').fill(UNLOCK_REASON);
    await j.page.getByTestId('cycle-unlock-ok').click();
    await hasAttribute(j.page.getByTestId('cycle-page'), 'data-status', 'open');
    const unlocked = j.page.locator('[data-testid="cycle-history-item"][data-action="unlocked"]');
    await containsText(unlocked, OFFICE.username);
    await containsText(unlocked, `原因：${UNLOCK_REASON}`);
    await containsText(j.page.locator('[data-testid="cycle-history-item"][data-action="approved"]'), '本季度调度结束');
    // Open again: the approved report can be sent back for correction.
    await visible(slotRow(UNIT.org).getByTestId('report-return'));
    // The list of periods shows it open again, with the report still owed by 浙江省商务厅.
    await j.page.goto('/reporting');
    const row = j.page.locator(`[data-testid="cycle-row"][data-id="${cycleUrl.split('/').pop()}"]`);
    await hasAttribute(row, 'data-status', 'open');
    await hasAttribute(row.getByTestId('cycle-progress'), 'data-owed', String(owedAtStart - 1));
    await containsText(row, `已报 1 / ${owedAtStart}`);
  });

  it("an office of another pairing finds nothing at the period's address", async () => {
    await signInAs(OTHER.username);
    await j.page.goto(cycleUrl);
    await visible(j.page.getByTestId('not-found'));
    await j.page.goto(reportUrl);
    await visible(j.page.getByTestId('not-found'));
    await j.page.goto('/reporting');
    await visible(j.page.getByText('暂无填报期'));
    expect(j.pageErrors).toEqual([]);
  });
});
