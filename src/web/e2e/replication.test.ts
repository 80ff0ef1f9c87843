import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { chinaToday } from '../../server/kernel/dates.ts';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildOrganisation } from '../../server/seed/builders.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { pairingIdNamed } from './fixtures.ts';
import { journey } from './harness.ts';

/*
 * 复制推广 in Chromium against the real server, as 吉林—浙江 keep it: the 吉林 office registers 浙江's "最多跑一次"
 * reform (its side is read from its source region), records 长春's adoption at 学习借鉴, takes it to 试点 with the
 * local document and its file, is refused a 推广 dated before the pilot (the refusal next to the date), then
 * records 推广; the pairing's page shows its counts move from nothing to one practice replicated, and a press figure
 * recorded there with its source stays apart from them, labelled as published. The steps build
 * on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const PRACTICE = '“最多跑一次”改革（浏览器测试）';
const ADOPTER = '长春市政务服务和数字化建设管理局';
const RESULTS = '企业开办时间由5个工作日压缩至1个工作日';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('the replication register in Chromium', () => {
  const j = journey('duikou-replication-e2e-', {
    users: [OFFICE],
    password: PASSWORD,
    setup: async (server) => {
      // The adopting bureau is an organisation in the system: the office picks it rather than typing its name.
      await buildOrganisation(systemContext(server.deps), { name: ADOPTER, kind: 'lead_unit', regionCode: '220100' });
      pairingId = await pairingIdNamed(server, '吉林省—浙江省');
    },
  });
  let pairingId = '';
  const { openAs, choose, pick, visible, hidden, containsText, hasText, hasAttribute, fieldError } = j;

  async function typeDate(id: string, date: string) {
    await j.page.locator(`#${id}`).click();
    await j.page.locator(`#${id}`).fill(date);
    await j.page.keyboard.press('Enter');
  }
  const adoption = () => j.page.locator('[data-testid="adoption-card"]', { hasText: ADOPTER });
  const figure = (name: string) => j.page.getByTestId(`replication-figure-${name}`);

  it('shows the pairing without replication records before any is registered', async () => {
    await openAs(OFFICE.username, `/pairings/${pairingId}`);
    await containsText(j.page.getByTestId('replication-figures'), '暂无记录');
    await containsText(j.page.getByTestId('published-figures'), '暂无录入的公开数字');
  });

  it('registers a practice of the eastern side from the menu', async () => {
    await j.page.goto('/');
    await j.page.getByRole('menuitem', { name: '复制推广' }).click();
    await j.page.waitForURL('**/replication');
    await j.page.getByTestId('practice-create').click();
    await j.page.getByTestId('practice-form').waitFor();
    await choose(j.page.getByTestId('practice-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.locator('#practice_title').fill(PRACTICE);
    await choose(j.page.getByTestId('practice-source-region'), '杭州', /^杭州市/);
    await j.page.locator('#practice_description').fill('群众和企业到政府办事，从受理到办结全程只需一次上门或零上门。');
    await j.page.locator('#practice_sourceDocTitle').fill('浙江省加快推进“最多跑一次”改革实施方案');
    await typeDate('practice_sourceDocDate', '2017-02-20');
    await j.page.getByTestId('practice-save').click();

    await j.page.waitForURL(/\/replication\/[0-9a-f-]{36}$/);
    await hasText(j.page.getByTestId('practice-title-shown'), PRACTICE);
    await containsText(j.page.getByTestId('practice-facts'), '杭州市（东部地区一方）');
    await containsText(j.page.getByTestId('practice-page'), '尚无单位复制推广该经验做法');
  });

  it('records an adopting unit at 学习借鉴 and takes it to 试点 with its local document and file', async () => {
    await j.page.getByTestId('adoption-add').click();
    await j.page.getByTestId('stage-form').waitFor();
    await choose(j.page.getByTestId('organisation-select'), '政务服务和数字化', new RegExp(`^${ADOPTER}`));
    await choose(j.page.getByTestId('adoption-region'), '长春', /^长春市/);
    await pick(j.page.getByTestId('stage-select'), '学习借鉴');
    await typeDate('stage_reachedOn', '2018-03-01');
    await j.page.locator('#stage_note').fill('赴杭州考察学习');
    await j.page.getByTestId('stage-save').click();
    await hidden(j.page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'learning');

    await adoption().getByTestId('adoption-advance').click();
    await j.page.getByTestId('stage-form').waitFor();
    await pick(j.page.getByTestId('stage-select'), '试点');
    await typeDate('stage_reachedOn', '2018-06-01');
    await j.page.locator('#stage_docTitle').fill('长春市推进“最多跑一次”改革试点工作方案');
    await j.page.locator('#stage_docNumber').fill('长府办发〔2018〕20号');
    await j.page.getByTestId('stage-save').click();
    await hidden(j.page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'pilot');
    const pilot = adoption().locator('[data-testid="stage-entry"][data-stage="pilot"]');
    await containsText(pilot.getByTestId('stage-document'), '长府办发〔2018〕20号');
    await pilot
      .getByTestId('stage-files-pilot')
      .locator('input[type=file]')
      .setInputFiles({ name: '试点工作方案.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(pilot.locator('[data-testid="attachment-row"][data-name="试点工作方案.pdf"]'));
  });

  it('refuses a 推广 dated before the pilot, next to the date, then records it', async () => {
    await adoption().getByTestId('adoption-advance').click();
    await j.page.getByTestId('stage-form').waitFor();
    await pick(j.page.getByTestId('stage-select'), '推广');
    await typeDate('stage_reachedOn', '2018-05-01');
    await j.page.getByTestId('stage-save').click();
    await containsText(fieldError(/^日期$/), '日期不能早于上一阶段的日期 2018-06-01');
    await typeDate('stage_reachedOn', '2019-01-10');
    await j.page.getByTestId('stage-save').click();
    await hidden(j.page.getByTestId('stage-form'));
    await hasAttribute(adoption(), 'data-stage', 'rollout');
    const stages = await adoption()
      .getByTestId('stage-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    expect(stages).toEqual(['learning', 'pilot', 'rollout']);
  });

  it("edits the adoption's results as they become known", async () => {
    await adoption().getByTestId('adoption-edit').click();
    await j.page.getByTestId('adoption-results').fill(RESULTS);
    await j.page.getByTestId('adoption-edit-save').click();
    await hidden(j.page.getByTestId('adoption-edit-save'));
    await containsText(adoption(), RESULTS);
  });

  it("shows the pairing's counts moved, computed from the register", async () => {
    await j.page.goto(`/pairings/${pairingId}`);
    await j.page.getByTestId('replication-figures').waitFor();
    await hasAttribute(figure('practices'), 'data-value', '1');
    await hasAttribute(figure('replicated'), 'data-value', '1');
    await hasAttribute(figure('institutionalised'), 'data-value', '0');
    await hasAttribute(figure('adoptions'), 'data-value', '1');
    await containsText(j.page.getByTestId('replication-figures'), '据系统登记记录计算');

    // A published figure is recorded with its source and shown apart, labelled as published; the counts stay.
    await j.page.getByTestId('published-figure-add').click();
    await j.page.locator('#figure_label').fill('浙江省改革经验在吉林省复制推广（浏览器测试）');
    await j.page.locator('#figure_value').fill('36');
    await j.page.locator('#figure_unit').fill('项');
    await j.page.locator('#figure_sourceTitle').fill('测试来源：某报道');
    await typeDate('figure_sourceDate', chinaToday());
    await j.page.getByTestId('published-figure-save').click();
    const row = j.page.locator('[data-testid="published-figure-row"]', { hasText: '浏览器测试' });
    await containsText(row, '公开发布');
    await containsText(row, '36 项');
    await containsText(row, '测试来源：某报道');
    await hasAttribute(figure('practices'), 'data-value', '1');

    // The list, filtered by stage, finds it and exports it.
    await j.page.goto(`/replication?pairingId=${pairingId}&stage=rollout`);
    await visible(j.page.locator('[data-testid="practice-row"]', { hasText: PRACTICE }));
  });
});
