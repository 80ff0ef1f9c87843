import type { Page } from 'playwright-core';
import { totpClock, totpCodeAt } from '../../server/security/totp.ts';

/**
 * The user's phone in the browser journeys. The server runs in this process, so its TOTP clock is this clock,
 * moved one 30-second step per code made here: a journey signs in again at once without waiting for a new step
 * (a code is accepted once).
 */
const phone = { ms: Date.now(), secrets: new Map<string, string>() };
totpClock.nowMs = () => phone.ms;

export async function nextCode(username: string): Promise<string> {
  phone.ms += 30_000;
  return totpCodeAt(phone.secrets.get(username)!, phone.ms);
}

/**
 * The set-up a 三员 account is held at after its first sign-in: the password again, the key read from the page (as
 * the phone scans it), the first code, and the recovery codes, which are answered.
 */
export async function enrolTotpInBrowser(page: Page, username: string, password: string): Promise<string[]> {
  await page.getByTestId('pending-step').waitFor();
  await page.getByTestId('totp-password').fill(password);
  await page.getByTestId('totp-start').click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  phone.secrets.set(username, secret);
  await page.getByTestId('totp-code').fill(await nextCode(username));
  await page.getByTestId('totp-confirm').click();
  const codes = (await page.getByTestId('recovery-codes').innerText()).trim().split(/\s+/);
  await page.getByTestId('recovery-done').click();
  await page.getByTestId('pending-step').waitFor({ state: 'detached' });
  return codes;
}
