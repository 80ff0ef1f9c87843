import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildEvent, buildPark } from '../../server/seed/builders.ts';
import { translate } from '../../common/i18n/messages.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { pairingIdNamed } from './fixtures.ts';
import { journey } from './harness.ts';

/*
 * Output from the pages, in Chromium against the real server: each list page's export button saves the list as
 * filtered on screen (the file opens with exceljs, headings from the catalogue, the filtered rows), a detail page's
 * print layout leaves out the menu, header and buttons and numbers its A4 pages, and a chart saves as a PNG named
 * after it and the day.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const PARK = '长春—杭州产业合作园';
const EVENT_2024 = '2024浙商吉林行';
const EVENT_2023 = '2023浙商吉林行';
// Side headings name the sides as the built-in programme (22号) names them.
const SIDES = { sideA: '东北地区一方', sideB: '东部地区一方' };
const t = (key: string) => translate('zh-CN', key, SIDES);

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('exports, print and chart images in Chromium', () => {
  const j = journey('duikou-output-e2e-', {
    users: [OFFICE],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      pairingId = await pairingIdNamed(server, '吉林省—浙江省');
      const ctx = systemContext(server.deps);
      await buildPark(ctx, { pairingId, name: PARK, type: 'cooperation', hostRegionCode: '220100' });
      for (const [title, year] of [
        [EVENT_2024, 2024],
        [EVENT_2023, 2023],
      ] as const)
        await buildEvent(ctx, {
          pairingId,
          kind: 'promotion',
          title,
          startsOn: `${year}-06-18`,
          endsOn: `${year}-06-20`,
        });
    },
  });
  let pairingId = '';
  const { openAs, visible, hidden, poll } = j;

  /** Clicks the export button and opens the saved file: each sheet's header row (row 3) and data rows. */
  async function exported(testId = 'list-export') {
    const [download] = await Promise.all([j.page.waitForEvent('download'), j.page.getByTestId(testId).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => {
      const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
      const rows: string[][] = [];
      for (let r = 4; r <= ws.rowCount; r++) rows.push(row(r));
      return { title: row(1)[0], header: row(3), rows };
    });
  }
  const tableRows = () => j.page.locator('.ant-table-tbody tr.ant-table-row');

  it('exports each list page as filtered', async () => {
    await openAs(OFFICE.username, '/pairings?level=province');
    await visible(j.page.getByTestId('pairing-row'));
    const [pairings] = await exported();
    expect(pairings!.header).toEqual(
      ['name', 'sideA', 'sideB', 'level', 'theme', 'status', 'subPairCount', 'startedOn'].map((k) =>
        t(`ui.pairings.${k}`),
      ),
    );
    expect(pairings!.rows.map((r) => r[0])).toContain('吉林省—浙江省');
    expect(pairings!.rows.every((r) => r[3] === t('domain.pairingLevels.province'))).toBe(true);
    expect(pairings!.rows).toHaveLength(await j.page.getByTestId('pairing-row').count());

    await j.page.goto(`/parks?pairingId=${pairingId}`);
    await visible(tableRows());
    const [parks] = await exported();
    expect(parks!.header[0]).toBe(t('ui.parks.name'));
    expect(parks!.rows.map((r) => r[0])).toEqual([PARK]);

    await j.page.goto('/events?year=2024');
    await visible(tableRows());
    const [events] = await exported();
    expect(events!.header[0]).toBe(t('ui.events.eventTitle'));
    expect(events!.rows.map((r) => r[0])).toEqual([EVENT_2024]);

    await j.page.goto('/reporting?year=2026');
    await visible(j.page.getByTestId('list-export'));
    const [cycles] = await exported();
    expect(cycles!.header.slice(0, 3)).toEqual([
      t('ui.reporting.periodLabel'),
      t('ui.reporting.frequency'),
      t('ui.reporting.pairing'),
    ]);
    expect(cycles!.rows).toEqual([]);

    await j.page.goto(`/projects/stats?groupBy=side&pairingId=${pairingId}`);
    await visible(j.page.getByTestId('project-stats'));
    const [rates, stages] = await exported();
    expect(rates!.header[0]).toBe(t('ui.projects.groupBy.side'));
    expect(rates!.rows.at(-1)![0]).toBe(t('ui.projects.rates.overall'));
    expect(stages!.rows[0]![0]).toBe(t('domain.projectStages.planning'));
    expect(j.pageErrors).toEqual([]);
  });

  it('fits the project ledger in 1366 px: title fixed at the left, the money columns shown, filters in one row', async () => {
    await j.page.goto('/projects');
    await visible(j.page.getByTestId('ledger-export'));
    const table = j.page.locator('.ant-table-container').first();
    const widths = await table.evaluate((el) => {
      const scroller = el.querySelector('.ant-table-content, .ant-table-body') as HTMLElement;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const headers = await j.page.locator('.ant-table-thead th').allInnerTexts();
    for (const f of ['signed', 'planned', 'arrived', 'completed'])
      expect(headers.map((h) => h.trim())).toContain(t(`ui.projects.figures.${f}`));
    expect(await j.page.locator('.ant-table-thead th.ant-table-cell-fix-start').count()).toBe(1);
    // One row of filters: every filter shown sits on the first one's line; the others open behind the toggle.
    const tops = await j.page
      .locator('[data-testid="project-search"], [data-testid="filter-pairing"], [data-testid="filter-stage"]')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await hidden(j.page.getByTestId('filter-landmark'));
    await j.page.getByTestId('filters-more').click();
    await visible(j.page.getByTestId('filter-landmark'));
    // A hidden column comes back from the chooser, and the choice is remembered.
    await j.page.getByTestId('column-chooser').click();
    await j.page.getByTestId('column-choice').getByText(t('ui.projects.fields.signedOn')).click();
    await poll(async () =>
      (await j.page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim()),
    ).toContain(t('ui.projects.fields.signedOn'));
    await j.page.reload();
    await poll(async () =>
      (await j.page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim()),
    ).toContain(t('ui.projects.fields.signedOn'));
  });

  it('prints a detail page without the menu, header or buttons, on numbered A4 pages', async () => {
    await j.page.goto(`/pairings/${pairingId}`);
    await visible(j.page.getByTestId('pairing-title'));
    await visible(j.page.getByTestId('print'));
    await j.page.emulateMedia({ media: 'print' });
    try {
      await hidden(j.page.locator('.ant-layout-sider'));
      await hidden(j.page.locator('.ant-layout-header'));
      await hidden(j.page.getByTestId('print'));
      await hidden(j.page.locator('.ant-breadcrumb'));
      await visible(j.page.getByTestId('pairing-title'));
      await visible(j.page.getByTestId('map-source'));
    } finally {
      await j.page.emulateMedia({ media: 'screen' });
    }
    // The page rule (inside @media print): A4, and the page number and count in its bottom margin box.
    const all = await j.page.evaluate(() => {
      const texts: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const r of rules) {
          if (r instanceof CSSPageRule || r.parentRule instanceof CSSPageRule) texts.push(r.cssText);
          const inner = (r as CSSRule & { cssRules?: CSSRuleList }).cssRules;
          if (inner) walk(inner);
        }
      };
      for (const sheet of document.styleSheets) walk(sheet.cssRules);
      return texts.join('\n');
    });
    expect(all).toMatch(/size: a4[;\s]/i);
    expect(all).toMatch(/bottom-center/);
    expect(all).toContain('counter(page)');
    expect(all).toContain('counter(pages)');
    // Chromium lays the print out with it.
    const pdf = await j.page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves a chart as a PNG named after it and the day', async () => {
    await j.page.goto(`/projects/stats?pairingId=${pairingId}`);
    await visible(j.page.getByTestId('funnel-chart'));
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      // The chart's own button, beside its canvas.
      j.page.getByTestId('funnel-chart').locator('xpath=..').getByTestId('chart-save').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${t('ui.projects.funnelTitle')}-\\d{4}-\\d{2}-\\d{2}\\.png$`),
    );
    const png = fs.readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);

    await j.page.goto('/');
    await visible(j.page.getByTestId('dashboard-map'));
    await visible(j.page.getByTestId('map-source'));
    const [map] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('dashboard-map').locator('xpath=..').getByTestId('chart-save').click(),
    ]);
    expect(map.suggestedFilename()).toMatch(new RegExp(`^${t('ui.dashboard.mapTitle')}-`));
    await poll(async () =>
      fs
        .readFileSync((await map.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(j.pageErrors).toEqual([]);
  });
});
