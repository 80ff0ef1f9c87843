import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { repoPath } from '../../server/repo-path.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

/*
 * Plans and tasks in Chromium against the real server (the seed plans loaded as on first start): a pairing office
 * imports a changed 辽宁—江苏 plan through the preview, assigns and schedules tasks, filters the tree by light,
 * downloads the ledger; the lead unit it assigned finds the task in 我的任务. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'liaoning-office', displayName: '辽宁省对口合作办', org: '辽宁省发展改革委' };
const UNIT = { username: 'liaoning-unit', displayName: '商务厅联络员', org: '辽宁省商务厅' };
const TITLE = '辽宁省与江苏省对口合作2026年工作方案';
const SEED_TITLE = '辽宁省与江苏省对口合作实施方案';
const UNITS_CLAUSE = `（责任单位：${OFFICE.org}、省工信厅）`;

/** The 辽宁—江苏 seed plan under a new title (a new plan, not a version of the seed), optionally reworded. */
function planText(change: (text: string) => string = (x) => x): Buffer {
  const seed = fs.readFileSync(repoPath('resources/seeds/liaoning-jiangsu.txt'), 'utf8');
  return Buffer.from(change(seed.replace(SEED_TITLE, TITLE)));
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400, 7)]);

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('plans and tasks in Chromium', () => {
  const j = journey('duikou-plans-e2e-', {
    users: [
      { ...OFFICE, region: '210000' },
      { ...UNIT, region: '210000', kind: 'lead_unit' },
    ],
    password: PASSWORD,
    acceptDownloads: true,
  });
  let planId = '';
  const { openAs, optionOf, choose, poll, visible, hidden, containsText, hasText, hasCount, hasAttribute } = j;

  const tree = () => j.page.getByTestId('task-tree');
  const treeTask = (code: string) => tree().locator(`[data-testid="tree-task"][data-code="${code}"]`);
  const previewTask = (code: string) => j.page.locator(`[data-testid="preview-task"][data-code="${code}"]`);
  /** The text box of an antd input that carries the test id itself or on its wrapper. */
  const inputOf = (testId: string, within: Page | Locator = j.page) =>
    within.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

  async function upload(name: string, buffer: Buffer, mimeType = 'text/plain') {
    await j.page.getByTestId('plan-upload').waitFor();
    await j.page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  }

  it('previews a plan file: the tree of tasks with targets beside the source text, the clause highlighted on click', async () => {
    await openAs(OFFICE.username);
    await j.page.getByRole('menuitem', { name: '导入方案' }).click();
    await j.page.waitForURL('**/plans/import');
    // Task 1 names its units: one with its province, one (省工信厅) whose side the office must choose.
    await upload(
      '辽宁江苏2026.txt',
      planText((x) => x.replace('全面实施市场准入负面清单制度。', `全面实施市场准入负面清单制度。${UNITS_CLAUSE}`)),
    );

    await j.page.getByTestId('plan-preview').waitFor();
    await hasText(j.page.getByTestId('preview-task-count'), '24');
    await hasCount(j.page.getByTestId('preview-task'), 24);
    await containsText(j.page.getByTestId('preview-pairing'), '辽宁省—江苏省');
    await poll(() => j.page.getByTestId('preview-title').inputValue()).toBe(TITLE);
    expect(await j.page.getByTestId('preview-existing').count()).toBe(0);
    // Task 4 names two targets: 1—2 个 per year and at least 50 家.
    await containsText(previewTask('4').getByTestId('target-editor'), '1—2 个/年');
    await containsText(previewTask('4').getByTestId('target-editor'), '≥50 家');
    // The sub-pairs the plan names; those the seed already created cannot be created twice.
    await visible(j.page.getByTestId('subpair-suggestion').filter({ hasText: '盘锦市—无锡市' }));
    await hasAttribute(
      j.page.getByTestId('subpair-suggestion').filter({ hasText: '盘锦市—无锡市' }),
      'data-exists',
      'true',
    );
    await hasCount(previewTask('1').getByTestId('preview-unit'), 2);
    await poll(() => previewTask('1').getByTestId('preview-unit-name').first().inputValue()).toBe(OFFICE.org);

    // Clicking a task scrolls the source to its clause and highlights its lines.
    const line = await previewTask('4').getAttribute('data-line');
    await previewTask('4').click();
    await poll(() => j.page.getByTestId('source-text').getAttribute('data-highlight')).toMatch(
      new RegExp(`^${line}-\\d+$`),
    );
    const highlighted = j.page.locator(`[data-testid="source-line"][data-line="${line}"]`);
    await poll(() => highlighted.getAttribute('class')).toContain('is-highlighted');
    await containsText(highlighted, '搭建经贸合作平台');
    await poll(() =>
      highlighted.evaluate((el) => {
        const pane = el.closest('[data-testid="source-text"]')!.getBoundingClientRect();
        const row = el.getBoundingClientRect();
        return row.top >= pane.top && row.top < pane.bottom;
      }),
    ).toBe(true);
  });

  it('corrects a title and adds a target inline; a duplicate number is refused next to the field; confirm shows the plan with lights', async () => {
    // The unit the parser could not place waits for its side; confirming without it is stopped at the field.
    await j.page.getByTestId('preview-confirm').click();
    await poll(() => previewTask('1').locator('.ant-form-item-explain-error').first().innerText()).toBe(
      '请选择该单位属于哪一方',
    );
    await previewTask('1').getByTestId('preview-unit-side').nth(1).click();
    await optionOf('东北地区一方').click();
    const title = previewTask('1').getByTestId('preview-task-title');
    await title.fill('深化行政管理体制改革（修订）');
    await previewTask('1').getByTestId('target-add').click();
    await j.page.getByTestId('target-form').waitFor();
    await inputOf('target-min').fill('3');
    await j.page.getByTestId('target-unit').fill('次');
    await j.page.getByTestId('target-ok').click();
    await containsText(previewTask('1').getByTestId('target-editor'), '≥3 次');

    // A number used twice is refused by the server, the reason shown under the second task's number.
    const secondNo = inputOf('preview-task-no', previewTask('2'));
    await secondNo.fill('1');
    await j.page.getByTestId('preview-confirm').click();
    // (With numbers repeated, the server cites them with their section: 任务编号 四（一）1 重复.)
    await poll(() => previewTask('2').locator('.ant-form-item-explain-error').first().innerText()).toMatch(
      /^任务编号 .*1 重复$/,
    );
    await containsText(j.page.getByTestId('form-banner'), '请根据提示修改标出的字段');
    expect(j.page.url()).toContain('/plans/import');
    await secondNo.fill('2');

    await j.page.getByTestId('preview-confirm').click();
    await j.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = /\/plans\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasText(j.page.getByTestId('plan-title'), TITLE);
    await hasCount(tree().getByTestId('tree-task'), 24);
    // Only task 1 was given units in the preview: the other 23 are not judged (grey, not green as if on track),
    // and the legend counts them.
    await hasCount(tree().locator('[data-testid="tree-task"][data-light="grey"]'), 23);
    await containsText(j.page.getByTestId('legend-grey'), '23');
    expect(await treeTask('1').getAttribute('data-light')).not.toBe('grey');
    await containsText(treeTask('1'), '深化行政管理体制改革（修订）');

    // The selected task shows its clause and targets beside the tree.
    await treeTask('1').click();
    await containsText(j.page.getByTestId('task-panel').getByTestId('task-clause-text'), '简政放权');
    await containsText(j.page.getByTestId('task-panel').getByTestId('task-targets'), '≥3 次');
    await containsText(j.page.getByTestId('task-panel').getByTestId('units-a-lead'), OFFICE.org);
    await containsText(j.page.getByTestId('task-panel').getByTestId('units-a-co'), '省工信厅');

    // The whole source document, the selected task's clause marked in it.
    await j.page.getByTestId('plan-source-open').click();
    const drawer = j.page.getByTestId('plan-source-drawer');
    await poll(() => drawer.getByTestId('source-text').getAttribute('data-highlight')).toMatch(/^\d+-\d+$/);
    const [from] = (await drawer.getByTestId('source-text').getAttribute('data-highlight'))!.split('-');
    await containsText(drawer.locator(`[data-testid="source-line"][data-line="${from}"]`), '深化行政管理体制改革');
    expect(await drawer.getByTestId('source-line').count()).toBeGreaterThan(40);
    await j.page.keyboard.press('Escape');
    await hidden(drawer);
  });

  it('refuses an image renamed .pdf with the server message, and stores nothing', async () => {
    await j.page.goto('/plans');
    await visible(j.page.getByTestId('plan-row'));
    const before = await j.page.getByTestId('plan-row').count();
    await j.page.goto('/plans/import');
    await upload('方案.pdf', PNG, 'application/pdf');
    await containsText(j.page.getByTestId('plan-refusal'), '该文件不能作为方案导入');
    await containsText(j.page.getByTestId('plan-refusal'), '文件是图片，不是方案文档');
    expect(await j.page.getByTestId('plan-preview').count()).toBe(0);
    await j.page.goto('/plans');
    await visible(j.page.getByTestId('plan-row'));
    await hasCount(j.page.getByTestId('plan-row'), before);
  });

  it('a changed version of the same plan shows what it changes; leaving the preview writes nothing', async () => {
    await j.page.goto('/plans/import');
    await upload(
      '辽宁江苏2026-2.txt',
      planText((x) => x.replace('推动国有企业改革。', '深化国有企业改革。')),
    );
    await j.page.getByTestId('plan-preview').waitFor();
    await visible(j.page.getByTestId('preview-existing'));
    await containsText(j.page.getByTestId('preview-existing'), '第 2 版');
    // Task 1 differs from the title corrected at import, task 2 from the new wording.
    await hasAttribute(j.page.getByTestId('diff-changed-count'), 'data-count', '2');
    await hasAttribute(j.page.getByTestId('diff-added-count'), 'data-count', '0');
    await hasCount(j.page.getByTestId('diff-changed'), 2);
    await containsText(j.page.getByTestId('diff-changed').nth(1), '深化国有企业改革');
    await j.page.getByTestId('preview-cancel').click();
    await visible(j.page.getByTestId('plan-upload'));

    await j.page.goto(`/plans/${planId}`);
    await hasText(j.page.getByTestId('plan-version'), '第 1 版');
    expect(await j.page.getByTestId('plan-versions').count()).toBe(0);
  });

  async function editTask(code: string, fill: () => Promise<void>) {
    await treeTask(code).click();
    await hasAttribute(
      j.page.getByTestId('task-panel').getByTestId('task-detail'),
      'data-task-id',
      (await treeTask(code).getAttribute('data-id'))!,
    );
    await j.page.getByTestId('task-edit').click();
    await j.page.getByTestId('task-form').waitFor();
    await fill();
    await j.page.getByTestId('task-save').click();
    await hidden(j.page.getByTestId('task-form'));
  }

  async function chooseStatus(label: string) {
    await j.page.getByTestId('task-status').click();
    await optionOf(label).click();
  }

  it('edits tasks: a past deadline and a lead unit turn task 4 red, 暂缓 turns task 5 grey', async () => {
    await j.page.goto(`/plans/${planId}`);
    await editTask('4', async () => {
      await chooseStatus('推进中');
      await inputOf('task-deadline-input').click();
      await j.page.keyboard.type('2025-06-30');
      await j.page.keyboard.press('Enter');
      await j.page.getByTestId('unit-add').click();
      await choose(j.page.getByTestId('unit-row').last().getByTestId('organisation-select'), '商务厅', UNIT.org);
    });
    await hasAttribute(treeTask('4'), 'data-light', 'red');
    await containsText(j.page.getByTestId('task-panel').getByTestId('units-a-lead'), UNIT.org);
    await containsText(j.page.getByTestId('task-panel').getByTestId('task-deadline'), '2025-06-30');

    await editTask('5', () => chooseStatus('暂缓'));
    await hasAttribute(treeTask('5'), 'data-light', 'grey');
    await containsText(j.page.getByTestId('legend-red'), '1');
    // Task 5 suspended, and the 21 others still without a unit (tasks 1 and 4 have units).
    await containsText(j.page.getByTestId('legend-grey'), '22');
  });

  it('filters the task tree by light (legend and select), by unit, and resets', async () => {
    await j.page.getByTestId('legend-red').click();
    await hasCount(tree().getByTestId('tree-task'), 1);
    await hasAttribute(tree().getByTestId('tree-task'), 'data-code', '4');
    expect(j.page.url()).toContain('light=red');

    await j.page.getByTestId('filter-light').click();
    await optionOf('暂缓或未分工').click();
    await hasCount(tree().getByTestId('tree-task'), 22);
    await hasCount(tree().locator('[data-testid="tree-task"][data-code="4"]'), 0);

    await j.page.getByTestId('filter-reset').click();
    await hasCount(tree().getByTestId('tree-task'), 24);
    await inputOf('filter-unit').fill('商务厅');
    await inputOf('filter-unit').press('Enter');
    await hasCount(tree().getByTestId('tree-task'), 1);
    await j.page.getByTestId('filter-reset').click();
    await hasCount(tree().getByTestId('tree-task'), 24);
  });

  it('an edit of a task changed meanwhile by someone else shows a reload message (409), then saves', async () => {
    await treeTask('6').click();
    const id = (await treeTask('6').getAttribute('data-id'))!;
    await hasAttribute(j.page.getByTestId('task-panel').getByTestId('task-detail'), 'data-task-id', id);
    await j.page.getByTestId('task-edit').click();
    await j.page.getByTestId('task-form').waitFor();
    // Another office worker saves the same task in between.
    const status = await j.page.evaluate(async (taskId) => {
      const me = await (await fetch('/api/auth/me')).json();
      const task = await (await fetch(`/api/tasks/${taskId}`)).json();
      const res = await fetch(`/api/tasks/${taskId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ version: task.version, progressNote: '已召开物流合作座谈会' }),
      });
      return res.status;
    }, id);
    expect(status).toBe(200);
    await j.page.getByTestId('task-progress-input').fill('已制定物流发展提升计划');
    await j.page.getByTestId('task-save').click();
    await containsText(j.page.getByTestId('task-conflict'), '该任务已被他人修改');
    await j.page.getByTestId('task-reload').click();
    await hidden(j.page.getByTestId('task-conflict'));
    await poll(() => j.page.getByTestId('task-progress-input').inputValue()).toBe('已召开物流合作座谈会');
    await j.page.getByTestId('task-progress-input').fill('已制定物流发展提升计划');
    await j.page.getByTestId('task-save').click();
    await hidden(j.page.getByTestId('task-form'));
    await containsText(j.page.getByTestId('task-panel').getByTestId('task-progress'), '已制定物流发展提升计划');
  });

  it('downloads the 任务台账 as an Excel workbook with the clauses, units and progress', async () => {
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('ledger-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${TITLE}任务台账.xlsx`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-ledger-')), 'ledger.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text ?? '')))),
    );
    const text = cells.join('\n');
    expect(text).toContain('搭建经贸合作平台');
    expect(text).toContain(UNIT.org);
    expect(text).toContain('已制定物流发展提升计划');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('draws up the annual work plan from the plan: picked tasks keep their units; a deadline outside the year is refused by its item', async () => {
    await j.page.goto(`/plans/${planId}`);
    await j.page.getByTestId('annual-plan-open').click();
    await j.page.getByTestId('annual-plan-page').waitFor();
    await poll(() => inputOf('annual-year').inputValue()).toBe('2026');
    await poll(() => j.page.getByTestId('annual-title').inputValue()).toBe('辽宁省—江苏省对口合作2026年工作要点');
    const row = (code: string) => j.page.locator(`[data-testid="annual-task"][data-code="${code}"]`);
    for (const code of ['1', '2']) await row(code).locator('.ant-checkbox').click();
    await containsText(j.page.getByTestId('annual-save'), '2');
    await poll(() => inputOf('annual-deadline', row('2')).inputValue()).toBe('2026-12-31');

    await inputOf('annual-deadline', row('2')).click();
    await j.page.keyboard.press('Control+a');
    await j.page.keyboard.type('2027-03-31');
    // Tab, not Enter: Enter in a field submits the form, and the click after it would land on a save in flight.
    await j.page.keyboard.press('Tab');
    await j.page.getByTestId('annual-save').click();
    await containsText(j.page.getByTestId('form-banner'), '任务 2');
    await containsText(j.page.getByTestId('form-banner'), '2026');
    expect(j.page.url()).toContain('/annual');

    await inputOf('annual-deadline', row('2')).click();
    await j.page.keyboard.press('Control+a');
    await j.page.keyboard.type('2026-10-31');
    await j.page.keyboard.press('Tab');
    await j.page.getByTestId('annual-save').click();
    await j.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    expect(j.page.url()).not.toContain(planId);
    await hasText(j.page.getByTestId('plan-title'), '辽宁省—江苏省对口合作2026年工作要点');
    await hasCount(tree().getByTestId('tree-task'), 2);
    await treeTask('1').click();
    await containsText(j.page.getByTestId('task-panel').getByTestId('units-a-lead'), OFFICE.org);
    await treeTask('2').click();
    await containsText(j.page.getByTestId('task-panel').getByTestId('task-deadline'), '2026-10-31');
  });

  it('lead unit: 我的任务 lists the task assigned to its organisation, red, and opens it read-only', async () => {
    // Switching users only: the sign-out journey itself is covered in web.test.ts.
    await j.page.context().clearCookies();
    await openAs(UNIT.username);
    await j.page.getByRole('menuitem', { name: '我的任务' }).click();
    await j.page.waitForURL('**/tasks/mine');
    await hasCount(j.page.getByTestId('my-task-row'), 1);
    await containsText(j.page.getByTestId('my-task-row'), '搭建经贸合作平台');
    await hasAttribute(j.page.getByTestId('my-task-row'), 'data-light', 'red');
    await containsText(j.page.getByTestId('my-task-row'), '牵头单位');

    await j.page.getByTestId('my-task-row').click();
    await j.page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await containsText(j.page.getByTestId('task-title'), '搭建经贸合作平台');
    await containsText(j.page.getByTestId('task-clause-text'), '不少于50家企业');
    expect(await j.page.getByTestId('task-edit').count()).toBe(0);

    // The lead unit sees only its own task on the plan page as well.
    await j.page.goto(`/plans/${planId}`);
    await hasCount(tree().getByTestId('tree-task'), 1);
    expect(j.pageErrors).toEqual([]);
  });
});
