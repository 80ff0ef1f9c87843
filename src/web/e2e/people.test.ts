import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withCheckCharacter } from '../../common/api/id-number.ts';
import { systemContext } from '../../server/http/system-actor.ts';
import { chinaToday } from '../../server/kernel/dates.ts';
import { type RosterRow, rosterFile } from '../../server/modules/people/test-support/roster-file.ts';
import { seedPlans } from '../../server/seed/plan-seed.ts';
import { hasChromium } from './browser.ts';
import { ensureWebBuilt } from './build-web.ts';
import { journey } from './harness.ts';

/*
 * Cadre exchange and training in Chromium against the real server, as 吉林's 组织部 keeps them: a roster with one
 * bad row is refused whole with the row named; fixed, it imports; the list shows ID numbers masked, and revealing
 * one asks for a reason and is found by the audit administrator in the trail; a training recorded toward 吉浙 task
 * 38 (每年…培训千人以上) moves that target's progress and the task itself. The steps build on each other.
 */

const PASSWORD = 'Duikou#2026';
const ZZB = {
  username: 'jilin-zzb',
  displayName: '吉林省委组织部干部处',
  org: '中共吉林省委组织部',
  region: '220000',
  kind: 'org_dept',
};
const AUDITOR = {
  username: 'auditor',
  displayName: '审计管理员',
  org: '平台运维单位',
  region: '000000',
  kind: 'operator',
  roles: ['audit_admin'],
};
const ID_1 = withCheckCharacter('22010219800312001');
const ID_2 = withCheckCharacter('22010219850520002');
const cadre = (name: string, idNumber: string, rank: string): RosterRow => ({
  name,
  gender: '男',
  idNumber,
  mobile: '13900001111',
  direction: '东北→东部',
  homeUnit: '吉林省商务厅',
  homePost: '处长',
  hostUnit: '浙江省商务厅',
  hostPost: '副处长',
  rank,
  batch: '第九批',
  startsOn: '2025-03-01',
  endsOn: '2026-02-28',
  status: '在岗',
});
const YEAR = chinaToday().slice(0, 4);

beforeAll(() => {
  ensureWebBuilt();
}, 180_000);

describe.skipIf(!hasChromium())('cadre roster and training in Chromium', () => {
  let task38 = '';
  const j = journey('duikou-people-e2e-', {
    users: [ZZB, AUDITOR],
    password: PASSWORD,
    setup: async (server) => {
      // The shipped plans, for 吉浙 task 38 and its yearly target.
      await seedPlans(systemContext(server.deps));
      const task = await server.deps.db.execute<{ id: string }>(
        sql`SELECT t.id FROM tasks t JOIN pairings p ON p.id = t.pairing_id WHERE p.name = '吉林省—浙江省' AND t.code = '38'`,
      );
      task38 = task.rows[0]!.id;
    },
  });
  const { openAs, signOut, pick, choose, poll, visible, hidden, containsText, hasAttribute } = j;

  const upload = async (rows: RosterRow[]) =>
    j.page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '挂职干部花名册.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await rosterFile(rows),
    });
  const row = (name: string) => j.page.locator('[data-testid="secondment-row"]', { hasText: name });

  it('refuses a roster with a bad row, naming it; imports it fixed; shows ID numbers masked', async () => {
    await openAs(ZZB.username, undefined, { landing: true });
    // 组织部 lands on its own page, its cadre pages first in the menu, and goes to the roster from there.
    await j.page.waitForURL((url) => url.pathname === '/cadre-work');
    await containsText(j.page.locator('.ant-menu-item').first(), '干部人才工作');
    await containsText(j.page.locator('.ant-menu-item').nth(1), '干部挂职');
    await j.page.getByTestId('cadre-work-secondments').click();
    await j.page.waitForURL((url) => url.pathname === '/secondments');
    await j.page.getByTestId('roster-import').click();
    await pick(j.page.getByTestId('roster-pairing'), '吉林省—浙江省');

    await upload([cadre('王某', ID_1, '县处级'), cadre('赵某', ID_2, '副部级')]);
    const error = j.page.getByTestId('import-error');
    await hasAttribute(error, 'data-row', '3');
    await hasAttribute(error, 'data-column', 'L');
    await hasAttribute(error, 'data-code', 'invalid_rank');
    await containsText(error, '第 3 行');
    await containsText(error, '厅局级、县处级、乡科级、专业技术人员');
    // All or nothing: the good row was not kept either.
    await hidden(j.page.getByTestId('import-result'));

    await upload([cadre('王某', ID_1, '县处级'), cadre('赵某', ID_2, '乡科级')]);
    await hasAttribute(j.page.getByTestId('import-result'), 'data-created', '2');
    await hidden(j.page.getByTestId('import-failure'));
    await j.page.keyboard.press('Escape');
    await hidden(j.page.locator('.ant-modal'));

    await visible(row('赵某'));
    const masked = row('赵某').getByTestId('masked-idNumber');
    await poll(() => masked.textContent()).toMatch(/^220\*+\d{3}[\dX]$/);
    expect(await j.page.locator('body').textContent()).not.toContain(ID_2);

    // Back on its page: the cadres in post, with their postings, and the counts across its pairings.
    await j.page.getByRole('menuitem', { name: '干部人才工作' }).click();
    await j.page.waitForURL((url) => url.pathname === '/cadre-work');
    await containsText(j.page.getByTestId('cadre-work-in-post'), '赵某');
    await containsText(j.page.getByTestId('cadre-work-in-post'), '浙江省商务厅');
    await visible(j.page.getByTestId('people-figures'));
    // And back to the roster, where the next step reveals a number.
    await j.page.getByTestId('cadre-work-secondments').click();
    await visible(row('赵某'));
  });

  it('reveals an ID number only with a reason, and the audit administrator finds the reveal', async () => {
    await row('赵某').getByTestId('reveal-idNumber').click();
    expect(await j.page.locator('#reveal-confirm').isDisabled()).toBe(true);
    await j.page.getByTestId('reveal-reason').fill('核对挂职人员身份信息');
    await j.page.locator('#reveal-confirm').click();
    await containsText(j.page.getByTestId('revealed-value'), ID_2);
    await j.page.keyboard.press('Escape');
    await signOut();

    await openAs(AUDITOR.username, '/audit?action=secondment.reveal');
    const auditRow = j.page.getByTestId('audit-row').first();
    await containsText(auditRow, ZZB.username);
    await containsText(auditRow, '查看身份信息');
    // Whose number and why, in the row's details.
    await auditRow.locator('.ant-table-row-expand-icon').click();
    await containsText(j.page.locator('.ant-table-expanded-row').first(), '核对挂职人员身份信息');
    await containsText(j.page.locator('.ant-table-expanded-row').first(), '赵某');
    await signOut();
  });

  it('records a training toward 吉浙 38 and sees the target progress move, and the task with it', async () => {
    await openAs(ZZB.username, `/trainings?year=${YEAR}`, { landing: true });
    await pick(j.page.getByTestId('training-filter-pairing'), '吉林省—浙江省');
    await j.page.getByTestId('training-create').click();
    await pick(j.page.getByTestId('training-pairing'), '吉林省—浙江省');
    await j.page.getByTestId('training-title').fill('吉林省干部赴浙江专题培训班');
    await j.page.getByTestId('training-organiser').fill('浙江大学');
    // antd's RangePicker keeps no test id on its wrapper: its two inputs, in the open drawer's only range picker.
    const dates = j.page.getByRole('dialog').locator('.ant-picker-range input');
    await dates.first().click();
    await dates.first().fill(`${YEAR}-03-01`);
    await dates.nth(1).click();
    await dates.nth(1).fill(`${YEAR}-03-05`);
    await j.page.keyboard.press('Enter');
    await j.page.locator('#trainees_officials').fill('300');
    await j.page.locator('#trainees_managers').fill('200');
    await j.page.locator('#bySide_a').fill('480');
    await j.page.locator('#bySide_b').fill('20');
    // 39 tasks: the list shows the first few, so the task is searched for by its number.
    await choose(j.page.getByTestId('training-task'), '38', /^38\. /);
    await j.page.getByTestId('training-save').click();
    await visible(j.page.locator('[data-testid="training-row"]', { hasText: '吉林省干部赴浙江专题培训班' }));

    const progress = j.page.getByTestId('target-progress');
    await hasAttribute(progress, 'data-trainees', '500');
    await hasAttribute(progress, 'data-percent', '50');

    // The task counts it: not started before, under way now, with the training named in its history.
    await j.page.goto(`/tasks/${task38}`);
    await containsText(j.page.locator('body'), '推进中');
  });

  it('the exchanges list takes its filters from the address, and a filter chosen goes into the address', async () => {
    await j.page.goto(`/exchanges?kind=expert_station&year=${YEAR}`);
    // The filter bar: the pairing, the kind, the year, then real or demo records (this list has no search box).
    const filter = (n: number) => j.page.locator('.ant-card-body .ant-select').nth(n);
    await containsText(filter(1), '院士专家工作站');
    await containsText(filter(2), YEAR);
    await pick(filter(0), '吉林省—浙江省');
    await poll(async () => j.page.url()).toContain('pairingId=');
    expect(new URL(j.page.url()).searchParams.get('kind')).toBe('expert_station');
    expect(j.pageErrors).toEqual([]);
  });
});
