import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CORPUS_DIR } from '../../server/modules/plans/parser/test-support/corpus.ts';
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
 * Issue 15 in Chromium: a pairing office uploads a plan the parser was not built on (the corpus's 辽宁—江苏 work
 * points), checks the sub-pairs it names in the preview — accepts one, corrects an ambiguous one (which 铁西区, which
 * 鼓楼区), rejects one — confirms, and finds the two on the pairing's page.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'liaoning-pairs', displayName: '辽宁省对口合作办', org: '辽宁省发展改革委' };
const PLAN = fs.readFileSync(path.join(CORPUS_DIR, 'liaoning-jiangsu-2026.txt'));

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('sub-pairs in the plan import preview', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const { signIn, pick, poll, visible, containsText, hasCount, hasAttribute } = pageHelpers(() => page);

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-plan-subpairs-e2e-');
    await createUsers(e2e.server, [{ ...OFFICE, region: '210000' }], PASSWORD);
    ({ browser, page, pageErrors } = await openBrowser(e2e.server));
  }, 120_000);

  screenshotOnFailure(() => page);

  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });

  const suggestion = (name: string) => page.getByTestId('subpair-suggestion').filter({ hasText: name });
  const rows = () => page.getByTestId('subpair-table').getByTestId('subpair-row');
  let pairingUrl = '';
  let before = 0;

  it('accepts one sub-pair, corrects an ambiguous one, rejects one, and finds the accepted two on the pairing', async () => {
    await signIn(OFFICE.username, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/pairings');
    await page.getByTestId('pairing-row').filter({ hasText: '辽宁省—江苏省' }).first().click();
    await page.waitForURL(/\/pairings\/[0-9a-f-]{36}$/);
    pairingUrl = page.url();
    await visible(page.getByTestId('subpair-table'));
    before = await rows().count();
    expect(await page.getByTestId('subpair-table').innerText()).not.toContain('铁东区');

    await page.getByRole('menuitem', { name: '导入方案' }).click();
    await page.waitForURL('**/plans/import');
    await page.getByTestId('plan-upload').waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '辽宁江苏2026年工作要点.txt', mimeType: 'text/plain', buffer: PLAN });
    await page.getByTestId('plan-preview').waitFor();

    // Each found pair with the sentence it comes from.
    await visible(suggestion('铁东区—铜山区'));
    await containsText(suggestion('铁东区—铜山区').getByTestId('subpair-clause'), '推动鞍山市铁东区与徐州市铜山区');
    await suggestion('铁东区—铜山区').getByTestId('subpair-accept').click();
    await hasAttribute(suggestion('铁东区—铜山区'), 'data-decision', 'accept');

    // 铁西区 and 鼓楼区 are in two cities each on their side: the preview names them and waits for a choice.
    const ambiguous = page.locator('[data-testid="subpair-suggestion"][data-resolved="false"]').filter({
      hasText: '支持铁西区与鼓楼区开展老工业基地转型经验交流',
    });
    await containsText(ambiguous, '沈阳市铁西区、鞍山市铁西区');
    await ambiguous.getByTestId('subpair-correct').click();
    await pick(ambiguous.getByTestId('subpair-sideA'), '鞍山市铁西区');
    await pick(ambiguous.getByTestId('subpair-sideB'), '徐州市鼓楼区');
    await ambiguous.getByTestId('subpair-accept').click();
    await hasAttribute(ambiguous, 'data-decision', 'accept');

    await suggestion('千山区—贾汪区').getByTestId('subpair-reject').click();
    await hasAttribute(suggestion('千山区—贾汪区'), 'data-decision', 'reject');

    await page.getByTestId('preview-confirm').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);

    await page.goto(pairingUrl);
    await visible(page.getByTestId('subpair-table'));
    await hasCount(rows(), before + 2);
    await containsText(page.getByTestId('subpair-table'), '铁东区');
    await containsText(page.getByTestId('subpair-table'), '铁西区');
    expect(await page.getByTestId('subpair-table').innerText()).not.toContain('千山区');
    await poll(async () => pageErrors).toEqual([]);
  });
});
