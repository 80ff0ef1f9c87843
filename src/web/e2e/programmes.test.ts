import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { repoPath } from '../../server/repo-path.ts';
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
 * A second programme loaded as data, in Chromium against the real server: the national office loads the 东西部协作
 * example file on the 合作规划 page (reloading it changes nothing), switches to it in the header and sees its 11
 * pairings on the map and in the lists with its own side names (东部一方/西部一方, Eastern side/Western side), while
 * the built-in programme keeps 东北地区一方/东部地区一方; the lists follow the programme chosen; the national office
 * grants 东西部协作 to another national-office user on the 合作规划 page and takes 22号 back with a reason; that user
 * sees none of 22号's pairings. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const NATIONAL = {
  username: 'national-office',
  displayName: '国家发展改革委振兴司',
  org: '国家发展改革委',
  region: '000000',
  kind: 'national_office',
};
const DONGXI = {
  username: 'dongxi-office',
  displayName: '东西部协作工作机构',
  org: '国家乡村振兴局',
  region: '000000',
  kind: 'national_office',
};
const EXAMPLE = repoPath('resources/programmes/dongxi-xiezuo-2021.json');

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('a programme loaded from a file, in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const { signIn, signOut, pick, visible, containsText, hasAttribute, hasCount, poll } = pageHelpers(() => page);

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-programmes-e2e-');
    await createUsers(e2e.server, [NATIONAL, DONGXI], PASSWORD);
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

  const legend = () => page.getByTestId('map-legend');
  const chooseFile = async () => {
    await page.getByTestId('load-report').or(page.getByTestId('load-refusal')).waitFor({ state: 'detached' });
    await page.locator('.ant-modal input[type="file"]').setInputFiles(EXAMPLE);
  };

  it('shows the built-in programme with its own side names, then loads the example file; reloading changes nothing', async () => {
    await signIn(NATIONAL.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await containsText(page.getByTestId('app-subtitle'), '东北地区与东部地区部分省市对口合作');
    await containsText(legend(), '东北地区一方');
    await containsText(legend(), '东部地区一方');

    await page.getByRole('menuitem', { name: '合作规划' }).click();
    await page.waitForURL('**/programmes');
    await page.getByTestId('programme-load').click();
    await chooseFile();
    await containsText(page.getByTestId('load-report'), '已创建合作规划“东西部协作”');
    await containsText(page.getByTestId('load-report'), '新增 11 个，修改 0 个，未变 0 个');
    await containsText(page.getByTestId('load-added'), '江苏省—陕西省');

    await page.locator('.ant-modal-close').click();
    await page.getByTestId('programme-load').click();
    await chooseFile();
    await containsText(page.getByTestId('load-report'), '未做任何更改（11 个对口合作关系）');
    await page.locator('.ant-modal-close').click();
    const row = page.locator('[data-testid="programme-table"] tr', { hasText: '东西部协作' });
    await containsText(row, '东部 / 西部');
    await containsText(row, '2021-01-01 — 2025-12-31');
  });

  it('switches to 东西部协作: its pairings on the map and in the lists, named by its own sides in both languages', async () => {
    await pick(page.getByTestId('programme-switch'), '东西部协作');
    await page.goto('/');
    await containsText(page.getByTestId('app-subtitle'), '东西部协作');
    await hasAttribute(page.getByTestId('dashboard-map'), 'data-pairing-lines', '11');
    await containsText(page.getByTestId('stat-pairings'), '11');
    await containsText(legend(), '东部一方');
    await containsText(legend(), '西部一方');
    // The dashboard's pairing table heads its side columns with the programme's names.
    await containsText(page.locator('thead', { hasText: '东部一方' }), '西部一方');

    await page.getByTestId('lang-switch').click();
    await containsText(legend(), 'Eastern side');
    await containsText(legend(), 'Western side');
    await page.getByTestId('lang-switch').click();
    await containsText(legend(), '西部一方');

    await page.goto('/pairings');
    await containsText(page.locator('.ant-table-thead'), '东部一方');
    await hasCount(page.getByTestId('pairing-row'), 11);
    await visible(page.locator('[data-testid="pairing-row"]', { hasText: '广东省—贵州省' }));
    await poll(() => page.locator('[data-testid="pairing-row"]', { hasText: '吉林省—浙江省' }).count()).toBe(0);

    // Every list keeps to the programme chosen: 22号's plans (its national plan too) are not 东西部协作's.
    await page.goto('/plans');
    await pick(page.getByTestId('programme-switch'), '东北—东部对口合作');
    await visible(page.getByTestId('plan-row').first());
    await pick(page.getByTestId('programme-switch'), '东西部协作');
    await poll(() => page.getByTestId('plan-row').count()).toBe(0);
  });

  it('grants 东西部协作 to another national-office user on the 合作规划 page, and takes 22号 back with a reason', async () => {
    await page.goto('/programmes');
    const grantsOf = (text: string) =>
      page.locator('[data-testid="programme-table"] tr', { hasText: text }).getByTestId('programme-grants').click();
    const grantTo = async (username: string) => {
      await page.getByTestId('grant-username').fill(username);
      await page.getByTestId('grant-save').click();
    };
    await grantsOf('东西部协作');
    await grantTo(DONGXI.username);
    await containsText(page.getByTestId('grant-table'), DONGXI.displayName);
    await containsText(page.getByTestId('grant-table'), DONGXI.org);
    await page.locator('.ant-drawer-close').click();

    await grantsOf('国办发〔2017〕22号');
    await grantTo(DONGXI.username);
    await containsText(page.getByTestId('grant-table'), DONGXI.displayName);
    await page.getByTestId('grant-revoke').click();
    await page.getByTestId('grant-revoke-reason').fill('只负责东西部协作');
    await page.getByTestId('grant-revoke-save').click();
    await containsText(page.getByTestId('grant-table'), '尚未授权任何用户');
    const [audit] = (
      await e2e.server.deps.db.execute<{ reason: string }>(
        sql`SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'programme.revoke'`,
      )
    ).rows;
    expect(audit?.reason).toBe('只负责东西部协作');
    await page.locator('.ant-drawer-close').click();
  });

  it('the national office granted 东西部协作 only sees that programme, and none of 22号', async () => {
    const [jz] = (
      await e2e.server.deps.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`)
    ).rows;

    await signOut();
    await signIn(DONGXI.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await containsText(page.getByTestId('app-subtitle'), '东西部协作');
    await hasAttribute(page.getByTestId('dashboard-map'), 'data-pairing-lines', '11');
    await containsText(legend(), '西部一方');
    // One programme: no switcher.
    await poll(() => page.getByTestId('programme-switch').count()).toBe(0);
    await page.goto(`/pairings/${jz!.id}`);
    await visible(page.getByTestId('not-found'));
  });
});
