import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

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
  const j = journey('duikou-first-run-e2e-', {
    users: [ADMIN],
    password: PASSWORD,
  });
  const { openAs, signIn, optionOf, choose, visible, hidden, containsText, hasAttribute, hasCount } = j;
  const office = (name: string) => j.page.locator(`[data-testid="first-run-office"][data-name="${name}"]`);

  it('the administrator lands on the checklist and creates the national office and a pairing office, one click each', async () => {
    // The administrator sets up its second factor at this first sign-in (openAs does the steps), then lands on the
    // users page.
    await openAs(ADMIN.username);
    await j.page.waitForURL('**/admin/users');
    await visible(j.page.getByTestId('first-run'));
    await hasAttribute(office('国家发展改革委'), 'data-state', 'missing');
    await hasAttribute(office('浙江省发展改革委（省对口支援办）'), 'data-state', 'missing');
    await containsText(office('吉林省发展改革委'), '吉林省对口合作工作领导小组办公室');
    await containsText(office('吉林省发展改革委'), '吉林省—浙江省');

    await office('国家发展改革委').getByTestId('first-run-create').click();
    await hasAttribute(office('国家发展改革委'), 'data-state', 'no-user');
    await containsText(office('国家发展改革委'), '国家对口合作工作办公室');
    await office('吉林省发展改革委').getByTestId('first-run-create').click();
    await hasAttribute(office('吉林省发展改革委'), 'data-state', 'no-user');
    await j.page.goto('/admin/organisations');
    await visible(j.page.getByTestId('organisation-row').filter({ hasText: '吉林省发展改革委' }));
  });

  it('creates a user for the office with an initial password; the step is checked off', async () => {
    await j.page.goto('/admin/users');
    await j.page.getByTestId('user-create').click();
    await j.page.getByTestId('user-form').waitFor();
    await j.page.getByTestId('user-username').fill(OFFICE_USER.username);
    await j.page.getByTestId('user-displayName').fill(OFFICE_USER.displayName);
    await choose(j.page.getByTestId('user-form').getByTestId('organisation-select'), '吉林', '吉林省发展改革委');
    await j.page.getByTestId('user-roles').click();
    await optionOf('对口合作办公室').click();
    await j.page.keyboard.press('Escape');
    await j.page.getByTestId('user-password').fill(OFFICE_USER.password);
    await j.page.getByTestId('user-save').click();
    await hidden(j.page.getByTestId('user-form'));
    await hasAttribute(office('吉林省发展改革委'), 'data-state', 'done');
    await hasAttribute(office('国家发展改革委'), 'data-state', 'no-user');
  });

  it('the new user must choose a new password at the first sign-in before anything else', async () => {
    await j.page.context().clearCookies();
    await signIn(OFFICE_USER.username, OFFICE_USER.password);
    await j.page.getByTestId('pending-step').waitFor();
    await containsText(j.page.getByTestId('pending-step'), '您的密码由管理员设置');
    // Nothing else is offered until then: no menu.
    await hasCount(j.page.getByRole('menuitem'), 0);
    await j.page.locator('#currentPassword').fill(OFFICE_USER.password);
    await j.page.locator('#newPassword').fill(NEW_PASSWORD);
    await j.page.locator('#confirm').fill(NEW_PASSWORD);
    await j.page.getByTestId('change-password-submit').click();
    await j.page.getByTestId('pending-step').waitFor({ state: 'detached' });
    await visible(j.page.getByRole('menuitem', { name: /工作台/ }));

    // The new password is the one that works from now on.
    await j.page.context().clearCookies();
    await signIn(OFFICE_USER.username, NEW_PASSWORD);
    await j.page.waitForURL((url) => url.pathname === '/');
    await hasCount(j.page.getByTestId('pending-step'), 0);
    expect(j.pageErrors).toEqual([]);
  });
});
