import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

/*
 * Bulk assignment in Chromium: the office of 吉林—浙江 opens 批量分工 from its plan, selects the section 体制机制创新
 * and gives all ten tasks one unit at once; then takes the unit a clause names (省商务厅) as suggested for that task.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = {
  username: 'jilin-office',
  displayName: '吉林省对口合作办',
  org: '吉林省发展改革委',
  region: '220000',
  kind: 'pairing_office',
};
const UNIT = {
  username: 'jilin-commerce',
  displayName: '商务厅联络员',
  org: '吉林省商务厅',
  region: '220000',
  kind: 'lead_unit',
};

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('bulk assignment in Chromium', () => {
  const j = journey('duikou-bulk-e2e-', {
    users: [OFFICE, UNIT],
    password: PASSWORD,
    setup: async (server) => {
      const db = server.deps.db;
      planId = (
        await db.execute<{ id: string }>(sql`
          SELECT p.id FROM plans p JOIN pairings pr ON pr.id = p.pairing_id
          WHERE p.current AND p.kind = 'implementation' AND pr.name = '吉林省—浙江省'`)
      ).rows[0]!.id;
      // A clause that names its unit, as many plans do.
      await db.execute(
        sql`UPDATE tasks SET text = text || '由省商务厅牵头。' WHERE plan_id = ${planId} AND code = '12'`,
      );
    },
  });
  let planId = '';
  const { openAs, choose, optionOf, visible, containsText, hasCount, hasAttribute } = j;
  const row = (code: string) => j.page.locator(`[data-testid="bulk-row"][data-code="${code}"]`);

  it('gives every task of a section one unit at once', async () => {
    await openAs(OFFICE.username, `/plans/${planId}`);
    await j.page.getByTestId('bulk-assign-open').click();
    await j.page.waitForURL(`**/plans/${planId}/assign`);
    await hasCount(j.page.getByTestId('bulk-row'), 39);
    await j.page.getByTestId('bulk-select-unassigned').click();
    await hasAttribute(j.page.getByTestId('bulk-selected'), 'data-count', '39');

    await j.page.getByTestId('bulk-section').click();
    await optionOf('体制机制创新').click();
    await j.page.getByTestId('bulk-select-section').click();
    await hasAttribute(j.page.getByTestId('bulk-selected'), 'data-count', '10');
    await choose(j.page.getByTestId('organisation-select'), '商务厅', /吉林省商务厅/);
    await j.page.getByTestId('bulk-add').click();
    await hasAttribute(j.page.getByTestId('bulk-selected'), 'data-count', '0');
    for (const code of ['1', '5', '10']) await containsText(row(code), '吉林省商务厅');
    await containsText(row('11'), '尚未分工');
  });

  it('takes the unit a clause names, as suggested', async () => {
    await containsText(row('12').getByTestId('bulk-suggestion'), '吉林省商务厅');
    await row('12').locator('input[type="checkbox"]').check();
    await j.page.getByTestId('bulk-apply-suggestions').click();
    await containsText(row('12'), '吉林省商务厅');
    await hasCount(row('12').getByTestId('bulk-suggestion'), 0);
    // The task page shows the unit, and its light is judged again (no longer grey).
    await row('12').getByRole('link').first().click();
    await j.page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await visible(j.page.getByText('吉林省商务厅').first());
    expect(j.pageErrors).toEqual([]);
  });
});
