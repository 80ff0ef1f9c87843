import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../server/http/system-actor.ts';
import { newProject } from '../../server/modules/projects/test-support/project-api.ts';
import { buildProject } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { journey } from './harness.ts';

/*
 * A visitor without an account, in Chromium against the real server: from the public site's home page to the
 * open-data page by the footer's link, reads the dictionary, and downloads the project totals as CSV; the file
 * opens in Excel (UTF-8 BOM), is headed in Chinese, and holds the published project's 签约额 but not the
 * unpublished one's. The public pages have no script, so the web app's build is not needed.
 */
describe.skipIf(!hasChromium())('open data for a visitor in Chromium', () => {
  const j = journey('duikou-open-data-e2e-', {
    acceptDownloads: true,
    setup: async (server) => {
      const db = server.deps.db;
      const ctx = systemContext(server.deps);
      const jzId = await pairingIdNamed(server, '吉林省—浙江省');
      const published = await buildProject(
        ctx,
        newProject(jzId, {
          title: '长春汽车零部件项目',
          investor: '宁波甲公司',
          stage: 'signed',
          stageOn: '2025-03-01',
          signedAmount: '12345.6',
        }) as never,
      );
      await buildProject(
        ctx,
        newProject(jzId, {
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
    },
  });

  it('goes from the public home page to the data page and downloads the project totals as CSV', async () => {
    await j.page.goto('/public');
    await j.page.locator('footer').getByRole('link', { name: '开放数据' }).click();
    await j.page.waitForURL('**/public/data');
    expect(await j.page.getByRole('heading', { level: 1 }).textContent()).toBe('开放数据');
    // The dictionary names the money fields with their unit.
    expect(await j.page.locator('li.card', { hasText: 'signedWan' }).textContent()).toContain('万元');

    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('open-projects-csv').click(),
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
    expect(j.pageErrors).toEqual([]);
  });
});
