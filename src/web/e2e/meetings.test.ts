import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../server/http/system-actor.ts';
import { chinaToday } from '../../server/kernel/dates.ts';
import { samplePdf } from '../../server/kernel/attachments/test-support/attachment-files.ts';
import { createMeeting } from '../../server/modules/meetings/meetings.service.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { pairingIdNamed } from './fixtures.ts';
import { journey, scrollUntil } from './harness.ts';

/*
 * Meetings and tracked items (督办) in Chromium against the real server, as 吉林—浙江 keep them: the office sets the
 * joint meeting's rotation, records a meeting whose host the rotation proposes (hosting out of turn needs a
 * reason, asked for next to the field), with attendees of both sides and two decisions owned by units of either
 * side; an owner unit finds its item in 我的督办, reports progress and attaches evidence; the office closes that
 * item (销号) with a note and a link, is refused closing the other without evidence, and the other turns red on
 * the lists and the pairing's page once its deadline has passed. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const OFFICE = { username: 'jilin-office', displayName: '吉林省对口合作办', org: '吉林省发展改革委', region: '220000' };
const UNIT_A = {
  username: 'jilin-commerce',
  displayName: '吉林省商务厅联络员',
  org: '吉林省商务厅',
  region: '220000',
  kind: 'lead_unit',
};
const UNIT_B = {
  username: 'zhejiang-commerce',
  displayName: '浙江省商务厅联络员',
  org: '浙江省商务厅',
  region: '330000',
  kind: 'lead_unit',
};
const EARLIER = '2024年吉浙对口合作联席会议';
const MEETING = '吉浙对口合作第五次联席会议';
const D1 = '共同举办2025浙商吉林行活动';
const D2 = '报送年度互派挂职干部名单';

const inDays = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('meetings and tracked items in Chromium', () => {
  let pairingId = '';
  let meetingId = '';
  const j = journey('duikou-meetings-e2e-', {
    users: [OFFICE, UNIT_A, UNIT_B],
    password: PASSWORD,
    acceptDownloads: true,
    setup: async (server) => {
      pairingId = await pairingIdNamed(server, '吉林省—浙江省');
      // Last year's joint meeting, hosted by the 吉林 side: the rotation proposes 浙江 this time.
      await createMeeting(systemContext(server.deps), {
        pairingId,
        kind: 'joint_meeting',
        title: EARLIER,
        heldOn: '2024-06-18',
        hostSide: 'a',
        attendees: [],
        decisions: [],
      });
    },
  });
  const {
    openAs,
    signOut,
    choose,
    pick,
    poll,
    visible,
    hidden,
    containsText,
    hasText,
    hasCount,
    hasAttribute,
    fieldError,
  } = j;

  async function typeDate(id: string, date: string) {
    await j.page.locator(`#${id}`).click();
    await j.page.locator(`#${id}`).fill(date);
    await j.page.keyboard.press('Enter');
  }
  const decisionRow = (text: string) => j.page.locator('[data-testid="item-row"]', { hasText: text });
  const itemIdOf = async (text: string) => (await decisionRow(text).first().getAttribute('data-id'))!;

  it('sets the joint meeting rotation and records a meeting out of turn, with a reason, and two decisions', async () => {
    await openAs(OFFICE.username);
    await j.page.getByRole('menuitem', { name: '会商会议' }).click();
    await j.page.waitForURL('**/meetings');
    await visible(j.page.locator('[data-testid="meeting-row"]', { hasText: EARLIER }));

    // 轮值: 吉林 first, then 浙江 (the rotation is set on the pairing, from its filtered list).
    await pick(j.page.getByTestId('meeting-filter-pairing'), '吉林省—浙江省');
    await j.page.getByTestId('rotation-open').click();
    await pick(j.page.getByTestId('rotation-order'), '东北地区一方→东部地区一方');
    await j.page.getByTestId('rotation-ok').click();
    await hidden(j.page.getByTestId('rotation-form'));

    await j.page.getByTestId('meeting-create').click();
    await j.page.getByTestId('meeting-form').waitFor();
    await choose(j.page.getByTestId('meeting-pairing'), '吉林省—浙江', '吉林省—浙江省');
    // The host is proposed from the rotation and the last host, and says why.
    await containsText(j.page.getByTestId('host-proposal'), '按轮值顺序：本次建议由东部地区一方承办');
    await containsText(j.page.getByTestId('host-proposal'), EARLIER);
    await poll(() => j.page.locator('[data-testid="meeting-host"] input[value="b"]').isChecked()).toBe(true);

    await j.page.locator('#meeting_title').fill(MEETING);
    await typeDate('meeting_heldOn', chinaToday());
    await j.page.locator('#meeting_place').fill('长春');
    await j.page.locator('#meeting_chair').fill('吉林省副省长');
    // 吉林 hosts out of turn: the server asks why, next to the field.
    await j.page.locator('[data-testid="meeting-host"] label', { hasText: '东北地区一方' }).click();
    for (const [side, name, post] of [
      ['东北地区一方', '张某', '吉林省副省长'],
      ['东部地区一方', '李某', '浙江省副省长'],
    ] as const) {
      await j.page.getByTestId('attendee-add').click();
      const row = j.page.getByTestId('attendee-row').last();
      await pick(row.locator('.ant-select').first(), side);
      await row.getByPlaceholder('姓名').fill(name);
      await row.getByPlaceholder('职务').fill(post);
    }
    await j.page.locator('#meeting_agenda').fill('一、通报对口合作进展\n二、审议年度工作要点');

    // Two decisions: one for 吉林's unit (浙江's as co-responsible), one for 浙江's.
    for (const [text, deadline, owners] of [
      [
        D1,
        inDays(60),
        [
          ['吉林省商务', '吉林省商务厅', '牵头单位'],
          ['浙江省商务', '浙江省商务厅', '配合单位'],
        ],
      ],
      [D2, inDays(10), [['浙江省商务', '浙江省商务厅', '牵头单位']]],
    ] as const) {
      await j.page.getByTestId('decision-add').click();
      const row = j.page.getByTestId('decision-row').last();
      await row.getByTestId('item-text-input').fill(text);
      const n = (await j.page.getByTestId('decision-row').count()) - 1;
      await typeDate(`meeting_decisions_${n}_deadline`, deadline);
      for (const [i, [search, org, role]] of owners.entries()) {
        if (i > 0) await row.getByTestId('owner-add').click();
        const owner = row.getByTestId('owner-row').nth(i);
        await choose(owner.getByTestId('organisation-select'), search, org);
        await pick(owner.getByTestId('owner-role'), role);
      }
    }
    await j.page.getByTestId('meeting-save').click();
    await hasText(fieldError('调整承办方的原因'), '按轮值顺序本次应由东部地区一方承办；如由另一方承办，请说明原因');
    await j.page.getByTestId('meeting-override').fill('浙江方主要领导另有公务，双方商定本次由吉林承办');
    await j.page.getByTestId('meeting-save').click();

    await j.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingId = /\/meetings\/([0-9a-f-]{36})$/.exec(j.page.url())![1]!;
    await hasText(j.page.getByTestId('meeting-title'), MEETING);
    await hasAttribute(j.page.getByTestId('meeting-host-side'), 'data-side', 'a');
    await containsText(j.page.getByTestId('meeting-override-reason'), '浙江方主要领导另有公务');
    await containsText(j.page.locator('[data-testid="meeting-attendees"][data-side="a"]'), '张某');
    await containsText(j.page.locator('[data-testid="meeting-attendees"][data-side="b"]'), '李某');
    await hasCount(j.page.getByTestId('item-row'), 2);
    await hasAttribute(decisionRow(D1).getByTestId('item-status'), 'data-status', 'not_started');
    await hasAttribute(j.page.getByTestId('meeting-decisions'), 'data-open', '2');
    // Owners on both sides, lead first.
    await hasAttribute(decisionRow(D1).getByTestId('item-owner').first(), 'data-role', 'lead');
    await hasAttribute(decisionRow(D1).getByTestId('item-owner').first(), 'data-side', 'a');
    await hasAttribute(decisionRow(D1).getByTestId('item-owner').last(), 'data-side', 'b');
  });

  it('lets the owner unit find its item in 我的督办, report progress and attach evidence; it cannot close it', async () => {
    await signOut();
    await openAs(UNIT_A.username);
    await j.page.getByRole('menuitem', { name: '我的督办' }).click();
    await j.page.waitForURL('**/tracking/mine');
    await hasCount(j.page.getByTestId('item-row'), 1);
    await decisionRow(D1).getByTestId('item-link').click();
    await j.page.getByTestId('item-page').waitFor();
    await hasText(j.page.getByTestId('item-text'), D1);
    // A unit reports and attaches; only the office edits, closes and reopens.
    expect(await j.page.getByTestId('item-close').count()).toBe(0);
    expect(await j.page.getByTestId('item-edit').count()).toBe(0);

    await j.page.getByTestId('item-report').click();
    await j.page.getByTestId('item-progress-note').fill('已与浙江省商务厅商定活动方案，拟于9月举办');
    await j.page
      .locator('input[data-testid="item-progress-percent"], [data-testid="item-progress-percent"] input')
      .first()
      .fill('40');
    await j.page.getByTestId('item-progress-ok').click();
    await hidden(j.page.getByTestId('item-progress-form'));
    await hasAttribute(j.page.getByTestId('item-page'), 'data-status', 'in_progress');
    await containsText(j.page.locator('[data-testid="item-note"][data-kind="progress"]'), '拟于9月举办');
    await containsText(j.page.locator('[data-testid="item-note"][data-kind="progress"]'), '进度 40%');

    await j.page
      .getByTestId('item-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '活动方案.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="活动方案.pdf"]'));
  });

  it('closes the item with evidence as the office, refuses closing the other without it', async () => {
    await signOut();
    await openAs(OFFICE.username, `/meetings/${meetingId}`);
    await j.page.getByTestId('meeting-page').waitFor();

    // The other decision has no file: closing it with a note alone is refused, on the link's field.
    await decisionRow(D2).getByTestId('item-link').click();
    await j.page.getByTestId('item-page').waitFor();
    await j.page.getByTestId('item-close').click();
    await j.page.getByTestId('item-close-note').fill('已报送');
    await j.page.getByTestId('item-close-ok').click();
    await containsText(fieldError('佐证链接'), '销号须有佐证');
    await j.page.getByRole('button', { name: /取\s*消/ }).click();
    await hidden(j.page.getByTestId('item-close-form'));
    await hasAttribute(j.page.getByTestId('item-page'), 'data-status', 'not_started');

    await j.page.goto(`/meetings/${meetingId}`);
    await decisionRow(D1).getByTestId('item-link').click();
    await j.page.getByTestId('item-page').waitFor();
    await visible(j.page.locator('[data-testid="attachment-row"][data-name="活动方案.pdf"]'));
    await j.page.getByTestId('item-close').click();
    await j.page.getByTestId('item-close-note').fill('活动已于9月举办，签约项目12个');
    await j.page.getByTestId('item-close-link').fill('https://swt.jl.gov.cn/news/2025/zsjlx.html');
    await j.page.getByTestId('item-close-ok').click();
    await hidden(j.page.getByTestId('item-close-form'));
    await hasAttribute(j.page.getByTestId('item-page'), 'data-status', 'closed');
    await hasAttribute(j.page.getByTestId('item-note-link'), 'href', 'https://swt.jl.gov.cn/news/2025/zsjlx.html');
    // Closed: no more reports, files or closing; the office may reopen it.
    await visible(j.page.getByTestId('item-reopen'));
    expect(await j.page.getByTestId('item-report').count()).toBe(0);
    expect(await j.page.getByTestId('attachment-upload').count()).toBe(0);
  });

  it('shows the other item red once its deadline has passed: on the lists, the meeting, the pairing page and the dashboard', async () => {
    const otherId = await (async () => {
      await j.page.goto(`/meetings/${meetingId}`);
      await visible(decisionRow(D2));
      return itemIdOf(D2);
    })();
    // Time passes: the server refuses a past deadline, so the row is aged in the database as the API tests do.
    await j.server.deps.db.execute(sql`UPDATE tracked_items SET deadline = ${inDays(-3)} WHERE id = ${otherId}`);

    await j.page.goto(`/tracking?pairingId=${pairingId}`);
    await hasAttribute(decisionRow(D2), 'data-overdue', 'true');
    await hasAttribute(decisionRow(D2).getByTestId('item-status'), 'data-status', 'overdue');
    await hasAttribute(decisionRow(D1), 'data-status', 'closed');
    await hasAttribute(j.page.locator('[data-testid="item-count"][data-status="overdue"]'), 'data-count', '1');
    await hasAttribute(j.page.locator('[data-testid="item-count"][data-status="closed"]'), 'data-count', '1');
    // Red: the row's background and the deadline's text.
    await poll(() =>
      decisionRow(D2)
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ).toBe('rgb(255, 241, 240)');
    await visible(decisionRow(D2).getByTestId('item-deadline').locator('.ant-typography-danger'));

    // The 督办台账 as filtered.
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.getByTestId('item-ledger-export').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain(D1);
    expect(cells).toContain(D2);
    expect(cells).toContain('逾期');
    expect(cells).toContain('已办结');

    await j.page.goto(`/meetings/${meetingId}`);
    await hasAttribute(decisionRow(D2).getByTestId('item-status'), 'data-status', 'overdue');
    await hasAttribute(j.page.getByTestId('meeting-decisions'), 'data-open', '1');

    await j.page.goto(`/pairings/${pairingId}`);
    await j.page.getByTestId('pairing-tracking').waitFor();
    await containsText(j.page.getByTestId('pairing-items-overdue'), '1');
    await hasAttribute(
      j.page.getByTestId('pairing-overdue-items').locator('[data-testid="item-row"]'),
      'data-id',
      otherId,
    );
    await containsText(j.page.getByTestId('pairing-meetings'), MEETING);

    // And on the dashboard, counted in red with the item listed.
    await j.page.goto('/');
    await scrollUntil(j.page, j.page.getByTestId('dashboard-overdue-count'));
    await hasAttribute(j.page.getByTestId('dashboard-overdue-count'), 'data-count', '1');
    await hasAttribute(
      j.page.getByTestId('dashboard-overdue-items').locator('[data-testid="item-row"]'),
      'data-id',
      otherId,
    );

    // The owner unit's to-do list shows it red too, and so does its dashboard.
    await signOut();
    await openAs(UNIT_B.username);
    await scrollUntil(j.page, j.page.getByTestId('dashboard-overdue-count'));
    await hasAttribute(j.page.getByTestId('dashboard-overdue-count'), 'data-count', '1');
    await j.page.goto('/tracking/mine');
    await hasAttribute(decisionRow(D2), 'data-overdue', 'true');
    expect(j.pageErrors).toEqual([]);
  });
});
