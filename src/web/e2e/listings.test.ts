import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import {
  createUsers,
  openBrowser,
  pageHelpers,
  screenshotOnFailure,
  scrollUntil,
  startE2eServer,
  type E2eServer,
} from './harness.ts';

/*
 * 供需对接 in Chromium against the real server: an enterprise in 浙江 publishes a need for 吉林大米, an enterprise in
 * 吉林 publishes its offer, the 吉林 pairing office approves both; the 吉林 enterprise finds the need among its offer's
 * matches with the reasons, and expresses interest; the 浙江 owner accepts and the contact appears on the 吉林 side;
 * the deal is marked signed and the project is in the office's ledger. A research institute then registers itself
 * from the sign-in page, the 吉林 office approves it on its review page, and the institute adds and disables a
 * colleague's account. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const ZJ = {
  username: 'hz-grain',
  displayName: '杭州粮油王经理',
  org: '杭州粮油贸易有限公司',
  region: '330100',
  kind: 'enterprise',
};
const JL = {
  username: 'cc-rice',
  displayName: '长春稻香李厂长',
  org: '长春稻香米业有限公司',
  region: '220100',
  kind: 'enterprise',
};
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const NEED = '长期采购吉林大米';
const OFFER = '供应优质吉林大米';
const PHONE = '0571-88886666';
const PROJECT = '长春稻香米业吉林大米浙江直供项目';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('listings, matching and a deal in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const ids = { need: '', offer: '' };
  const { signIn, signOut, pick, choose, visible, containsText, hasAttribute } = pageHelpers(() => page);

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-listings-e2e-');
    await createUsers(e2e.server, [ZJ, JL, OFFICE], PASSWORD);
    ({ browser, page, pageErrors } = await openBrowser(e2e.server, { acceptDownloads: true }));
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

  async function publish(
    kind: '供给' | '需求',
    title: string,
    description: string,
    contact: string,
    phone: string,
    pairing?: string,
  ) {
    await page.goto('/listings');
    await page.getByTestId('listing-create').click();
    await page.getByTestId('listing-form').waitFor();
    await pick(page.getByTestId('listing-kind'), kind);
    await page.getByTestId('listing-title').fill(title);
    await page.getByTestId('listing-description').fill(description);
    await page.getByTestId('listing-contact-name').fill(contact);
    await page.getByTestId('listing-contact-phone').fill(phone);
    // Left empty, the pairing comes from the region; named, it is the one chosen.
    if (pairing) await pick(page.getByTestId('listing-pairing'), pairing);
    await page.getByTestId('listing-save').click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await containsText(page.getByTestId('listing-facts'), '待审核');
    return page.url().split('/').pop()!;
  }

  it('an enterprise in 浙江 publishes a need for 吉林大米 and one in 吉林 its offer; both wait for approval', async () => {
    await signIn(ZJ.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    ids.need = await publish(
      '需求',
      NEED,
      '杭州粮油企业求购优质吉林大米，年需求约五千吨，需冷链运输到杭州。',
      '王经理',
      PHONE,
    );
    // Its owner sees its own contact.
    await containsText(page.getByTestId('listing-contact'), PHONE);
    // A specification kept with the need.
    await page
      .getByTestId('listing-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '采购规格.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(page.locator('[data-testid="attachment-row"][data-name="采购规格.pdf"]'));
    await signOut();

    await signIn(JL.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    ids.offer = await publish(
      '供给',
      OFFER,
      '长春米业年产吉林大米三万吨，可提供冷链配送。',
      '李厂长',
      '0431-85550000',
      '吉林省—浙江省',
    );
    await containsText(page.getByTestId('listing-facts'), '吉林省—浙江省');
    // Not yet public: the need is not found by the other enterprise.
    await page.goto(`/listings/${ids.need}`);
    await visible(page.getByText('页面不存在'));
    await signOut();
  });

  it('the 吉林 pairing office approves both', async () => {
    await signIn(OFFICE.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    for (const id of [ids.need, ids.offer]) {
      await page.goto(`/listings/${id}`);
      await page.getByTestId('listing-publish').click();
      await containsText(page.getByTestId('listing-facts'), '已发布');
    }
    // The office does not see the contact of a listing it does not own.
    await page.goto(`/listings/${ids.need}`);
    await containsText(page.getByTestId('listing-facts'), '发布方接受意向后可见');
    // Its file is there for the office; the list exports as filtered, without the contact.
    await visible(page.locator('[data-testid="attachment-row"][data-name="采购规格.pdf"]'));
    await page.goto('/listings?kind=need');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^供需对接清单-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(NEED);
    expect(cells).not.toContain(OFFER);
    expect(cells.join(' ')).not.toContain(PHONE);
    await signOut();
  });

  it('the 吉林 enterprise sees the need among its offer’s matches with reasons, and expresses interest', async () => {
    await signIn(JL.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/listings/${ids.offer}`);
    const row = page.getByTestId('listing-matches').locator('tr', { hasText: NEED });
    await visible(row);
    await containsText(row.getByTestId('match-reasons'), '匹配词');
    await containsText(row.getByTestId('match-reasons'), '吉林大米');
    await containsText(row.getByTestId('match-reasons'), '吉林省—浙江省');
    await containsText(row.getByTestId('match-reasons'), '对方为需求');
    expect(await page.getByTestId('listing-matches').innerText()).not.toContain(PHONE);
    await row.getByTestId('match-interest').click();
    await page.getByTestId('interest-message').fill('我司可长期稳定供应吉林大米，欢迎洽谈。');
    await page.getByTestId('interest-send').click();
    await containsText(page.getByTestId('listing-interests'), '意向');
    await containsText(page.getByTestId('listing-interests'), '发布方接受意向后可见');
    await signOut();
  });

  it('the owner accepts; the contact appears on the 吉林 side; the deal is signed and the project is in the ledger', async () => {
    await signIn(ZJ.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/listings/${ids.need}`);
    await containsText(page.getByTestId('listing-interests'), JL.org);
    await page.getByTestId('interest-accept').click();
    await containsText(page.getByTestId('listing-interests'), '洽谈');
    await signOut();

    await signIn(JL.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/listings/${ids.offer}`);
    await containsText(page.getByTestId('listing-interests'), PHONE);
    await page.getByTestId('interest-signed').click();
    await page.getByTestId('signed-project-title').fill(PROJECT);
    await page.getByTestId('signed-investor').fill(ZJ.org);
    await choose(page.getByTestId('signed-host'), '长春', '长春市');
    await page.getByTestId('signed-amount').fill('3000');
    await page.getByTestId('signed-confirm').click();
    await containsText(page.getByTestId('listing-interests'), '签约');
    await signOut();

    await signIn(OFFICE.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/projects?q=${encodeURIComponent('稻香米业')}`);
    await visible(page.getByText(PROJECT));
    // The pairing page counts it: two listings, one interest, its contact revealed, one deal become a project.
    const pairing = await e2e.server.deps.db.execute<{ id: string }>(
      sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`,
    );
    await page.goto(`/pairings/${pairing.rows[0]!.id}`);
    await scrollUntil(page, page.getByTestId('listing-counts'));
    await hasAttribute(page.getByTestId('listing-count-listings'), 'data-value', '2');
    await hasAttribute(page.getByTestId('listing-count-contactsRevealed'), 'data-value', '1');
    await hasAttribute(page.getByTestId('listing-count-deals'), 'data-value', '1');
    await hasAttribute(page.getByTestId('listing-count-projects'), 'data-value', '1');
    expect(pageErrors).toEqual([]);
  });

  it('an institute registers itself, the 吉林 office approves it, and it adds and disables a colleague’s account', async () => {
    await signOut();
    await page.goto('/login');
    await page.getByTestId('register-link').click();
    await page.getByTestId('register-form').waitFor();
    await page.getByTestId('register-org').fill('吉林省农业科学院');
    await page.getByText('高校及科研院所').click();
    await page.getByTestId('register-credit-code').fill('91110000710931141K');
    // Region and industry are chosen by name (the region searched as one types).
    await page.getByTestId('register-region').click();
    await page.keyboard.type('长春');
    // The city itself, not one of its zones (长春新区…, listed with 长春市 as their context).
    await pick(page.getByTestId('register-region'), /^长春市（吉林省）/);
    await page.getByTestId('register-industry').click();
    await page.keyboard.type('研究和试验');
    await pick(page.getByTestId('register-industry'), '73 研究和试验发展');
    await page.getByTestId('register-contact').fill('李研究员');
    await page.getByTestId('register-phone').fill('0431-87063000');
    await page.getByTestId('register-username').fill('jaas');
    await page.getByTestId('register-password').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    // The check character is wrong: the field says so and nothing is registered.
    await containsText(page.getByTestId('register-form'), '校验位不正确');
    await page.getByTestId('register-credit-code').fill('91110000710931141J');
    await page.getByTestId('register-submit').click();
    await containsText(page.getByTestId('register-done'), '待所在地区对口合作办公室审核');

    await signIn(OFFICE.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/listings/registrations');
    const row = page.getByTestId('registrations-table').locator('tr', { hasText: '吉林省农业科学院' });
    await row.getByTestId('registration-approve').click();
    await containsText(row.getByTestId('registration-state'), '已通过');
    await signOut();

    await signIn('jaas', PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/listings/organisation-users');
    await page.getByTestId('org-user-invite').click();
    await page.getByTestId('invite-username').fill('jaas-li');
    await page.getByTestId('invite-name').fill('李助理');
    await page.getByTestId('invite-password').fill('Colleague#2026x');
    await page.getByTestId('invite-confirm').click();
    const colleague = page.getByTestId('org-users-table').locator('tr', { hasText: 'jaas-li' });
    await containsText(colleague, '启用');
    await colleague.getByTestId('org-user-toggle-jaas-li').click();
    await containsText(colleague, '已停用');
    await signOut();
    expect(pageErrors).toEqual([]);
  });
});
