import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';
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
  let recoveryCodes: string[] = [];
  // The administrator made by the first start's set-up, as an operator would with the console's link.
  const j = journey('duikou-totp-e2e-', {
    setup: async (server, _organisations, e2e) => {
      const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': 'setup' },
        body: JSON.stringify({ ...ADMIN, token: e2e.setupToken }),
      });
      expect(res.status).toBe(201);
    },
  });
  const { signIn, signOut, visible, hasText, containsText } = j;

  it('the first sign-in of an administrator can do nothing but set up the authenticator', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(j.page.getByTestId('pending-step'));
    await containsText(j.page.getByTestId('pending-step'), '双因素认证');
    recoveryCodes = await enrolTotpInBrowser(j.page, ADMIN.username, ADMIN.password);
    expect(recoveryCodes).toHaveLength(10);
    await hasText(j.page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
  });

  it('signs in with the password and then the code the authenticator shows', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(j.page.getByTestId('login-totp'));
    await j.page.getByTestId('login-totp').fill('000000');
    await j.page.getByTestId('login-submit').click();
    await containsText(j.page.getByTestId('login-error'), '动态口令');
    await j.page.getByTestId('login-totp').fill(await nextCode(ADMIN.username));
    await j.page.getByTestId('login-submit').click();
    await hasText(j.page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
  });

  it('signs in once with a recovery code instead of a code', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await visible(j.page.getByTestId('login-totp'));
    await j.page.getByTestId('login-switch-second').click();
    await j.page.getByTestId('login-recovery').fill(recoveryCodes[0]!);
    await j.page.getByTestId('login-submit').click();
    await hasText(j.page.getByTestId('user-name'), ADMIN.displayName);
    await signOut();
    expect(j.pageErrors).toEqual([]);
  });
});
