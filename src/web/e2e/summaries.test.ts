import fs from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { pairingIdNamed, signedCarPartsProject } from './fixtures.ts';
import { journey } from './harness.ts';

/*
 * The annual summary in Chromium against the real server: the 吉林 office drafts 吉浙's 2024 summary (its project
 * figures drawn from the ledger), edits a section, downloads the Word file and the Excel annex, and submits it; the
 * national office finds it in its inbox and accepts it; the year locks, and the office's edit of a 2024 project is
 * refused with the reason naming the year. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const NATIONAL = {
  username: 'ndrc-summary',
  displayName: '国家发展改革委振兴司',
  org: '国家发展改革委',
  region: '000000',
  kind: 'national_office',
};
const JILIN = { username: 'jilin-summary', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const PROBLEMS = '一是项目资金到位偏慢，到位资金{{arrived_wan}}万元；二是园区招商有待加强。';

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('the annual summary in Chromium', () => {
  const j = journey('duikou-summaries-e2e-', {
    users: [NATIONAL, JILIN],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      projectId = await signedCarPartsProject(server, await pairingIdNamed(server, '吉林省—浙江省'));
    },
  });
  let projectId = '';
  let summaryUrl = '';
  const { openAs, signOut, choose, visible, containsText, hasAttribute } = j;

  const section = (key: string) => j.page.locator(`[data-testid="summary-section"][data-key="${key}"]`);
  const download = async (testId: string) => {
    const [file] = await Promise.all([j.page.waitForEvent('download'), j.page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
  };

  it('lets the office draft its 2024 summary from the records, edit a section, download Word and Excel, and submit', async () => {
    await openAs(JILIN.username);
    await j.page.getByRole('menuitem', { name: '年度计划与总结' }).click();
    await j.page.waitForURL('**/summaries');
    await j.page.getByTestId('summary-create').click();
    await choose(j.page.getByTestId('summary-pairing'), '吉林省—浙江', '吉林省—浙江省');
    await j.page.locator('input[data-testid="summary-year"], [data-testid="summary-year"] input').first().fill('2024');
    await j.page.locator('.ant-modal:visible .ant-btn-primary').click();
    await j.page.waitForURL(/\/summaries\/[0-9a-f-]{36}$/);
    summaryUrl = new URL(j.page.url()).pathname;

    // The project figures come from the ledger, each linked to the records it counts.
    const signed = section('projects').locator('[data-testid="figure-link"][data-code="signed_wan"]');
    await containsText(signed, '签约额（万元） 100');
    expect(await signed.getAttribute('href')).toContain('/projects?pairingId=');

    await section('problems').getByTestId('section-text').fill(PROBLEMS);
    await section('problems').getByTestId('section-save').click();
    await visible(section('problems').locator('[data-testid="figure-link"][data-code="arrived_wan"]'));

    const word = await download('download-word');
    expect(word.name).toBe('吉林省—浙江省对口合作2024年工作总结.docx');
    const text = (await mammoth.extractRawText({ buffer: word.bytes })).value;
    expect(text).toContain('七、存在问题');
    expect(text).toContain('一是项目资金到位偏慢，到位资金60万元');
    const excel = await download('download-excel');
    expect(excel.name).toBe('吉林省—浙江省对口合作2024年工作总结.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excel.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(5);
    expect(wb.worksheets[0]!.getRow(4).getCell(1).value).toBe('长春汽车零部件项目');

    await j.page.getByTestId('summary-submit').click();
    await hasAttribute(j.page.getByTestId('summary-state'), 'data-state', 'submitted');
    await signOut();
  });

  it('lets the national office accept it from its inbox, which locks the year: an edit of a 2024 project is refused', async () => {
    await openAs(NATIONAL.username, '/summaries');
    const row = j.page.getByTestId('summary-row').first();
    await containsText(row, '吉林省—浙江省对口合作2024年工作总结');
    await row.getByRole('link').click();
    await j.page.waitForURL(`**${summaryUrl}`);
    const receipt = j.page.locator('[data-testid="receipt-row"][data-recipient="national_office"]');
    await receipt.getByTestId('receipt-receive').click();
    await visible(receipt.locator('[data-state="received"]'));
    await receipt.getByTestId('receipt-accept').click();
    await hasAttribute(j.page.getByTestId('summary-state'), 'data-state', 'accepted');
    await containsText(j.page.getByTestId('year-locked'), '2024年度数据已锁定');
    await signOut();

    await openAs(JILIN.username, `/projects/${projectId}/edit`);
    await j.page.getByTestId('project-title-input').fill('长春汽车零部件项目（二期）');
    await j.page.getByTestId('project-save').click();
    await containsText(j.page.getByTestId('form-banner'), '2024年度数据已锁定');
  });
});
