import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/http/system-actor.ts';
import { chinaToday } from '../../server/kernel/dates.ts';
import { newProject } from '../../server/modules/projects/test-support/project-api.ts';
import { buildProject } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

/*
 * The public portal in Chromium against the real server. A visitor without an account goes from the home page to
 * the programme and reads 吉林省—浙江省's page (figures computed from its public records, labelled as such, and no
 * script at all). Then the 吉林 office writes a news item, publishes it, records a figure from the press with its
 * source, and, as a visitor again, sees both on the pairing's page; a project the office never published appears
 * neither there nor in the IATI file. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const NEWS = '吉浙对口合作产业园首批项目签约（浏览器测试）';
const FIGURE = '浙江省选派赴吉林挂职干部（浏览器测试）';
const SECRET_PROJECT = '尚未公开的吉浙合作项目';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('public portal in Chromium', () => {
  const j = journey('duikou-portal-e2e-', {
    users: [OFFICE],
    password: PASSWORD,
    setup: async (server) => {
      pairingId = await pairingIdNamed(server, '吉林省—浙江省');
      // A project the office keeps to itself: it must never reach the public site.
      await buildProject(
        systemContext(server.deps),
        newProject(pairingId, {
          title: SECRET_PROJECT,
          stage: 'signed',
          stageOn: '2025-03-01',
          signedAmount: '5000',
        }) as never,
      );
    },
  });
  let pairingId = '';
  const { openAs, choose, containsText, visible, hasAttribute } = j;

  async function typeDate(id: string, date: string) {
    await j.page.locator(`#${id}`).click();
    await j.page.locator(`#${id}`).fill(date);
    await j.page.keyboard.press('Enter');
  }
  const pairingPageText = async () => {
    await j.page.goto(`/public/pairings/${pairingId}`);
    return j.page.locator('main').innerText();
  };

  it("lets a visitor without an account open the portal and read a pairing's page", async () => {
    await j.page.goto('/public');
    expect(await j.page.title()).toBe('对口合作公开信息');
    await j.page
      .locator('main')
      .getByRole('link', { name: /东北地区与东部地区部分省市对口合作/ })
      .first()
      .click();
    await j.page.waitForURL('**/public/programmes/*');
    await j.page.locator('main').getByRole('link', { name: '吉林省—浙江省', exact: true }).click();
    await j.page.waitForURL(`**/public/pairings/${pairingId}`);
    expect(await j.page.getByRole('heading', { level: 1 }).textContent()).toBe('吉林省—浙江省');
    expect(await j.page.title()).toBe('吉林省—浙江省 - 对口合作公开信息');
    const computed = j.page.locator('#figures-computed');
    await containsText(computed, '根据公开记录统计');
    await containsText(computed, '记录统计');
    expect(await j.page.locator('script').count()).toBe(0);
    expect(await j.page.locator('main').innerText()).not.toContain(SECRET_PROJECT);
    // The same page in English, by the header's switch.
    await j.page.locator('header').getByRole('link', { name: 'English' }).click();
    await j.page.waitForURL('**?lang=en');
    expect(await j.page.getByRole('heading', { level: 1 }).textContent()).toBe('吉林省—浙江省');
    await containsText(j.page.locator('#figures-computed'), 'Computed from public records');
  });

  it('lets the office publish a news item and a figure with its source, and shows both on the portal', async () => {
    await openAs(OFFICE.username);
    await j.page.getByRole('menuitem', { name: '新闻动态' }).click();
    await j.page.waitForURL('**/news');
    await j.page.getByTestId('news-create').click();
    await choose(j.page.getByTestId('news-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.getByTestId('news-title').fill(NEWS);
    await j.page.getByTestId('news-body').fill('吉浙产业合作园首批三个项目集中签约。\n\n双方将共同推进项目落地。');
    await j.page.getByTestId('news-save').click();
    await j.page.waitForURL(/\/news\/[0-9a-f-]{36}$/);
    await hasAttribute(j.page.getByTestId('news-state'), 'data-state', 'draft');
    const newsId = j.page.url().split('/').pop()!;

    // A draft is not public.
    const draft = await j.page.request.get(`/public/news/${newsId}`);
    expect(draft.status()).toBe(404);

    await j.page.goto(`/news/${newsId}`);
    await j.page.getByTestId('news-publish').click();
    await j.page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await hasAttribute(j.page.getByTestId('news-state'), 'data-state', 'published');
    await visible(j.page.getByTestId('news-view-public'));

    // A figure from the press, with its source.
    await j.page.getByRole('menuitem', { name: '公开发布的数据' }).click();
    await j.page.waitForURL('**/portal-figures');
    await j.page.getByTestId('published-figure-add').click();
    await choose(
      j.page.locator('.ant-select', { has: j.page.locator('#figure_pairingId') }),
      '吉林省—浙江',
      '吉林省—浙江省',
    );
    await j.page.locator('#figure_label').fill(FIGURE);
    await j.page.locator('#figure_value').fill('407');
    await j.page.locator('#figure_unit').fill('名');
    await j.page.locator('#figure_sourceTitle').fill('吉林日报（测试来源）');
    await typeDate('figure_sourceDate', chinaToday());
    await j.page.locator('#figure_sourceLink').fill('https://example.org/jlrb');
    await j.page.getByTestId('published-figure-save').click();
    const row = j.page.locator('[data-testid="published-figure-row"]', { hasText: FIGURE });
    await containsText(row, '407 名');
    await containsText(row, '吉林日报（测试来源）');

    // On the portal: the news item and the figure, labelled as published, with its source; computed figures apart.
    const text = await pairingPageText();
    expect(text).toContain(NEWS);
    const press = await j.page.locator('#figures-press').innerText();
    expect(press).toContain(FIGURE);
    expect(press).toContain('公开发布');
    expect(press).toContain(`来源：吉林日报（测试来源），${chinaToday()}`);
    expect(await j.page.locator('#figures-computed').innerText()).not.toContain(FIGURE);
    await j.page.locator('#news').getByRole('link', { name: NEWS }).click();
    await j.page.waitForURL(`**/public/news/${newsId}`);
    await containsText(j.page.locator('article'), '双方将共同推进项目落地。');
    expect(j.pageErrors).toEqual([]);
  });

  it('never shows a project its office did not publish, in the pages or the open data', async () => {
    expect(await pairingPageText()).not.toContain(SECRET_PROJECT);
    const iati = await j.page.request.get(`/api/open/iati.xml?pairing=${pairingId}`);
    expect(iati.status()).toBe(200);
    expect(await iati.text()).not.toContain(SECRET_PROJECT);
    const sitemap = await j.page.request.get('/sitemap.xml');
    expect(await sitemap.text()).toContain(`/public/pairings/${pairingId}`);
  });
});
