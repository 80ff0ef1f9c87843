import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildEvent, buildPark, buildProject } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { ensureWebBuilt } from './build-web.ts';
import { samplePdf, samplePng } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { journey, scrollUntil } from './harness.ts';

/*
 * Cooperation projects in Chromium against the real server: a 吉林 pairing office registers a project, takes it
 * from 谋划 to 投产 with its money reported per period (到位资金 above 签约额 only with a recorded reason), imports a
 * sheet made from the downloaded template (refused whole with two bad rows named, then imported, then imported
 * again without duplicates); a 辽宁 office cannot see any of it; the dashboard and the pairing page count it.
 * The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const JILIN = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const LIAONING = {
  username: 'liaoning-office',
  displayName: '辽宁省对口合作办',
  org: '辽宁省发展改革委',
  region: '210000',
};
const TITLE = '长春新能源汽车零部件产业园';
const DEMO_TITLE = '演示：长春冰雪装备项目';
const IMPORTED = ['一汽配套电池包项目', '长春光电子产业园', '吉林碳纤维复合材料项目'];

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('cooperation projects in Chromium', () => {
  let pairingId = '';
  let projectId = '';
  let liaoningProjectId = '';
  let workDir = '';
  const j = journey('duikou-projects-e2e-', {
    users: [JILIN, LIAONING],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-projects-files-'));
      const ctx = systemContext(server.deps);
      const id = (name: string) => pairingIdNamed(server, name);
      pairingId = await id('吉林省—浙江省');
      // A generated demo record in the 吉林 ledger, and a real project of 辽宁 that 吉林 must not see.
      const project = {
        investorRegionCode: '330100',
        industryDivision: '35',
        type: 'industrial' as const,
        landmark: false,
        greenChannel: false,
      };
      await buildProject(
        ctx,
        {
          ...project,
          pairingId,
          title: DEMO_TITLE,
          investor: '杭州某装备公司',
          hostRegionCode: '220100',
          stage: 'signed',
          stageOn: '2024-02-01',
          signedAmount: '500',
        },
        {},
        { demo: true },
      );
      // A co-built park and a promotion event of 吉林—浙江, for the dashboard's counts.
      await buildPark(ctx, {
        pairingId,
        name: '吉浙（长春）合作产业园',
        type: 'cooperation',
        hostRegionCode: '220100',
      });
      await buildEvent(ctx, {
        pairingId,
        kind: 'promotion',
        title: '浙商吉林行',
        startsOn: '2024-05-10',
        endsOn: '2024-05-12',
      });
      liaoningProjectId = await buildProject(ctx, {
        ...project,
        pairingId: await id('辽宁省—江苏省'),
        title: '沈阳机器人产业项目',
        investor: '南京某机器人公司',
        investorRegionCode: '320100',
        hostRegionCode: '210100',
        stage: 'signed',
        stageOn: '2024-03-01',
        signedAmount: '7000',
      });
    },
  });
  const {
    openAs,
    choose,
    pick: pickOption,
    poll,
    visible,
    hidden,
    containsText,
    hasText,
    hasCount,
    hasAttribute,
    fieldError,
  } = j;

  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  /** The text box of an antd input that carries the test id itself or on its wrapper. */
  const inputOf = (testId: string, within: Page | Locator = j.page) =>
    within.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

  async function typeDate(testId: string, date: string) {
    const input = inputOf(testId);
    await input.click();
    await input.press('ControlOrMeta+a');
    await j.page.keyboard.type(date);
    await j.page.keyboard.press('Enter');
  }

  const pick = (testId: string, option: string | RegExp) => pickOption(j.page.getByTestId(testId), option);

  async function move(to: string, date?: string) {
    await j.page.getByTestId(`move-${to}`).click();
    await j.page.getByTestId('move-form').waitFor();
    if (date) await typeDate('move-on', date);
    // Under load a click can land while the modal still zooms in and submit nothing: click again until the move
    // is made (the modal closes) or refused (an error shows). A click during the save hits a loading button.
    const answered = async () =>
      (await j.page.getByTestId('move-form').count()) === 0 ||
      (await fieldError('变更日期').count()) > 0 ||
      (await j.page.getByTestId('move-refusal').count()) > 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await j.page.getByTestId('move-confirm').click();
      if (
        await expect
          .poll(answered, { timeout: 3_000 })
          .toBe(true)
          .then(
            () => true,
            () => false,
          )
      )
        return;
    }
  }

  async function report(figure: string, amount: string) {
    await pick('figure-select', figure);
    await inputOf('figure-amount').fill(amount);
    await j.page.getByTestId('figure-submit').click();
  }

  const stageCard = () => j.page.getByTestId('stage-card');
  const nextMoves = async () =>
    (
      await j.page
        .getByTestId('next-moves')
        .locator('button')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    ).sort();

  it('an office registers a project: a malformed 项目代码 is refused on its field, then the project opens in 谋划', async () => {
    await openAs(JILIN.username);
    await j.page.getByRole('menuitem', { name: '合作项目' }).click();
    await j.page.waitForURL('**/projects');
    await visible(j.page.getByTestId('project-row'));
    await j.page.getByTestId('project-new').click();
    await j.page.waitForURL('**/projects/new');

    await choose(j.page.getByTestId('project-pairing'), '吉林省', '吉林省—浙江省');
    await inputOf('project-title-input').fill(TITLE);
    await inputOf('project-investor-input').fill('宁波某某汽车零部件有限公司');
    await choose(j.page.getByTestId('project-investor-region'), '宁波', /^宁波市\S* 330200$/);
    await choose(j.page.getByTestId('project-host-region'), '长春', /^长春市\S* 220100$/);
    await j.page.getByTestId('project-industry').click();
    await j.page.keyboard.type('汽车制造');
    await j.page.locator('.ant-cascader-menu-item', { hasText: '汽车制造业' }).first().click();
    await pick('project-type', '工业');
    await j.page.getByTestId('project-landmark').check();
    await inputOf('project-planned').fill('52000');
    await inputOf('project-support-bank_credit').fill('20000');
    // 99 is no province: the server refuses the code, and says so under the field.
    await inputOf('project-code-input').fill('2104-990100-04-01-123456');
    await j.page.getByTestId('project-save').click();
    await containsText(fieldError('项目代码'), '项目代码中的地区代码不存在');
    await containsText(j.page.getByTestId('form-banner'), '请根据提示修改标出的字段');
    expect(j.page.url()).toContain('/projects/new');

    await inputOf('project-code-input').fill('2104-220100-04-01-000123');
    await j.page.getByTestId('project-save').click();
    await j.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectId = /\/projects\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasText(j.page.getByTestId('project-title'), TITLE);
    await hasText(j.page.getByTestId('project-code'), '2104-220100-04-01-000123');
    await containsText(j.page.getByTestId('project-fields'), '汽车制造业');
    await containsText(j.page.getByTestId('project-fields'), '宁波市');
    await containsText(j.page.getByTestId('project-fields'), '银行信贷');
    await hasAttribute(stageCard(), 'data-stage', 'planning');
    await hasAttribute(j.page.getByTestId('figure-planned'), 'data-value', '52000');
  });

  it('offers only the legal next stages; a move dated before the last one is refused on its date', async () => {
    // From 谋划 only 签约 (or a stop): nothing starts or produces before it is signed.
    await poll(nextMoves).toEqual(['move-paused', 'move-signed', 'move-terminated']);
    await move('signed', '2020-01-01');
    await poll(() => fieldError('变更日期').first().innerText()).toMatch(
      /^日期不能早于上一阶段的日期 \d{4}-\d{2}-\d{2}$/,
    );
    await j.page
      .getByRole('button', { name: '取 消' })
      .or(j.page.getByRole('button', { name: '取消' }))
      .first()
      .click();
    await hidden(j.page.getByTestId('move-form'));
    await hasAttribute(stageCard(), 'data-stage', 'planning');

    await move('signed');
    await hasAttribute(stageCard(), 'data-stage', 'signed');
    // 签约 may go to 落位 or, skipping it, straight to 开工; never to 投产.
    await poll(nextMoves).toEqual(['move-paused', 'move-sited', 'move-started', 'move-terminated']);
  });

  it('reports figures per period; 到位资金 above 签约额 asks for an override with a reason, kept on record', async () => {
    await report('签约额', '1000');
    await hasAttribute(j.page.getByTestId('figure-signed'), 'data-value', '1000');
    await report('到位资金', '1200');
    await visible(j.page.getByTestId('override-asked'));
    await containsText(fieldError('金额（万元）'), '到位资金 1200 万元超过签约额 1000 万元');
    await hasAttribute(j.page.getByTestId('figure-arrived'), 'data-value', '0');

    await j.page.getByTestId('figure-override').check();
    await j.page
      .locator('textarea[data-testid="figure-override-reason"], [data-testid="figure-override-reason"] textarea')
      .first()
      .fill('追加投资协议已签，签约额待更新');
    await j.page.getByTestId('figure-submit').click();
    await hasAttribute(j.page.getByTestId('figure-arrived'), 'data-value', '1200');
    await hidden(j.page.getByTestId('override-asked'));
    await containsText(j.page.getByTestId('timeline-override'), '追加投资协议已签，签约额待更新');
  });

  it('moves through 落位 and 开工 to 投产, and the timeline shows every move and report', async () => {
    await move('sited');
    await hasAttribute(stageCard(), 'data-stage', 'sited');
    await poll(nextMoves).toEqual(['move-paused', 'move-started', 'move-terminated']);
    await move('started');
    await hasAttribute(stageCard(), 'data-stage', 'started');
    await report('完成投资', '300');
    await hasAttribute(j.page.getByTestId('figure-completed'), 'data-value', '300');
    await move('producing');
    await hasAttribute(stageCard(), 'data-stage', 'producing');
    await visible(j.page.getByTestId('no-moves'));
    expect(await j.page.getByTestId('next-moves').count()).toBe(0);

    const timeline = j.page.getByTestId('project-timeline');
    await poll(() =>
      timeline
        .locator('[data-testid="timeline-item"][data-kind="move"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))),
    ).toEqual(['planning', 'signed', 'sited', 'started', 'producing']);
    // Planned investment at registration, then 签约额, 到位资金 and 完成投资.
    await hasCount(timeline.locator('[data-testid="timeline-item"][data-kind="report"]'), 4);
    await containsText(timeline, '谋划 → 签约');
    await containsText(timeline, '开工 → 投产');

    // The ledger lists it with its figures beside the demo record, which is marked as such.
    await j.page.goto('/projects');
    await visible(j.page.locator(`[data-testid="project-row"][data-id="${projectId}"]`));
    await hasAttribute(
      j.page.locator(`[data-testid="project-row"][data-id="${projectId}"]`),
      'data-stage',
      'producing',
    );
    const demoRow = j.page.locator('[data-testid="project-row"][data-demo="true"]');
    await containsText(demoRow, DEMO_TITLE);
    await visible(demoRow.getByTestId('demo-tag'));
    expect(
      await j.page.locator(`[data-testid="project-row"][data-id="${projectId}"]`).getByTestId('demo-tag').count(),
    ).toBe(0);
    await hasAttribute(j.page.getByTestId('total-signed'), 'data-value', '1500');
    await hasAttribute(j.page.getByTestId('total-arrived'), 'data-value', '1200');
    // The filters live in the address, which updates in a transition: click, then wait for the filtered rows.
    // 标志性项目 is among the filters behind the toggle, which keeps the bar to one row.
    await j.page.getByTestId('filters-more').click();
    await j.page.getByTestId('filter-landmark').click();
    await poll(async () => j.page.url()).toContain('landmark=true');
    await hasCount(j.page.getByTestId('project-row'), 1);
    await hasAttribute(j.page.getByTestId('total-signed'), 'data-value', '1000');
    await hasAttribute(j.page.getByTestId('total-planned'), 'data-value', '52000');
  });

  it('edits the project: a malformed code is refused on its field; a linked plan task and a contact are saved', async () => {
    await j.page.goto(`/projects/${projectId}`);
    await j.page.getByTestId('project-edit').click();
    await j.page.waitForURL(`**/projects/${projectId}/edit`);
    await poll(() => inputOf('project-title-input').inputValue()).toBe(TITLE);
    await inputOf('project-code-input').fill('12345');
    await j.page.getByTestId('project-save').click();
    await containsText(fieldError('项目代码'), '项目代码应为24位');
    await inputOf('project-code-input').fill('2104-220100-04-01-000123');
    // The tasks offered are those of the pairing's plans (the seed 吉林—浙江 plan).
    await choose(j.page.getByTestId('project-tasks'), '基础设施补短板', '基础设施补短板');
    await j.page.locator('#contactName').fill('王某');
    await j.page.getByTestId('project-save').click();
    await j.page.waitForURL((url) => url.pathname === `/projects/${projectId}`);
    await containsText(j.page.getByTestId('project-tasks-list'), '基础设施补短板');
    await containsText(j.page.getByTestId('project-fields'), '王某');
    await hasAttribute(stageCard(), 'data-stage', 'producing');
  });

  it('keeps the signed agreement with the project and downloads it; an image named .pdf is refused with the reason', async () => {
    const attachments = j.page.getByTestId('project-attachments');
    const fileInput = attachments.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '投资合作协议.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    const row = j.page.locator('[data-testid="attachment-row"][data-name="投资合作协议.pdf"]');
    await visible(row);
    await fileInput.setInputFiles({ name: '现场照片.pdf', mimeType: 'application/pdf', buffer: samplePng() });
    await containsText(j.page.getByTestId('attachment-error'), '“现场照片.pdf”未能上传');
    await containsText(j.page.getByTestId('attachment-error'), '文件内容是PNG 图片，与扩展名“.pdf”不符');
    await hasCount(j.page.getByTestId('attachment-row'), 1);
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      row.getByTestId('attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('投资合作协议.pdf');
    expect(fs.readFileSync((await download.path())!).equals(samplePdf())).toBe(true);
    // Still there after a reload: it is kept with the project, not with the page.
    await j.page.reload();
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="投资合作协议.pdf"]'));
  });

  /** The downloaded template with `rows` written under its headers, found by their text as an office would. */
  async function fillTemplate(template: string, rows: Record<string, unknown>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet('项目导入')!;
    const columns = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace('*', ''), col));
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      for (const [header, value] of Object.entries(r)) {
        const col = columns.get(header);
        if (!col) throw new Error(`no column ${header} in the template`);
        row.getCell(col).value = value as ExcelJS.CellValue;
      }
      row.commit();
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  const row = (title: string, extra: Record<string, unknown> = {}) => ({
    项目名称: title,
    投资方: `${title}投资有限公司`,
    投资方所在地: '杭州市',
    项目落地地区: '长春市',
    所属行业: 'C39',
    项目类型: '工业',
    项目阶段: '开工',
    签约日期: '2024-03-15',
    开工日期: '2024-08-01',
    '签约额（万元）': 50000,
    '计划总投资（万元）': 52000,
    '到位资金（万元）': 18000,
    '完成投资（万元）': 12000,
    数据截至: '2024-12',
    ...extra,
  });

  /** Records, in the page, whether the progress of a running import was shown (it may be gone by the next look). */
  const watchProgress = () =>
    j.page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="import-progress"]')) {
          w.sawProgress = true;
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  const sawProgress = () => j.page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress);

  async function upload(buffer: Buffer) {
    await hasAttribute(j.page.getByTestId('import-upload'), 'data-busy', 'false');
    await watchProgress();
    await j.page.locator('input[type=file]').setInputFiles({
      name: '合作项目.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  }

  let goodSheet: Buffer;

  it('imports nothing from a sheet with two bad rows, and names both rows and their columns', async () => {
    await j.page.goto('/projects');
    await j.page.getByTestId('ledger-import').click();
    await j.page.waitForURL('**/projects/import');
    await choose(j.page.getByTestId('import-pairing'), '吉林省', '吉林省—浙江省');
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('import-template').click(),
    ]);
    expect(download.suggestedFilename()).toBe('合作项目导入模板.xlsx');
    const template = path.join(workDir, 'template.xlsx');
    await download.saveAs(template);

    const bad = await fillTemplate(template, [
      row(IMPORTED[0]!),
      row(IMPORTED[1]!, { '签约额（万元）': -100 }),
      row(IMPORTED[2]!, { 项目阶段: '投产' }),
    ]);
    goodSheet = await fillTemplate(
      template,
      IMPORTED.map((t) => row(t)),
    );
    await upload(bad);
    await visible(j.page.getByTestId('import-failed'));
    await containsText(j.page.getByTestId('import-failed'), '导入未完成，未导入任何项目');
    await hasCount(j.page.getByTestId('import-error-row'), 2);
    const errors = await j.page
      .getByTestId('import-error-row')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-row')}${e.getAttribute('data-column')}`));
    expect(errors).toEqual(['3O', '4N']);
    await containsText(j.page.getByTestId('import-error-row').nth(0), '签约额（万元）');
    await containsText(j.page.getByTestId('import-error-row').nth(0), '不能为负数');
    await containsText(j.page.getByTestId('import-error-row').nth(1), '投产日期');

    // Nothing of the sheet reached the ledger.
    await j.page.goto(`/projects?pairingId=${pairingId}`);
    await visible(j.page.getByTestId('project-row'));
    await hasCount(j.page.getByTestId('project-row'), 2);
  });

  it('imports the fixed sheet with the count shown; the same sheet again registers no duplicate', async () => {
    await j.page.goto(`/projects/import?pairingId=${pairingId}`);
    await upload(goodSheet);
    await visible(j.page.getByTestId('import-done'));
    expect(await sawProgress()).toBe(true);
    await hasAttribute(j.page.getByTestId('import-done'), 'data-created', '3');
    await containsText(j.page.getByTestId('import-summary'), '新登记 3 个项目');

    await j.page.getByRole('button', { name: '继续导入' }).click();
    await hidden(j.page.getByTestId('import-done'));
    await upload(goodSheet);
    await visible(j.page.getByTestId('import-done'));
    await hasAttribute(j.page.getByTestId('import-done'), 'data-created', '0');
    await hasAttribute(j.page.getByTestId('import-done'), 'data-unchanged', '3');
    await containsText(j.page.getByTestId('import-summary'), '未变化 3 个');

    await j.page.getByTestId('import-open-ledger').click();
    await j.page.waitForURL((url) => url.pathname === '/projects' && url.searchParams.get('pairingId') === pairingId);
    await hasCount(j.page.getByTestId('project-row'), 5);
    for (const title of IMPORTED) await hasCount(j.page.getByTestId('project-row').filter({ hasText: title }), 1);
    await hasAttribute(j.page.getByTestId('total-signed'), 'data-value', '151500');

    // The ledger as Excel, with the filtered projects in it.
    const [exported] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('ledger-export').click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^合作项目台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(workDir, 'ledger.xlsx');
    await exported.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const title of [TITLE, ...IMPORTED]) expect(text).toContain(title);
  });

  it('the funnel and the rates by pairing, side, industry and year', async () => {
    await j.page.getByRole('menuitem', { name: '项目统计' }).click();
    await j.page.waitForURL('**/projects/stats');
    await hasAttribute(j.page.getByTestId('funnel-chart'), 'data-funnel', '5,5,4,4,1');
    await hasText(j.page.getByTestId('project-count-projects').locator('.ant-statistic-content-value'), '5');
    await containsText(j.page.locator('[data-testid="rate-row"][data-key="all"]'), '80.00%');
    await j.page.getByTestId('stats-group').getByText('按所属一方').click();
    await hasCount(j.page.getByTestId('rate-row'), 2);
    await containsText(j.page.locator('[data-testid="rate-row"][data-key="a"]'), '东北地区一方');
  });

  it('an office of another pairing gets “not found” at the project and does not see it in its ledger', async () => {
    await j.context.clearCookies();
    await openAs(LIAONING.username, `/projects/${projectId}`);
    await visible(j.page.getByTestId('not-found'));
    expect(await j.page.getByTestId('project-page').count()).toBe(0);

    await j.page.goto('/projects');
    await visible(j.page.locator(`[data-testid="project-row"][data-id="${liaoningProjectId}"]`));
    await hasCount(j.page.getByTestId('project-row'), 1);
    expect(await j.page.locator(`[data-testid="project-row"][data-id="${projectId}"]`).count()).toBe(0);
    await hasAttribute(j.page.getByTestId('total-signed'), 'data-value', '7000');
    // Nor can it find it by name.
    await inputOf('project-search').fill(TITLE);
    await inputOf('project-search').press('Enter');
    await hasCount(j.page.getByTestId('project-row'), 0);
  });

  it('the dashboard and the pairing page count the projects, parks and events, with money by stage and the funnel', async () => {
    await j.context.clearCookies();
    await openAs(JILIN.username);
    const dash = j.page.getByTestId('dashboard-projects');
    await scrollUntil(j.page, dash.getByTestId('project-overview'));
    await hasText(dash.getByTestId('project-count-projects').locator('.ant-statistic-content-value'), '5');
    await hasText(dash.getByTestId('project-count-landmark').locator('.ant-statistic-content-value'), '1');
    await hasText(dash.getByTestId('project-count-parks').locator('.ant-statistic-content-value'), '1');
    await hasText(dash.getByTestId('project-count-events').locator('.ant-statistic-content-value'), '1');
    await containsText(dash.getByTestId('project-count-demo'), '演示数据 1 个项目');
    await hasAttribute(dash.getByTestId('funnel-chart'), 'data-funnel', '5,5,4,4,1');
    const stageRow = (stage: string) =>
      dash.getByTestId('stage-money-row').filter({ has: j.page.locator(`[data-stage="${stage}"]`) });
    await containsText(stageRow('started'), '150,000');
    await containsText(stageRow('started'), '15.00 亿元');
    await containsText(stageRow('producing'), '1,200');

    await j.page.goto(`/pairings/${pairingId}`);
    const card = j.page.getByTestId('pairing-projects');
    await hasText(card.getByTestId('project-count-projects').locator('.ant-statistic-content-value'), '5');
    await hasAttribute(card.getByTestId('funnel-chart'), 'data-funnel', '5,5,4,4,1');
    expect(j.pageErrors).toEqual([]);
  });
});
