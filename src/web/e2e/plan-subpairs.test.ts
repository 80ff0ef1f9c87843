import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../server/modules/plans/parser/test-support/corpus.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

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
  const j = journey('duikou-plan-subpairs-e2e-', {
    users: [{ ...OFFICE, region: '210000' }],
    password: PASSWORD,
  });
  const { openAs, pick, poll, visible, containsText, hasCount, hasAttribute } = j;

  const suggestion = (name: string) => j.page.getByTestId('subpair-suggestion').filter({ hasText: name });
  const rows = () => j.page.getByTestId('subpair-table').getByTestId('subpair-row');
  let pairingUrl = '';
  let before = 0;

  it('accepts one sub-pair, corrects an ambiguous one, rejects one, and finds the accepted two on the pairing', async () => {
    await openAs(OFFICE.username, '/pairings');
    await j.page.getByTestId('pairing-row').filter({ hasText: '辽宁省—江苏省' }).first().click();
    await j.page.waitForURL(/\/pairings\/[0-9a-f-]{36}$/);
    pairingUrl = j.page.url();
    await visible(j.page.getByTestId('subpair-table'));
    before = await rows().count();
    expect(await j.page.getByTestId('subpair-table').innerText()).not.toContain('铁东区');

    await j.page.getByRole('menuitem', { name: '导入方案' }).click();
    await j.page.waitForURL('**/plans/import');
    await j.page.getByTestId('plan-upload').waitFor();
    await j.page
      .locator('input[type=file]')
      .setInputFiles({ name: '辽宁江苏2026年工作要点.txt', mimeType: 'text/plain', buffer: PLAN });
    await j.page.getByTestId('plan-preview').waitFor();

    // Each found pair with the sentence it comes from.
    await visible(suggestion('铁东区—铜山区'));
    await containsText(suggestion('铁东区—铜山区').getByTestId('subpair-clause'), '推动鞍山市铁东区与徐州市铜山区');
    await suggestion('铁东区—铜山区').getByTestId('subpair-accept').click();
    await hasAttribute(suggestion('铁东区—铜山区'), 'data-decision', 'accept');

    // 铁西区 and 鼓楼区 are in two cities each on their side: the preview names them and waits for a choice.
    const ambiguous = j.page.locator('[data-testid="subpair-suggestion"][data-resolved="false"]').filter({
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

    await j.page.getByTestId('preview-confirm').click();
    await j.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);

    await j.page.goto(pairingUrl);
    await visible(j.page.getByTestId('subpair-table'));
    await hasCount(rows(), before + 2);
    await containsText(j.page.getByTestId('subpair-table'), '铁东区');
    await containsText(j.page.getByTestId('subpair-table'), '铁西区');
    expect(await j.page.getByTestId('subpair-table').innerText()).not.toContain('千山区');
    await poll(async () => j.pageErrors).toEqual([]);
  });
});
