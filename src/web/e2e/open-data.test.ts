import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/http/system-actor.ts';
import { newProject } from '../../server/modules/projects/test-support/project-api.ts';
import { buildProject } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { type E2eServer, openBrowser, screenshotOnFailure, startE2eServer } from './harness.ts';

/*
 * A visitor without an account, in Chromium against the real server: from the public site's home page to the
 * open-data page by the footer's link, reads the dictionary, and downloads the project totals as CSV; the file
 * opens in Excel (UTF-8 BOM), is headed in Chinese, and holds the published project's 签约额 but not the
 * unpublished one's. The public pages have no script, so the web app's build is not needed.
 */
describe.skipIf(!hasChromium())('open data for a visitor in Chromium', () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    e2e = await startE2eServer('duikou-open-data-e2e-');
    const db = e2e.server.deps.db;
    const ctx = systemContext(e2e.server.deps);
    const [jz] = (await db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`)).rows;
    const published = await buildProject(
      ctx,
      newProject(jz!.id, {
        title: '长春汽车零部件项目',
        investor: '宁波甲公司',
        stage: 'signed',
        stageOn: '2025-03-01',
        signedAmount: '12345.6',
      }) as never,
    );
    await buildProject(
      ctx,
      newProject(jz!.id, {
        title: '尚未公开的项目',
        investor: '杭州乙公司',
        stage: 'signed',
        stageOn: '2025-04-01',
        signedAmount: '98765',
      }) as never,
    );
    await db.execute(
      sql`UPDATE projects SET published_at = now(), public_summary = '零部件配套' WHERE id = ${published}`,
    );
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

  it('goes from the public home page to the data page and downloads the project totals as CSV', async () => {
    await page.goto('/public');
    await page.locator('footer').getByRole('link', { name: '开放数据' }).click();
    await page.waitForURL('**/public/data');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('开放数据');
    // The dictionary names the money fields with their unit.
    expect(await page.locator('li.card', { hasText: 'signedWan' }).textContent()).toContain('万元');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('open-projects-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('projects.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('签约额');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('吉林省—浙江省');
    expect(lines[1]).toContain(',2025,1,12345.6,0,否');
    expect(bytes.toString('utf8')).not.toContain('98765');
    expect(pageErrors).toEqual([]);
  });
});
