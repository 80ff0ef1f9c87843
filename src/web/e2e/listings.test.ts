import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey, scrollUntil } from './harness.ts';

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
  const ids = { need: '', offer: '' };
  const j = journey('duikou-listings-e2e-', { users: [ZJ, JL, OFFICE], password: PASSWORD, acceptDownloads: true });
  const { openAs, signOut, pick, choose, visible, containsText, hasAttribute } = j;

  async function publish(
    kind: '供给' | '需求',
    title: string,
    description: string,
    contact: string,
    phone: string,
    pairing?: string,
  ) {
    await j.page.goto('/listings');
    await j.page.getByTestId('listing-create').click();
    await j.page.getByTestId('listing-form').waitFor();
    await pick(j.page.getByTestId('listing-kind'), kind);
    await j.page.getByTestId('listing-title').fill(title);
    await j.page.getByTestId('listing-description').fill(description);
    await j.page.getByTestId('listing-contact-name').fill(contact);
    await j.page.getByTestId('listing-contact-phone').fill(phone);
    // Left empty, the pairing comes from the region; named, it is the one chosen.
    if (pairing) await pick(j.page.getByTestId('listing-pairing'), pairing);
    await j.page.getByTestId('listing-save').click();
    await j.page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await containsText(j.page.getByTestId('listing-facts'), '待审核');
    return j.page.url().split('/').pop()!;
  }

  it('an enterprise in 浙江 publishes a need for 吉林大米 and one in 吉林 its offer; both wait for approval', async () => {
    await openAs(ZJ.username);
    ids.need = await publish(
      '需求',
      NEED,
      '杭州粮油企业求购优质吉林大米，年需求约五千吨，需冷链运输到杭州。',
      '王经理',
      PHONE,
    );
    // Its owner sees its own contact.
    await containsText(j.page.getByTestId('listing-contact'), PHONE);
    // A specification kept with the need.
    await j.page
      .getByTestId('listing-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '采购规格.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="采购规格.pdf"]'));
    await signOut();

    await openAs(JL.username);
    ids.offer = await publish(
      '供给',
      OFFER,
      '长春米业年产吉林大米三万吨，可提供冷链配送。',
      '李厂长',
      '0431-85550000',
      '吉林省—浙江省',
    );
    await containsText(j.page.getByTestId('listing-facts'), '吉林省—浙江省');
    // Not yet public: the need is not found by the other enterprise.
    await j.page.goto(`/listings/${ids.need}`);
    await visible(j.page.getByText('页面不存在'));
    await signOut();
  });

  it('the 吉林 pairing office approves both', async () => {
    await openAs(OFFICE.username);
    for (const id of [ids.need, ids.offer]) {
      await j.page.goto(`/listings/${id}`);
      await j.page.getByTestId('listing-publish').click();
      await containsText(j.page.getByTestId('listing-facts'), '已发布');
    }
    // The office does not see the contact of a listing it does not own.
    await j.page.goto(`/listings/${ids.need}`);
    await containsText(j.page.getByTestId('listing-facts'), '发布方接受意向后可见');
    // Its file is there for the office; the list exports as filtered, without the contact.
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="采购规格.pdf"]'));
    await j.page.goto('/listings?kind=need');
    const [download] = await Promise.all([j.page.waitForEvent('download'), j.page.getByTestId('list-export').click()]);
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
    await openAs(JL.username, `/listings/${ids.offer}`);
    const row = j.page.getByTestId('listing-matches').locator('tr', { hasText: NEED });
    await visible(row);
    await containsText(row.getByTestId('match-reasons'), '匹配词');
    await containsText(row.getByTestId('match-reasons'), '吉林大米');
    await containsText(row.getByTestId('match-reasons'), '吉林省—浙江省');
    await containsText(row.getByTestId('match-reasons'), '对方为需求');
    expect(await j.page.getByTestId('listing-matches').innerText()).not.toContain(PHONE);
    await row.getByTestId('match-interest').click();
    await j.page.getByTestId('interest-message').fill('我司可长期稳定供应吉林大米，欢迎洽谈。');
    await j.page.getByTestId('interest-send').click();
    await containsText(j.page.getByTestId('listing-interests'), '意向');
    await containsText(j.page.getByTestId('listing-interests'), '发布方接受意向后可见');
    await signOut();
  });

  it('the owner accepts; the contact appears on the 吉林 side; the deal is signed and the project is in the ledger', async () => {
    await openAs(ZJ.username, `/listings/${ids.need}`);
    await containsText(j.page.getByTestId('listing-interests'), JL.org);
    await j.page.getByTestId('interest-accept').click();
    await containsText(j.page.getByTestId('listing-interests'), '洽谈');
    await signOut();

    await openAs(JL.username, `/listings/${ids.offer}`);
    await containsText(j.page.getByTestId('listing-interests'), PHONE);
    await j.page.getByTestId('interest-signed').click();
    await j.page.getByTestId('signed-project-title').fill(PROJECT);
    await j.page.getByTestId('signed-investor').fill(ZJ.org);
    await choose(j.page.getByTestId('signed-host'), '长春', '长春市');
    await j.page.getByTestId('signed-amount').fill('3000');
    await j.page.getByTestId('signed-confirm').click();
    await containsText(j.page.getByTestId('listing-interests'), '签约');
    await signOut();

    await openAs(OFFICE.username, `/projects?q=${encodeURIComponent('稻香米业')}`);
    await visible(j.page.getByText(PROJECT));
    // The pairing page counts it: two listings, one interest, its contact revealed, one deal become a project.
    await j.page.goto(`/pairings/${await pairingIdNamed(j.server, '吉林省—浙江省')}`);
    await scrollUntil(j.page, j.page.getByTestId('listing-counts'));
    await hasAttribute(j.page.getByTestId('listing-count-listings'), 'data-value', '2');
    await hasAttribute(j.page.getByTestId('listing-count-contactsRevealed'), 'data-value', '1');
    await hasAttribute(j.page.getByTestId('listing-count-deals'), 'data-value', '1');
    await hasAttribute(j.page.getByTestId('listing-count-projects'), 'data-value', '1');
    expect(j.pageErrors).toEqual([]);
  });

  it('an institute registers itself, the 吉林 office approves it, and it adds and disables a colleague’s account', async () => {
    await signOut();
    await j.page.goto('/login');
    await j.page.getByTestId('register-link').click();
    await j.page.getByTestId('register-form').waitFor();
    await j.page.getByTestId('register-org').fill('吉林省农业科学院');
    await j.page.getByText('高校及科研院所').click();
    await j.page.getByTestId('register-credit-code').fill('91110000710931141K');
    // Region and industry are chosen by name (the region searched as one types).
    await j.page.getByTestId('register-region').click();
    await j.page.keyboard.type('长春');
    // The city itself, not one of its zones (长春新区…, listed with 长春市 as their context).
    await pick(j.page.getByTestId('register-region'), /^长春市（吉林省）/);
    await j.page.getByTestId('register-industry').click();
    await j.page.keyboard.type('研究和试验');
    await pick(j.page.getByTestId('register-industry'), '73 研究和试验发展');
    await j.page.getByTestId('register-contact').fill('李研究员');
    await j.page.getByTestId('register-phone').fill('0431-87063000');
    await j.page.getByTestId('register-username').fill('jaas');
    await j.page.getByTestId('register-password').fill(PASSWORD);
    await j.page.getByTestId('register-submit').click();
    // The check character is wrong: the field says so and nothing is registered.
    await containsText(j.page.getByTestId('register-form'), '校验位不正确');
    await j.page.getByTestId('register-credit-code').fill('91110000710931141J');
    await j.page.getByTestId('register-submit').click();
    await containsText(j.page.getByTestId('register-done'), '待所在地区对口合作办公室审核');

    await openAs(OFFICE.username, '/listings/registrations');
    const row = j.page.getByTestId('registrations-table').locator('tr', { hasText: '吉林省农业科学院' });
    await row.getByTestId('registration-approve').click();
    await containsText(row.getByTestId('registration-state'), '已通过');
    await signOut();

    await openAs('jaas');
    await j.page.goto('/listings/organisation-users');
    await j.page.getByTestId('org-user-invite').click();
    await j.page.getByTestId('invite-username').fill('jaas-li');
    await j.page.getByTestId('invite-name').fill('李助理');
    await j.page.getByTestId('invite-password').fill('Colleague#2026x');
    await j.page.getByTestId('invite-confirm').click();
    const colleague = j.page.getByTestId('org-users-table').locator('tr', { hasText: 'jaas-li' });
    await containsText(colleague, '启用');
    await colleague.getByTestId('org-user-toggle-jaas-li').click();
    await containsText(colleague, '已停用');
    await signOut();
    expect(j.pageErrors).toEqual([]);
  });
});
