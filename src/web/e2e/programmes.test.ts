import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { repoPath } from '../../server/repo-path.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

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
  const j = journey('duikou-programmes-e2e-', { users: [NATIONAL, DONGXI], password: PASSWORD });
  const { openAs, signOut, pick, visible, containsText, hasAttribute, hasCount, poll } = j;

  const legend = () => j.page.getByTestId('map-legend');
  const chooseFile = async () => {
    await j.page.getByTestId('load-report').or(j.page.getByTestId('load-refusal')).waitFor({ state: 'detached' });
    await j.page.locator('.ant-modal input[type="file"]').setInputFiles(EXAMPLE);
  };

  it('shows the built-in programme with its own side names, then loads the example file; reloading changes nothing', async () => {
    await openAs(NATIONAL.username);
    await containsText(j.page.getByTestId('app-subtitle'), '东北地区与东部地区部分省市对口合作');
    await containsText(legend(), '东北地区一方');
    await containsText(legend(), '东部地区一方');

    await j.page.getByRole('menuitem', { name: '合作规划' }).click();
    await j.page.waitForURL('**/programmes');
    await j.page.getByTestId('programme-load').click();
    await chooseFile();
    await containsText(j.page.getByTestId('load-report'), '已创建合作规划“东西部协作”');
    await containsText(j.page.getByTestId('load-report'), '新增 11 个，修改 0 个，未变 0 个');
    await containsText(j.page.getByTestId('load-added'), '江苏省—陕西省');

    await j.page.locator('.ant-modal-close').click();
    await j.page.getByTestId('programme-load').click();
    await chooseFile();
    await containsText(j.page.getByTestId('load-report'), '未做任何更改（11 个对口合作关系）');
    await j.page.locator('.ant-modal-close').click();
    const row = j.page.locator('[data-testid="programme-table"] tr', { hasText: '东西部协作' });
    await containsText(row, '东部 / 西部');
    await containsText(row, '2021-01-01 — 2025-12-31');
  });

  it('switches to 东西部协作: its pairings on the map and in the lists, named by its own sides in both languages', async () => {
    await pick(j.page.getByTestId('programme-switch'), '东西部协作');
    await j.page.goto('/');
    await containsText(j.page.getByTestId('app-subtitle'), '东西部协作');
    await hasAttribute(j.page.getByTestId('dashboard-map'), 'data-pairing-lines', '11');
    await containsText(j.page.getByTestId('stat-pairings'), '11');
    await containsText(legend(), '东部一方');
    await containsText(legend(), '西部一方');
    // The dashboard's pairing table heads its side columns with the programme's names.
    await containsText(j.page.locator('thead', { hasText: '东部一方' }), '西部一方');

    await j.page.getByTestId('lang-switch').click();
    await containsText(legend(), 'Eastern side');
    await containsText(legend(), 'Western side');
    await j.page.getByTestId('lang-switch').click();
    await containsText(legend(), '西部一方');

    await j.page.goto('/pairings');
    await containsText(j.page.locator('.ant-table-thead'), '东部一方');
    await hasCount(j.page.getByTestId('pairing-row'), 11);
    await visible(j.page.locator('[data-testid="pairing-row"]', { hasText: '广东省—贵州省' }));
    await poll(() => j.page.locator('[data-testid="pairing-row"]', { hasText: '吉林省—浙江省' }).count()).toBe(0);

    // Every list keeps to the programme chosen: 22号's plans (its national plan too) are not 东西部协作's.
    await j.page.goto('/plans');
    await pick(j.page.getByTestId('programme-switch'), '东北—东部对口合作');
    await visible(j.page.getByTestId('plan-row').first());
    await pick(j.page.getByTestId('programme-switch'), '东西部协作');
    await poll(() => j.page.getByTestId('plan-row').count()).toBe(0);
  });

  it('grants 东西部协作 to another national-office user on the 合作规划 page, and takes 22号 back with a reason', async () => {
    await j.page.goto('/programmes');
    const grantsOf = (text: string) =>
      j.page.locator('[data-testid="programme-table"] tr', { hasText: text }).getByTestId('programme-grants').click();
    const grantTo = async (username: string) => {
      await j.page.getByTestId('grant-username').fill(username);
      await j.page.getByTestId('grant-save').click();
    };
    await grantsOf('东西部协作');
    await grantTo(DONGXI.username);
    await containsText(j.page.getByTestId('grant-table'), DONGXI.displayName);
    await containsText(j.page.getByTestId('grant-table'), DONGXI.org);
    await j.page.locator('.ant-drawer-close').click();

    await grantsOf('国办发〔2017〕22号');
    await grantTo(DONGXI.username);
    await containsText(j.page.getByTestId('grant-table'), DONGXI.displayName);
    await j.page.getByTestId('grant-revoke').click();
    await j.page.getByTestId('grant-revoke-reason').fill('只负责东西部协作');
    await j.page.getByTestId('grant-revoke-save').click();
    await containsText(j.page.getByTestId('grant-table'), '尚未授权任何用户');
    const [audit] = (
      await j.server.deps.db.execute<{ reason: string }>(
        sql`SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'programme.revoke'`,
      )
    ).rows;
    expect(audit?.reason).toBe('只负责东西部协作');
    await j.page.locator('.ant-drawer-close').click();
  });

  it('the national office granted 东西部协作 only sees that programme, and none of 22号', async () => {
    const jzId = await pairingIdNamed(j.server, '吉林省—浙江省');

    await signOut();
    await openAs(DONGXI.username);
    await containsText(j.page.getByTestId('app-subtitle'), '东西部协作');
    await hasAttribute(j.page.getByTestId('dashboard-map'), 'data-pairing-lines', '11');
    await containsText(legend(), '西部一方');
    // One programme: no switcher.
    await poll(() => j.page.getByTestId('programme-switch').count()).toBe(0);
    await j.page.goto(`/pairings/${jzId}`);
    await visible(j.page.getByTestId('not-found'));
  });
});
