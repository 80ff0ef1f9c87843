import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { chinaToday } from '../../server/kernel/dates.ts';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildOrganisation } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import {
  createUsers,
  openBrowser,
  pageHelpers,
  screenshotOnFailure,
  startE2eServer,
  type E2eServer,
} from './harness.ts';

/*
 * 复制推广 in Chromium against the real server, as 吉林—浙江 keep it: the 吉林 office registers 浙江's "最多跑一次"
 * reform (its side is read from its source region), records 长春's adoption at 学习借鉴, takes it to 试点 with the
 * local document and its file, is refused a 推广 dated before the pilot (the refusal next to the date), then
 * records 推广; the pairing's page shows its counts move from nothing to one practice replicated, and a press figure
 * recorded there with its source stays apart from them, labelled as published. The steps build
 * on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const PRACTICE = '“最多跑一次”改革（浏览器测试）';
const ADOPTER = '长春市政务服务和数字化建设管理局';
const RESULTS = '企业开办时间由5个工作日压缩至1个工作日';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('the replication register in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let pairingId = '';
  const { signIn, choose, pick, visible, hidden, containsText, hasText, hasAttribute, fieldError } = pageHelpers(
    () => page,
  );

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-replication-e2e-');
    await createUsers(e2e.server, [OFFICE], PASSWORD);
    // The adopting bureau is an organisation in the system: the office picks it rather than typing its name.
    await buildOrganisation(systemContext(e2e.server.deps), { name: ADOPTER, kind: 'lead_unit', regionCode: '220100' });
    const pairing = await e2e.server.deps.db.execute<{ id: string }>(
      sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`,
    );
    pairingId = pairing.rows[0]!.id;
    ({ browser, page, pageErrors } = await openBrowser(e2e.server));
  }, 120_000);

  screenshotOnFailure(() => page);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && pageErrors.length)
      console.warn(`errors in the page:\n${pageErrors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  async function typeDate(id: string, date: string) {
    await page.locator(`#${id}`).click();
    await page.locator(`#${id}`).fill(date);
    await page.keyboard.press('Enter');
  }
  const adoption = () => page.locator('[data-testid="adoption-card"]', { hasText: ADOPTER });
  const figure = (name: string) => page.getByTestId(`replication-figure-${name}`);

  it('shows the pairing without replication records before any is registered', async () => {
    await signIn(OFFICE.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/pairings/${pairingId}`);
    await containsText(page.getByTestId('replication-figures'), '暂无记录');
    await containsText(page.getByTestId('published-figures'), '暂无录入的公开数字');
  });

  it('registers a practice of the eastern side from the menu', async () => {
    await page.goto('/');
    await page.getByRole('menuitem', { name: '复制推广' }).click();
    await page.waitForURL('**/replication');
    await page.getByTestId('practice-create').click();
    await page.getByTestId('practice-form').waitFor();
    await choose(page.getByTestId('practice-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await page.locator('#practice_title').fill(PRACTICE);
    await choose(page.getByTestId('practice-source-region'), '杭州', /^杭州市/);
    await page.locator('#practice_description').fill('群众和企业到政府办事，从受理到办结全程只需一次上门或零上门。');
    await page.locator('#practice_sourceDocTitle').fill('浙江省加快推进“最多跑一次”改革实施方案');
    await typeDate('practice_sourceDocDate', '2017-02-20');
    await page.getByTestId('practice-save').click();

    await page.waitForURL(/\/replication\/[0-9a-f-]{36}$/);
    await hasText(page.getByTestId('practice-title-shown'), PRACTICE);
    await containsText(page.getByTestId('practice-facts'), '杭州市（东部地区一方）');
    await containsText(page.getByTestId('practice-page'), '尚无单位复制推广该经验做法');
  });

  it('records an adopting unit at 学习借鉴 and takes it to 试点 with its local document and file', async () => {
    await page.getByTestId('adoption-add').click();
    await page.getByTestId('stage-form').waitFor();
    await choose(page.getByTestId('organisation-select'), '政务服务和数字化', new RegExp(`^${ADOPTER}`));
    await choose(page.getByTestId('adoption-region'), '长春', /^长春市/);
    await pick(page.getByTestId('stage-select'), '学习借鉴');
    await typeDate('stage_reachedOn', '2018-03-01');
    await page.locator('#stage_note').fill('赴杭州考察学习');
    await page.getByTestId('stage-save').click();
    await hidden(page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'learning');

    await adoption().getByTestId('adoption-advance').click();
    await page.getByTestId('stage-form').waitFor();
    await pick(page.getByTestId('stage-select'), '试点');
    await typeDate('stage_reachedOn', '2018-06-01');
    await page.locator('#stage_docTitle').fill('长春市推进“最多跑一次”改革试点工作方案');
    await page.locator('#stage_docNumber').fill('长府办发〔2018〕20号');
    await page.getByTestId('stage-save').click();
    await hidden(page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'pilot');
    const pilot = adoption().locator('[data-testid="stage-entry"][data-stage="pilot"]');
    await containsText(pilot.getByTestId('stage-document'), '长府办发〔2018〕20号');
    await pilot
      .getByTestId('stage-files-pilot')
      .locator('input[type=file]')
      .setInputFiles({ name: '试点工作方案.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(pilot.locator('[data-testid="attachment-row"][data-name="试点工作方案.pdf"]'));
  });

  it('refuses a 推广 dated before the pilot, next to the date, then records it', async () => {
    await adoption().getByTestId('adoption-advance').click();
    await page.getByTestId('stage-form').waitFor();
    await pick(page.getByTestId('stage-select'), '推广');
    await typeDate('stage_reachedOn', '2018-05-01');
    await page.getByTestId('stage-save').click();
    await containsText(fieldError(/^日期$/), '日期不能早于上一阶段的日期 2018-06-01');
    await typeDate('stage_reachedOn', '2019-01-10');
    await page.getByTestId('stage-save').click();
    await hidden(page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'rollout');
    const stages = await adoption()
      .getByTestId('stage-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    expect(stages).toEqual(['learning', 'pilot', 'rollout']);
  });

  it("edits the adoption's results as they become known", async () => {
    await adoption().getByTestId('adoption-edit').click();
    await page.getByTestId('adoption-results').fill(RESULTS);
    await page.getByTestId('adoption-edit-save').click();
    await hidden(page.getByTestId('adoption-edit-save'));
    await containsText(adoption(), RESULTS);
  });

  it("shows the pairing's counts moved, computed from the register", async () => {
    await page.goto(`/pairings/${pairingId}`);
    await page.getByTestId('replication-figures').waitFor();
    await hasAttribute(figure('practices'), 'data-value', '1');
    await hasAttribute(figure('replicated'), 'data-value', '1');
    await hasAttribute(figure('institutionalised'), 'data-value', '0');
    await hasAttribute(figure('adoptions'), 'data-value', '1');
    await containsText(page.getByTestId('replication-figures'), '据系统登记记录计算');

    // A published figure is recorded with its source and shown apart, labelled as published; the counts stay.
    await page.getByTestId('published-figure-add').click();
    await page.locator('#figure_label').fill('浙江省改革经验在吉林省复制推广（浏览器测试）');
    await page.locator('#figure_value').fill('36');
    await page.locator('#figure_unit').fill('项');
    await page.locator('#figure_sourceTitle').fill('测试来源：某报道');
    await typeDate('figure_sourceDate', chinaToday());
    await page.getByTestId('published-figure-save').click();
    const row = page.locator('[data-testid="published-figure-row"]', { hasText: '浏览器测试' });
    await containsText(row, '公开发布');
    await containsText(row, '36 项');
    await containsText(row, '测试来源：某报道');
    await hasAttribute(figure('practices'), 'data-value', '1');

    // The list, filtered by stage, finds it and exports it.
    await page.goto(`/replication?pairingId=${pairingId}&stage=rollout`);
    await visible(page.locator('[data-testid="practice-row"]', { hasText: PRACTICE }));
  });
});
