import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { openBrowser, pageHelpers, screenshotOnFailure, startE2eServer, type E2eServer } from './harness.ts';
import { enrolTotpInBrowser, nextCode } from './totp-steps.ts';

/*
 * Two-factor sign-in in a real browser: a 三员 account is held at TOTP set-up after its first sign-in, then signs in
 * with its password and a code, and with a recovery code when the phone is gone.
 */
const ADMIN = { username: 'secadmin', displayName: '安全管理员', password: 'Anquan#2026' };

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('two-factor sign-in in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-totp-e2e-');
    const res = await fetch(`${e2e.server.url.replace('localhost', '127.0.0.1')}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'setup' },
      body: JSON.stringify({ ...ADMIN, token: e2e.setupToken }),
    });
    expect(res.status).toBe(201);
    ({ browser, page, pageErrors } = await openBrowser(e2e.server));
  }, 120_000);

  screenshotOnFailure(() => page);

  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  const { signIn, signOut, visible, hasText, containsText } = pageHelpers(() => page);

  it('the first sign-in of an administrator can do nothing but set up the authenticator', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(page.getByTestId('pending-step'));
    await containsText(page.getByTestId('pending-step'), '双因素认证');
    recoveryCodes = await enrolTotpInBrowser(page, ADMIN.username, ADMIN.password);
    expect(recoveryCodes).toHaveLength(10);
    await hasText(page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
  });

  it('signs in with the password and then the code the authenticator shows', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(page.getByTestId('login-totp'));
    await page.getByTestId('login-totp').fill('000000');
    await page.getByTestId('login-submit').click();
    await containsText(page.getByTestId('login-error'), '动态口令');
    await page.getByTestId('login-totp').fill(await nextCode(ADMIN.username));
    await page.getByTestId('login-submit').click();
    await hasText(page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
  });

  it('signs in once with a recovery code instead of a code', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(page.getByTestId('login-totp'));
    await page.getByTestId('login-switch-second').click();
    await page.getByTestId('login-recovery').fill(recoveryCodes[0]!);
    await page.getByTestId('login-submit').click();
    await hasText(page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
    expect(pageErrors).toEqual([]);
  });
});
