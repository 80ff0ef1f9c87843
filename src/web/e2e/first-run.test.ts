import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
import { enrolTotpInBrowser } from './totp-steps.ts';

/*
 * The administrator's first run in Chromium: after setup the users page opens with the checklist; one click each
 * creates the national office and 吉林省发展改革委 as the plan names it; a user for the office, with a password the
 * administrator sets, is created from the same page; that user must choose a new password at the first sign-in
 * before anything else, and then reaches the product.
 */

const PASSWORD = 'Duikou#2026';
const ADMIN = {
  username: 'sysadmin',
  displayName: '系统管理员',
  org: '平台运维中心',
  region: '000000',
  kind: 'operator',
  roles: ['sys_admin' as const],
};
const OFFICE_USER = { username: 'jilin-fgw', displayName: '吉林省对口合作处', password: 'Jilin#2026set' };
const NEW_PASSWORD = 'Jilin#2026mine';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('the first-run checklist in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const { signIn, optionOf, choose, visible, hidden, containsText, hasAttribute, hasCount } = pageHelpers(() => page);
  const office = (name: string) => page.locator(`[data-testid="first-run-office"][data-name="${name}"]`);

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-first-run-e2e-');
    await createUsers(e2e.server, [ADMIN], PASSWORD);
    ({ browser, page, pageErrors } = await openBrowser(e2e.server));
  }, 120_000);

  screenshotOnFailure(() => page);

  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  it('the administrator lands on the checklist and creates the national office and a pairing office, one click each', async () => {
    await signIn(ADMIN.username, PASSWORD);
    await enrolTotpInBrowser(page, ADMIN.username, PASSWORD);
    await page.waitForURL('**/admin/users');
    await visible(page.getByTestId('first-run'));
    await hasAttribute(office('国家发展改革委'), 'data-state', 'missing');
    await hasAttribute(office('浙江省发展改革委（省对口支援办）'), 'data-state', 'missing');
    await containsText(office('吉林省发展改革委'), '吉林省对口合作工作领导小组办公室');
    await containsText(office('吉林省发展改革委'), '吉林省—浙江省');

    await office('国家发展改革委').getByTestId('first-run-create').click();
    await hasAttribute(office('国家发展改革委'), 'data-state', 'no-user');
    await containsText(office('国家发展改革委'), '国家对口合作工作办公室');
    await office('吉林省发展改革委').getByTestId('first-run-create').click();
    await hasAttribute(office('吉林省发展改革委'), 'data-state', 'no-user');
    await page.goto('/admin/organisations');
    await visible(page.getByTestId('organisation-row').filter({ hasText: '吉林省发展改革委' }));
  });

  it('creates a user for the office with an initial password; the step is checked off', async () => {
    await page.goto('/admin/users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-username').fill(OFFICE_USER.username);
    await page.getByTestId('user-displayName').fill(OFFICE_USER.displayName);
    await choose(page.getByTestId('user-form').getByTestId('organisation-select'), '吉林', '吉林省发展改革委');
    await page.getByTestId('user-roles').click();
    await optionOf('对口合作办公室').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-password').fill(OFFICE_USER.password);
    await page.getByTestId('user-save').click();
    await hidden(page.getByTestId('user-form'));
    await hasAttribute(office('吉林省发展改革委'), 'data-state', 'done');
    await hasAttribute(office('国家发展改革委'), 'data-state', 'no-user');
  });

  it('the new user must choose a new password at the first sign-in before anything else', async () => {
    await page.context().clearCookies();
    await signIn(OFFICE_USER.username, OFFICE_USER.password);
    await page.getByTestId('pending-step').waitFor();
    await containsText(page.getByTestId('pending-step'), '您的密码由管理员设置');
    // Nothing else is offered until then: no menu.
    await hasCount(page.getByRole('menuitem'), 0);
    await page.locator('#currentPassword').fill(OFFICE_USER.password);
    await page.locator('#newPassword').fill(NEW_PASSWORD);
    await page.locator('#confirm').fill(NEW_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('pending-step').waitFor({ state: 'detached' });
    await visible(page.getByRole('menuitem', { name: /工作台/ }));

    // The new password is the one that works from now on.
    await page.context().clearCookies();
    await signIn(OFFICE_USER.username, NEW_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await hasCount(page.getByTestId('pending-step'), 0);
    expect(pageErrors).toEqual([]);
  });
});
