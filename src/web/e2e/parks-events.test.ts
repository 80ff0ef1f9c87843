import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildPark } from '../../server/seed/builders.ts';
import { filledLedgerTemplate } from '../../server/modules/parks/test-support/ledger-sheet-fixture.ts';
import { hasChromium } from './browser.ts';
import { pairingIdNamed } from './fixtures.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

/*
 * Co-built parks and promotion events in Chromium against the real server, as the 吉林 pairing office keeps them:
 * a main park and a branch, two settled enterprises, an agreement that shares 50:50 and then 30:70, ledger entries
 * over two years, the statement per party and year adding up to the fen, a correction and the earlier year's
 * statement as of before and after it, export and print; a ledger sheet refused for a bad row (named, nothing
 * imported), then imported fixed, and uploaded again without duplicates; an event, an agreement signed there and
 * the project it becomes; an office of another pairing finds neither park nor event. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const OTHER = {
  username: 'liaoning-office',
  displayName: '辽宁省对口合作办',
  org: '辽宁省发展改革委',
  region: '210000',
};
const MAIN = '长春—杭州产业合作园';
const BRANCH = '长春新区分园';
const E1 = '吉林某汽车电子有限公司';
const E2 = '长春某零部件有限公司';
const DEMO_PARK = '【演示】长春演示合作园';
const EVENT = '2024浙商吉林行';
const DEAL = '长春智能装备产业园项目';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

/** Amounts as shown ("60,000.01") to fen, to add them exactly. */
const fen = (text: string) => {
  const [whole = '0', frac = '00'] = text.replace(/,/g, '').trim().split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
};

describe.skipIf(!hasChromium())('co-built parks and promotion events in Chromium', () => {
  const j = journey('duikou-parks-e2e-', {
    users: [OFFICE, OTHER],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      const ctx = systemContext(server.deps);
      // Generated demo data, as `duikou demo` makes it: it must be told apart wherever it shows.
      const pairingId = await pairingIdNamed(server, '吉林省—浙江省');
      await buildPark(
        ctx,
        { pairingId, name: DEMO_PARK, type: 'cooperation', hostRegionCode: '220100' },
        { demo: true },
      );
    },
  });
  let mainId = '';
  let eventId = '';
  let projectId = '';
  const {
    openAs,
    signOut,
    choose,
    pick: pickOption,
    poll,
    visible,
    hidden,
    containsText,
    hasText,
    hasCount,
    hasAttribute,
    fieldError,
  } = j;

  /** The text box of an antd input that carries the test id itself or on its wrapper. */
  const inputOf = (testId: string, within: Page | Locator = j.page) =>
    within.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  /** Types a date into an antd DatePicker found by its input's id, and confirms it. */
  async function typeDate(id: string, date: string) {
    await j.page.locator(`#${id}`).click();
    await j.page.locator(`#${id}`).fill(date);
    await j.page.keyboard.press('Enter');
  }
  const pick = (testId: string, option: string, within: Page | Locator = j.page) =>
    pickOption(within.getByTestId(testId), option);
  /** The API as the signed-in page sees it (its session cookie). */
  const apiGet = (path: string) =>
    j.page.evaluate(async (p) => {
      const res = await fetch(p, { credentials: 'same-origin' });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }, path);

  const parts = (figure: string) =>
    j.page
      .locator(`[data-testid="statement-row"][data-figure="${figure}"] [data-testid="statement-part"]`)
      .allInnerTexts();
  const total = (figure: string) =>
    j.page
      .locator(`[data-testid="statement-row"][data-figure="${figure}"] [data-testid="statement-total"]`)
      .innerText();
  const ledgerRows = () => j.page.getByTestId('ledger-row');

  it('lists parks with the demo one marked, and registers a main park and its branch', async () => {
    await openAs(OFFICE.username);
    await j.page.getByRole('menuitem', { name: '合作园区' }).click();
    await j.page.waitForURL('**/parks');
    const demoRow = j.page.locator('[data-testid="park-row"]', { hasText: DEMO_PARK });
    await visible(demoRow);
    await hasAttribute(demoRow, 'data-demo', 'true');
    await containsText(demoRow.getByTestId('demo-tag'), '演示数据');

    await j.page.getByTestId('park-create').click();
    await j.page.getByTestId('park-form').waitFor();
    await choose(j.page.getByTestId('park-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.locator('#park_name').fill(MAIN);
    await choose(j.page.getByTestId('park-host'), '长春', / 220100$/);
    await choose(j.page.getByTestId('park-partner'), '杭州', / 330100$/);
    await j.page.locator('#park_areaKm2').fill('12.5');
    await choose(j.page.getByTestId('park-industries'), '汽车', /^36 汽车制造业$/);
    await j.page.locator('#park_operator').fill('长春杭州合作园开发有限公司');
    await j.page.locator('#park_operatorTeamFrom').fill('杭州经济技术开发区选派');
    await j.page.getByTestId('park-save').click();
    await j.page.waitForURL(/\/parks\/[0-9a-f-]{36}$/);
    mainId = /\/parks\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasText(j.page.getByTestId('park-name'), MAIN);
    await containsText(j.page.getByTestId('park-facts'), '杭州经济技术开发区选派');
    expect(await j.page.getByTestId('demo-tag').count()).toBe(0);

    // The branch: a host region outside the pairing is refused next to the field, then corrected.
    await j.page.goto('/parks');
    await j.page.getByTestId('park-create').click();
    await j.page.getByTestId('park-form').waitFor();
    await choose(j.page.getByTestId('park-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.locator('#park_name').fill(BRANCH);
    await pick('park-type', '分园区');
    await choose(j.page.getByTestId('park-host'), '沈阳', / 210100$/);
    await pick('park-main', MAIN);
    await j.page.getByTestId('park-save').click();
    await hasText(fieldError('所在地（飞入地）'), '地区不在本对口合作关系的范围内');
    await choose(j.page.getByTestId('park-host'), '长春', / 220100$/);
    await j.page.getByTestId('park-save').click();
    await j.page.waitForURL((url) => url.pathname !== '/parks');
    await hasText(j.page.getByTestId('park-main-link'), MAIN);
    await j.page.getByTestId('park-main-link').click();
    await j.page.waitForURL(`**/parks/${mainId}`);
    await hasText(j.page.getByTestId('park-branch'), BRANCH);

    // An edit takes the version it was read at.
    await j.page.getByTestId('park-edit').click();
    await j.page.getByTestId('park-form').waitFor();
    await j.page.locator('#park_areaKm2').fill('15.25');
    await j.page.getByTestId('park-save').click();
    await hidden(j.page.getByTestId('park-form'));
    await containsText(j.page.getByTestId('park-facts'), '15.25');
  });

  it('settles two enterprises and records a 50:50-then-30:70 agreement, refusing shares that do not add up', async () => {
    for (const [name, code] of [
      [E1, '91220101MA0000000X'],
      [E2, ''],
    ] as const) {
      await j.page.getByTestId('enterprise-add').click();
      await j.page.getByTestId('enterprise-form').waitFor();
      await j.page.locator('#enterprise_name').fill(name);
      if (code) await j.page.locator('#enterprise_creditCode').fill(code);
      await j.page.getByTestId('enterprise-save').click();
      await hidden(j.page.getByTestId('enterprise-form'));
    }
    await hasCount(j.page.getByTestId('enterprise-row'), 2);

    await j.page.getByTestId('agreement-add').click();
    await j.page.getByTestId('agreement-form').waitFor();
    await j.page.locator('#agreement_title').fill('长春—杭州产业合作园税收分成协议');
    await typeDate('agreement_startsOn', '2019-07-01');
    // The parties come from the park: the partner region (飞出地) first, the host region second.
    expect(
      await j.page.getByTestId('party-name').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
    ).toEqual(['杭州市', '长春市']);
    await typeDate('agreement_terms_0_from', '2019-07-01');
    await typeDate('agreement_terms_0_to', '2024-06-30');
    await j.page.getByTestId('term-add').click();
    await typeDate('agreement_terms_1_from', '2024-07-01');
    const second = j.page.getByTestId('term-block').nth(1);
    await second.getByTestId('term-share-input').nth(0).fill('30');
    await second.getByTestId('term-share-input').nth(1).fill('60');
    await j.page.getByTestId('agreement-save').click();
    await poll(() => second.locator('.ant-form-item-explain-error').first().innerText()).toBe(
      '各方比例合计须为 100%，现为 90%',
    );
    await second.getByTestId('term-share-input').nth(1).fill('70');
    await j.page.getByTestId('agreement-save').click();
    await hidden(j.page.getByTestId('agreement-form'));

    const terms = j.page.getByTestId('agreement-term');
    await hasCount(terms, 2);
    expect(await terms.nth(0).getByTestId('term-share').allInnerTexts()).toEqual(['50%', '50%']);
    expect(await terms.nth(1).getByTestId('term-share').allInnerTexts()).toEqual(['30%', '70%']);
    await containsText(terms.nth(1), '2024-07-01 至 协议期满');
  });

  async function addEntry(enterprise: string, figure: string, year: string, month: string, amount: string) {
    await j.page.getByTestId('ledger-add').click();
    await j.page.getByTestId('entry-form').waitFor();
    await pick('entry-enterprise', enterprise);
    await pick('entry-figure', figure);
    await inputOf('entry-year').fill(year);
    await pick('entry-month', month);
    await inputOf('entry-amount').fill(amount);
    await j.page.getByTestId('entry-save').click();
    await hidden(j.page.getByTestId('entry-form'));
  }

  it('takes ledger entries over two years, and the statement per party and year adds up to the fen', async () => {
    await addEntry(E1, '增值税', '2023', '全年', '100000.01');
    await addEntry(E1, '企业所得税', '2023', '全年', '50000');
    await hasCount(ledgerRows(), 2);
    await addEntry(E1, '增值税', '2024', '3月', '10000');
    await addEntry(E2, '增值税', '2024', '9月', '20,000.00');
    await hasCount(ledgerRows(), 2);
    // The enterprises' 2024 taxes, from the entries in force.
    await hasText(
      j.page.locator('[data-testid="enterprise-row"]', { hasText: E1 }).getByTestId('enterprise-tax'),
      '10,000.00',
    );
    await hasText(
      j.page.locator('[data-testid="enterprise-row"]', { hasText: E2 }).getByTestId('enterprise-tax'),
      '20,000.00',
    );

    // 2024: March at 50:50 (5,000.00 each), September at 30:70 (6,000.00 and 14,000.00).
    await pick('statement-year', '2024年', j.page.getByTestId('statement'));
    await containsText(j.page.getByTestId('statement-title'), '2024年度利益分成结算表');
    await poll(() => parts('vat')).toEqual(['11,000.00', '19,000.00']);
    expect(await total('vat')).toBe('30,000.00');
    // 2023 at 50:50: the odd fen goes to the party listed first.
    await pick('statement-year', '2023年', j.page.getByTestId('statement'));
    await poll(() => parts('vat')).toEqual(['50,000.01', '50,000.00']);
    expect(await parts('corporate_income_tax')).toEqual(['25,000.00', '25,000.00']);
    expect(await parts('taxTotal')).toEqual(['75,000.01', '75,000.00']);
    for (const figure of ['vat', 'corporate_income_tax']) {
      const sum = (await parts(figure)).map(fen).reduce((a, b) => a + b, 0n);
      expect(sum, figure).toBe(fen(await total(figure)));
    }
  });

  it('a correction changes the year’s statement; the statement as of before it is the earlier one', async () => {
    await pick('ledger-year', '2023年');
    // 2024 also shows two rows (both 增值税): wait for 2023's, the only year with a 企业所得税 entry.
    await hasCount(j.page.locator('[data-testid="ledger-row"][data-figure="corporate_income_tax"]'), 1);
    await hasCount(ledgerRows(), 2);
    await j.page.locator('[data-testid="ledger-row"][data-figure="vat"]').getByTestId('ledger-correct').click();
    await j.page.getByTestId('entry-form').waitFor();
    await poll(() => inputOf('entry-amount').inputValue()).toBe('100000.01');
    await inputOf('entry-amount').fill('120000.01');
    await j.page.getByTestId('entry-save').click();
    await hidden(j.page.getByTestId('entry-form'));
    await hasCount(ledgerRows(), 3);
    await hasCount(j.page.locator('[data-testid="ledger-row"][data-superseded="true"]'), 1);
    await hasText(
      j.page.locator('[data-testid="ledger-row"][data-superseded="true"]').getByTestId('ledger-amount'),
      '100,000.01',
    );

    await poll(() => parts('vat')).toEqual(['60,000.01', '60,000.00']);
    expect(await parts('taxTotal')).toEqual(['85,000.01', '85,000.00']);
    await containsText(j.page.getByTestId('statement-asof'), '其中更正 1 条');

    await j.page
      .locator('[data-testid="ledger-row"][data-correction="true"]')
      .getByTestId('ledger-statement-before')
      .click();
    await visible(j.page.getByTestId('statement-past'));
    await poll(() => parts('vat')).toEqual(['50,000.01', '50,000.00']);
    expect(await parts('taxTotal')).toEqual(['75,000.01', '75,000.00']);
    await containsText(j.page.getByTestId('statement-asof'), '其中更正 0 条');
    await j.page.getByTestId('statement-now').click();
    await poll(() => parts('vat')).toEqual(['60,000.01', '60,000.00']);
    await hidden(j.page.getByTestId('statement-past'));
  });

  it('exports the statement to Excel and prints it alone', async () => {
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('statement-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${MAIN}-2023年度分成结算.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const vatRow = wb.worksheets[0]!.getRow(4).values as unknown[];
    expect(vatRow.slice(1, 5)).toEqual(['增值税', 120000.01, 60000.01, 60000]);

    await j.page.emulateMedia({ media: 'print' });
    try {
      // The page's own print: the whole park (its cards) without the app's frame, breadcrumb and buttons.
      await visible(j.page.locator('.ant-card.park-no-print').first());
      await hidden(j.page.locator('.ant-layout-sider'));
      await hidden(j.page.getByTestId('statement-export'));
      // The statement's print button marks the body while printing (as PrintButton does): the statement alone.
      await j.page.evaluate(() => document.body.classList.add('print-statement'));
      await hidden(j.page.locator('.park-no-print').first());
      await visible(j.page.getByTestId('statement-title'));
      expect(await j.page.getByTestId('ledger-year').isVisible()).toBe(false);
    } finally {
      await j.page.evaluate(() => document.body.classList.remove('print-statement'));
      await j.page.emulateMedia({ media: 'screen' });
    }
  });

  it('imports a ledger sheet: a bad row is named and nothing is imported; fixed, it imports once', async () => {
    await j.page.getByTestId('ledger-import').click();
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('ledger-template').click(),
    ]);
    const template = fs.readFileSync((await download.path())!);
    const rows = [
      { seq: 1, enterprise: E1, figure: '增值税', year: 2025, month: 3, amount: 1000 },
      { seq: 2, enterprise: '沈阳某公司', figure: '增值税', year: 2025, month: 3, amount: 2000 },
      { seq: 3, enterprise: E2, figure: '产值', year: 2025, amount: '5,000,000.00' },
    ];
    const input = j.page.locator('.ant-modal input[type=file]');
    await input.setInputFiles({
      name: '园区台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await filledLedgerTemplate(template, rows),
    });
    await visible(j.page.getByTestId('import-failure'));
    await containsText(j.page.getByTestId('import-failure'), '台账表有 1 处错误，未导入任何记录');
    await hasCount(j.page.getByTestId('import-error'), 1);
    await hasAttribute(j.page.getByTestId('import-error'), 'data-row', '3');
    await hasAttribute(j.page.getByTestId('import-error'), 'data-column', 'B');
    await containsText(
      j.page.getByTestId('import-error'),
      '第 3 行 B 列“企业名称”：“沈阳某公司”不是本园区登记的入驻企业',
    );
    expect((await apiGet(`/api/parks/${mainId}/ledger?year=2025`)).body.items).toEqual([]);

    const fixed = await filledLedgerTemplate(
      template,
      rows.filter((r) => r.seq !== 2),
    );
    await input.setInputFiles({
      name: '园区台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixed,
    });
    await visible(j.page.getByTestId('import-result'));
    await hasAttribute(j.page.getByTestId('import-result'), 'data-created', '2');
    await hidden(j.page.getByTestId('import-failure'));
    await input.setInputFiles({
      name: '园区台账（再次上传）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixed,
    });
    await hasAttribute(j.page.getByTestId('import-result'), 'data-unchanged', '2');
    await hasAttribute(j.page.getByTestId('import-result'), 'data-created', '0');
    expect(((await apiGet(`/api/parks/${mainId}/ledger?year=2025`)).body.items as unknown[]).length).toBe(2);
    await j.page.locator('.ant-modal-footer button').click();

    await pick('ledger-year', '2025年');
    await hasCount(ledgerRows(), 2);
    await hasText(
      j.page.locator('[data-testid="enterprise-row"]', { hasText: E2 }).getByTestId('enterprise-output'),
      '5,000,000.00',
    );
  });

  it('records an event, signs an agreement there and turns it into a project linked from the event', async () => {
    await j.page.getByRole('menuitem', { name: '招商活动' }).click();
    await j.page.waitForURL('**/events');
    await j.page.getByTestId('event-create').click();
    await j.page.getByTestId('event-form').waitFor();
    await choose(j.page.getByTestId('event-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.locator('#event_title').fill(EVENT);
    await typeDate('event_startsOn', '2024-06-18');
    await typeDate('event_endsOn', '2024-06-20');
    await j.page.locator('#event_place').fill('长春');
    await j.page.locator('#event_organisersA').fill('吉林省人民政府');
    await j.page.locator('#event_organisersB').fill('浙江省商务厅');
    await j.page.locator('#event_enterpriseCount').fill('56');
    await j.page.getByTestId('event-save').click();
    await j.page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventId = /\/events\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasText(j.page.getByTestId('event-title'), EVENT);
    await hasText(j.page.getByTestId('event-enterprise-count'), '56');
    await containsText(j.page.getByTestId('event-dates'), '2024-06-18 至 2024-06-20');

    // An edit: dates out of order are refused on the field; the place changed.
    await j.page.getByTestId('event-edit').click();
    await j.page.getByTestId('event-form').waitFor();
    await typeDate('event_endsOn', '2024-06-01');
    await j.page.getByTestId('event-save').click();
    await hasText(fieldError('结束日期'), '结束日期不能早于开始日期');
    await typeDate('event_endsOn', '2024-06-20');
    await j.page.locator('#event_place').fill('长春国际会展中心');
    await j.page.getByTestId('event-save').click();
    await hidden(j.page.getByTestId('event-form'));
    await containsText(j.page.getByTestId('event-facts'), '长春国际会展中心');

    await j.page.getByTestId('sign-agreement').click();
    await j.page.getByTestId('sign-form').waitFor();
    await j.page.locator('#sign_title').fill(DEAL);
    await j.page.getByTestId('sign-parties').click();
    for (const party of ['浙江甲智能装备有限公司', '长春市人民政府']) {
      await j.page.keyboard.type(party);
      await j.page.keyboard.press('Enter');
    }
    await inputOf('sign-amount').fill('150000');
    await j.page.getByTestId('sign-save').click();

    // Signed: the page offers to make the agreement a project at once.
    await visible(j.page.getByTestId('project-offer'));
    await containsText(j.page.getByTestId('project-offer'), DEAL);
    await hasText(j.page.getByTestId('event-agreement-count'), '1');
    await containsText(j.page.getByTestId('event-agreed-amount'), '150,000');
    await choose(j.page.getByTestId('project-host'), '长春', / 220100$/);
    await j.page.getByTestId('project-create-confirm').click();
    await hidden(j.page.getByTestId('project-offer'));
    const link = j.page.getByTestId('agreement-project-link');
    await visible(link);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/projects\/[0-9a-f-]{36}$/);
    projectId = href.split('/').pop()!;

    const project = await apiGet(`/api/projects/${projectId}`);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({
      title: DEAL,
      stage: 'signed',
      investor: '浙江甲智能装备有限公司',
      event: { id: eventId, title: EVENT },
      figures: { signed: '150000' },
    });
    await link.click();
    await j.page.waitForURL(`**/projects/${projectId}`);
  });

  it('an office of another pairing finds neither the park nor the event', async () => {
    await signOut();
    await openAs(OTHER.username, `/parks/${mainId}`);
    await visible(j.page.getByTestId('not-found'));
    expect(await j.page.getByTestId('park-page').count()).toBe(0);
    await j.page.goto(`/events/${eventId}`);
    await visible(j.page.getByTestId('not-found'));
    expect(await j.page.getByTestId('event-page').count()).toBe(0);
    await j.page.goto('/parks');
    await visible(j.page.getByText('暂无合作园区'));
    expect(await j.page.getByTestId('park-row').count()).toBe(0);
    expect(j.pageErrors).toEqual([]);
  });
});
