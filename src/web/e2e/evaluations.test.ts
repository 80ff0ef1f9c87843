import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../server/kernel/dates.ts';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { pairingIdNamed, signedCarPartsProject } from './fixtures.ts';
import { journey, scrollUntil } from './harness.ts';

/*
 * 成效评估 in Chromium against the real server: the national office opens the 2024 round for 吉浙 and 辽苏 with
 * 到位率 scored linearly to a target of 50 %; the 吉林 office sees its computed value, writes its self-assessment,
 * attaches evidence and submits; the national office closes the round (values frozen and scored), publishes it,
 * praises 吉浙 and orders 辽苏 to rectify; the 辽宁 office finds the order as a tracked item and closes it with
 * evidence; the national dashboard shows the published ranking. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const NATIONAL = {
  username: 'ndrc-office',
  displayName: '国家发展改革委振兴司',
  org: '国家发展改革委',
  region: '000000',
  kind: 'national_office',
};
const JILIN = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const LIAONING = {
  username: 'liaoning-office',
  displayName: '辽宁省对口合作办',
  org: '辽宁省发展改革委',
  region: '210000',
};
const ROUND = '2024年度对口合作成效评估';
const NARRATIVE = '2024年，吉浙两省签约项目资金到位率达到60%，超过年度目标。';
const PRAISE = '吉浙对口合作项目资金到位率高，予以通报表扬';
const ORDER = '针对项目签约落地偏少的问题，制定整改方案并按季度报送进展';

const inDays = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('evaluation rounds in Chromium', () => {
  const j = journey('duikou-evaluations-e2e-', {
    users: [NATIONAL, JILIN, LIAONING],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      jilinZhejiang = await pairingIdNamed(server, '吉林省—浙江省');
      await signedCarPartsProject(server, jilinZhejiang);
    },
  });
  let roundId = '';
  let jilinZhejiang = '';
  const { openAs, signOut, choose, pick, poll, visible, hidden, containsText, hasCount, hasAttribute } = j;

  const numberInput = (testId: string) =>
    j.page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  /** Confirms the popover that asks `question` (not one still fading out from a step before), and waits for it to go. */
  const confirmPop = async (question: string) => {
    const pop = j.page.locator('.ant-popconfirm:visible', { hasText: question });
    await pop.locator('.ant-btn-primary').click();
    await hidden(pop);
  };
  const subjectCard = (pairing: string) => j.page.locator(`[data-testid="subject-card"][data-pairing="${pairing}"]`);
  const rankingRow = (pairing: string) => j.page.locator(`[data-testid="ranking-row"][data-pairing="${pairing}"]`);

  it("lets the national office set an indicator's targets and rename or deactivate one in the library", async () => {
    await openAs(NATIONAL.username, '/indicators');
    const row = (code: string) => j.page.locator(`[data-testid="indicator-row"][data-code="${code}"]`);
    // 2024 targets of 到位率: the programme's (the national dashboard's) and 吉浙's.
    const targetsOf2024 = async () => {
      await row('arrival_rate').getByTestId('indicator-targets').click();
      await Promise.all([
        j.page.waitForResponse((r) => r.url().includes('/targets?year=2024') && r.ok()),
        numberInput('targets-year').fill('2024'),
      ]);
      await visible(numberInput('target-programme'));
    };
    await targetsOf2024();
    await numberInput('target-programme').fill('50');
    await numberInput(`target-${jilinZhejiang}`).fill('55');
    await j.page.getByTestId('targets-save').click();
    await hidden(j.page.getByTestId('targets-save'));
    // Opened again, the year's saved targets are there to be edited.
    await targetsOf2024();
    await poll(() => numberInput('target-programme').inputValue()).toBe('50');
    await poll(() => numberInput(`target-${jilinZhejiang}`).inputValue()).toBe('55');
    await j.page.locator('.ant-modal:visible .ant-modal-close').click();
    await hidden(j.page.getByTestId('targets-save'));

    // 共建园区数 renamed, and taken out of use: marked 已停用 in the library.
    await row('parks').getByTestId('indicator-edit').click();
    await j.page.getByTestId('indicator-edit-name-zh').fill('共建园区个数');
    await j.page.getByTestId('indicator-edit-active').click();
    await j.page.getByTestId('indicator-edit-save').click();
    await hidden(j.page.getByTestId('indicator-edit-save'));
    await containsText(row('parks'), '共建园区个数');
    await containsText(row('parks'), '已停用');
  });

  it('lets the national office open a round with its indicator, target and grades', async () => {
    await j.page.goto('/');
    await j.page.getByRole('menuitem', { name: '成效评估' }).click();
    await j.page.waitForURL('**/evaluations');
    await j.page.getByTestId('round-open').click();
    await j.page.getByTestId('round-title').fill(ROUND);
    await numberInput('round-year').fill('2024');
    // A long list: the pairings are found by typing, as an official would.
    await choose(j.page.getByTestId('round-pairings'), '吉林省—浙江', '吉林省—浙江省');
    await choose(j.page.getByTestId('round-pairings'), '辽宁省—江苏', '辽宁省—江苏省');
    await pick(j.page.getByTestId('round-indicator-select').first(), '资金到位率');
    await numberInput('round-indicator-target').fill('50');
    await j.page.getByTestId('round-save').click();
    await j.page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    roundId = /\/evaluations\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasAttribute(j.page.getByTestId('round-state'), 'data-state', 'open');
    await containsText(j.page.getByTestId('round-title-shown'), ROUND);
    await hasCount(j.page.getByTestId('subject-card'), 2);
  });

  it('lets the 吉林 office see its value, write its self-assessment with evidence and submit it', async () => {
    await signOut();
    await openAs(JILIN.username);
    await j.page.getByRole('menuitem', { name: '成效评估' }).click();
    await j.page.locator('[data-testid="round-row"]', { hasText: ROUND }).getByRole('link').click();
    await j.page.waitForURL(`**/evaluations/${roundId}`);
    // Only its own pairing, with the value computed from its records: 60 of 100 arrived.
    await hasCount(j.page.getByTestId('subject-card'), 1);
    const card = subjectCard('吉林省—浙江省');
    await containsText(card.getByTestId('subject-value-shown'), '60 %');
    await card.getByTestId('self-narrative').fill(NARRATIVE);
    await card
      .getByTestId('subject-evidence')
      .locator('input[type=file]')
      .setInputFiles({ name: '到位资金台账.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="到位资金台账.pdf"]'));
    await card.getByTestId('self-submit').click();
    await visible(card.getByTestId('subject-submitted'));
  });

  it('closes, publishes, praises 吉浙 and orders 辽苏 to rectify, as the national office', async () => {
    await signOut();
    await openAs(NATIONAL.username, `/evaluations/${roundId}`);
    await containsText(subjectCard('吉林省—浙江省').getByTestId('subject-narrative'), NARRATIVE);
    await j.page.getByTestId('round-close').click();
    await confirmPop('确定截止');
    await hasAttribute(j.page.getByTestId('round-state'), 'data-state', 'closed');
    // 60 % against 50 %: full marks; 辽苏 has no project signed: 0.
    await hasAttribute(rankingRow('吉林省—浙江省'), 'data-rank', '1');
    await containsText(subjectCard('吉林省—浙江省').getByTestId('subject-grade'), '好');
    await containsText(subjectCard('辽宁省—江苏省').getByTestId('subject-grade'), '较差');
    await j.page.getByTestId('round-publish').click();
    await confirmPop('确定发布');
    await hasAttribute(j.page.getByTestId('round-state'), 'data-state', 'published');

    await rankingRow('吉林省—浙江省').getByTestId('ranking-praise').click();
    await j.page.getByTestId('praise-text').fill(PRAISE);
    await j.page.getByTestId('action-save').click();
    await containsText(
      subjectCard('吉林省—浙江省').locator('[data-testid="subject-award"][data-kind="praise"]'),
      PRAISE,
    );

    await rankingRow('辽宁省—江苏省').getByTestId('ranking-rectify').click();
    await j.page.getByTestId('item-text-input').fill(ORDER);
    await j.page.locator('#items_0_deadline').click();
    await j.page.locator('#items_0_deadline').fill(inDays(90));
    await j.page.keyboard.press('Enter');
    await choose(j.page.getByTestId('organisation-select').first(), '辽宁省发展', LIAONING.org);
    await j.page.getByTestId('action-save').click();
    await hidden(j.page.getByTestId('action-save'));
    await containsText(
      subjectCard('辽宁省—江苏省').locator('[data-testid="subject-award"][data-kind="rectification"]'),
      ORDER,
    );

    // The national dashboard shows the key indicators as tiles, and the published ranking as a table and a chart
    // an official saves as a PNG.
    await j.page.goto('/');
    await scrollUntil(j.page, j.page.getByTestId('indicator-tiles'));
    const arrivalTile = j.page.locator('[data-testid="indicator-tile"][data-code="arrival_rate"]');
    await hasAttribute(arrivalTile, 'data-value', '60');
    // Against the programme's target of 50 set in the library.
    await hasAttribute(arrivalTile, 'data-target', '50');
    await containsText(arrivalTile.getByTestId('indicator-tile-target'), '已达目标');
    await scrollUntil(j.page, j.page.getByTestId('latest-ranking'));
    await hasCount(j.page.getByTestId('latest-ranking-row'), 2);
    await visible(j.page.getByTestId('indicator-trend'));
    const [chart] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('latest-ranking-chart').locator('xpath=..').getByTestId('chart-save').click(),
    ]);
    expect(chart.suggestedFilename()).toMatch(new RegExp(`^${ROUND}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
    expect(
      fs
        .readFileSync((await chart.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // 吉浙's own dashboard on its page: its tiles, its task lights and reporting, and its place in the ranking.
    await j.page.goto(`/pairings/${jilinZhejiang}`);
    await scrollUntil(j.page, j.page.getByTestId('indicator-tiles'));
    await hasAttribute(arrivalTile, 'data-value', '60');
    await hasAttribute(arrivalTile, 'data-target', '55');
    await scrollUntil(j.page, j.page.getByTestId('dashboard-work-status'));
    await scrollUntil(j.page, j.page.getByTestId('latest-ranking'));
    await hasCount(j.page.getByTestId('latest-ranking-row'), 1);
    await containsText(j.page.getByTestId('latest-ranking-row'), '第 1 名 / 共 2');
  });

  it('lets the 辽宁 office follow its rectification order as a tracked item and close it with evidence', async () => {
    await signOut();
    await openAs(LIAONING.username, `/evaluations/${roundId}`);
    // Published: the whole ranking; its own subject in full.
    await hasCount(j.page.getByTestId('ranking-row'), 2);
    await hasCount(j.page.getByTestId('subject-card'), 1);
    await subjectCard('辽宁省—江苏省').getByTestId('award-item-link').click();
    await j.page.getByTestId('item-page').waitFor();
    await containsText(j.page.getByTestId('item-text'), ORDER);
    await j.page.getByTestId('item-close').click();
    await j.page.getByTestId('item-close-note').fill('整改方案已印发，首季度进展已报送');
    await j.page.getByTestId('item-close-link').fill('https://fgw.ln.gov.cn/zhenggai/2025.html');
    await j.page.getByTestId('item-close-ok').click();
    await hidden(j.page.getByTestId('item-close-form'));
    await hasAttribute(j.page.getByTestId('item-page'), 'data-status', 'closed');
    expect(j.pageErrors).toEqual([]);
  });
});
