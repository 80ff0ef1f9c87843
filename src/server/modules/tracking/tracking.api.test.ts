import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../kernel/attachments/test-support/attachment-files.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import { seedPlans } from '../../seed/plan-seed.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

const inDays = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())(
  'tracked items (督办) on %s',
  (engine) => {
    const s = useProgrammeApp(engine);

    /** A joint meeting of 吉林—浙江 with two decisions: one for the office, one for the lead unit. */
    async function meetingWithDecisions() {
      const c = await s.as(s.f.users.jilin);
      const res = await c.post('/api/meetings', {
        pairingId: s.f.pairings.jilinZhejiang,
        kind: 'joint_meeting',
        title: '联席会议',
        heldOn: '2024-05-20',
        hostSide: 'a',
        decisions: [
          {
            text: '共同举办浙商吉林行',
            deadline: inDays(40),
            owners: [
              { organisationId: s.f.users.jilin.organisationId, role: 'lead' },
              { organisationId: s.f.users.zhejiang.organisationId, role: 'co' },
            ],
          },
          {
            text: '报送挂职干部名单',
            deadline: inDays(20),
            owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      const bySeq = (n: number) => m.decisions.find((d: { seq: number }) => d.seq === n);
      return { office: c, meeting: m, officeItem: bySeq(1), unitItem: bySeq(2) };
    }

    it("shows each unit only its own items, though units of one pairing share their lists' prepared statements", async () => {
      const { unitItem } = await meetingWithDecisions();
      // A second lead unit of 吉林: the same pairings in scope as jilin-unit, another organisation.
      const other = await buildOrgUser(systemContext(s.t.deps), {
        username: 'jilin-unit-2',
        regionCode: '220000',
        roles: ['lead_unit'],
        kind: 'lead_unit',
      });
      const c = await s.as(s.f.users.jilin);
      const second = await c.post('/api/meetings', {
        pairingId: s.f.pairings.jilinZhejiang,
        kind: 'joint_meeting',
        title: '第二次联席会议',
        heldOn: '2024-06-20',
        hostSide: 'a',
        decisions: [
          {
            text: '第二单位的事项',
            deadline: inDays(30),
            owners: [{ organisationId: other.organisationId, role: 'lead' }],
          },
        ],
      });
      expect(second.statusCode, second.body).toBe(201);
      const otherItem = second.json().decisions[0];
      const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);
      const unit = await s.as(s.f.users.jilinUnit);
      const unit2 = await s.as(other);
      // The same filters asked by both units, one after the other; page sizes differ, so neither answer can be a
      // cached one, while the statement (its shape: filters, scope) is the same.
      for (const q of ['', '&status=not_started', '&mine=true', '&demo=false']) {
        const mine = ids((await unit.get(`/api/tracked-items?pageSize=20${q}`)).json());
        expect(mine, q).toContain(unitItem.id);
        expect(mine, q).not.toContain(otherItem.id);
        const theirs = ids((await unit2.get(`/api/tracked-items?pageSize=21${q}`)).json());
        expect(theirs, q).toEqual([otherItem.id]);
      }
      const office = ids((await c.get('/api/tracked-items?pageSize=100')).json());
      expect(office).toEqual(expect.arrayContaining([unitItem.id, otherItem.id]));
    });

    it('lets the owner unit report progress on its own item only, which moves it to 推进中', async () => {
      const { officeItem, unitItem } = await meetingWithDecisions();
      const unit = await s.as(s.f.users.jilinUnit);
      const mine = (await unit.get('/api/tracked-items?mine=true')).json();
      expect(mine.items.map((i: { id: string }) => i.id)).toContain(unitItem.id);
      expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(officeItem.id);
      // Not an owner: the unit does not even see the office's item.
      expect((await unit.post(`/api/tracked-items/${officeItem.id}/progress`, { note: '已启动' })).statusCode).toBe(
        404,
      );
      const res = await unit.post(`/api/tracked-items/${unitItem.id}/progress`, {
        note: '已汇总 12 名干部',
        percent: 50,
      });
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json();
      expect(d).toMatchObject({ status: 'in_progress', can: { progress: true, close: false, edit: false } });
      expect(d.notes[0]).toMatchObject({ kind: 'progress', note: '已汇总 12 名干部', percent: 50 });
      // A unit may not close or edit, whatever it sends.
      expect(
        (
          await unit.post(`/api/tracked-items/${unitItem.id}/close`, {
            version: d.version,
            note: 'x',
            link: 'https://a.cn',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('counts statuses per scope and unit, and the next page counts a change made since', async () => {
      const { office, unitItem } = await meetingWithDecisions();
      const unit = await s.as(s.f.users.jilinUnit);
      const list = `/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}`;
      type Counts = Record<'not_started' | 'in_progress' | 'closed' | 'overdue', number>;
      const sum = (c: Counts) => c.not_started + c.in_progress + c.closed + c.overdue;
      const all = async (c: typeof office) => (await c.get(`${list}&pageSize=500`)).json().items.length as number;
      // Each reader's counts are of the items it sees: the unit its own (the office's counts, asked first, must not
      // be handed to it), the office every item of the pairing.
      const officeBefore: Counts = (await office.get(`${list}&pageSize=1&page=1`)).json().counts;
      const unitCounts: Counts = (await unit.get(`${list}&pageSize=1&page=1`)).json().counts;
      expect(sum(officeBefore)).toBe(await all(office));
      expect(sum(unitCounts)).toBe(await all(unit));
      expect(sum(unitCounts)).toBeLessThan(sum(officeBefore));

      const res = await unit.post(`/api/tracked-items/${unitItem.id}/progress`, { note: '已启动', percent: 10 });
      expect(res.statusCode, res.body).toBe(201);
      // Another page of the same list (its own address, so no answer kept for the first page can serve it).
      const officeAfter: Counts = (await office.get(`${list}&pageSize=1&page=2`)).json().counts;
      expect(officeAfter).toEqual({
        ...officeBefore,
        not_started: officeBefore.not_started - 1,
        in_progress: officeBefore.in_progress + 1,
      });
    });

    it('pages each status and owner filter in order: the pages together are the whole list, the total its count', async () => {
      // Items of every status, on several deadlines (two meetings share deadlines, so seq and id break the ties).
      const first = await meetingWithDecisions();
      const second = await meetingWithDecisions();
      const { office } = first;
      await s.t.database.db.execute(
        sql`UPDATE tracked_items SET deadline = '2024-01-31' WHERE id = ${second.unitItem.id}`,
      );
      const d = (await office.get(`/api/tracked-items/${second.officeItem.id}`)).json();
      const closed = await office.post(`/api/tracked-items/${second.officeItem.id}/close`, {
        version: d.version,
        note: '已办结',
        link: 'https://fgw.jl.gov.cn/news/2024-06-20.html',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const unitOrg = s.f.users.jilinUnit.organisationId;
      const base = `/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}`;
      const filters = [
        '',
        ...['not_started', 'in_progress', 'closed', 'overdue'].map((st) => `&status=${st}`),
        `&organisationId=${unitOrg}`,
        `&status=overdue&organisationId=${unitOrg}`,
        `&status=not_started&organisationId=${s.f.users.zhejiang.organisationId}`,
      ];
      for (const f of filters) {
        const whole = (await office.get(`${base}${f}&pageSize=500`)).json();
        const ids = whole.items.map((i: { id: string }) => i.id);
        expect(whole.total, f).toBe(ids.length);
        const status = /status=(\w+)/.exec(f)?.[1];
        if (status) expect(whole.counts[status], f).toBe(ids.length);
        const paged: string[] = [];
        for (let page = 1; page <= ids.length + 1; page++) {
          const p = (await office.get(`${base}${f}&pageSize=1&page=${page}`)).json();
          expect(p.total, f).toBe(ids.length);
          paged.push(...p.items.map((i: { id: string; owners: unknown[] }) => i.id));
        }
        expect(paged, f).toEqual(ids);
        // Every page's item carries its own owners, as the whole list does.
        for (const item of whole.items as { id: string; owners: unknown[] }[]) {
          const one = (await office.get(`${base}${f}&pageSize=1&page=${ids.indexOf(item.id) + 1}`)).json().items[0];
          expect(one.owners, f).toEqual(item.owners);
        }
      }
      // The unit's filter finds the items it owns and no other, overdue ones before the rest.
      const owned = (await office.get(`${base}&organisationId=${unitOrg}&pageSize=500`)).json().items as {
        id: string;
        status: string;
        owners: { organisationId: string }[];
      }[];
      expect(owned.map((i) => i.id)).toEqual(expect.arrayContaining([first.unitItem.id, second.unitItem.id]));
      expect(owned.map((i) => i.id)).not.toContain(first.officeItem.id);
      for (const i of owned) expect(i.owners.map((o) => o.organisationId)).toContain(unitOrg);
      expect(owned.find((i) => i.id === second.unitItem.id)?.status).toBe('overdue');
    });

    it("lists each item's owners as its page shows them, whatever the filter, and none for an item without owners", async () => {
      const { office, officeItem, unitItem } = await meetingWithDecisions();
      // Two items of two owners each on either side of the unit's item, so each item's owner rows are put together.
      const { officeItem: next } = await meetingWithDecisions();
      await s.t.database.db.execute(sql`DELETE FROM tracked_item_owners WHERE item_id = ${unitItem.id}`);
      const detail = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
      expect(detail.owners.map((o: { role: string }) => o.role).sort()).toEqual(['co', 'lead']);
      const base = `/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}`;
      const jilin = s.f.users.jilin.organisationId;
      for (const f of [
        '',
        '&status=not_started',
        `&organisationId=${jilin}`,
        `&status=not_started&organisationId=${jilin}`,
      ]) {
        for (const pageSize of [1, 500]) {
          const items: { id: string; owners: unknown[] }[] = [];
          for (let page = 1; ; page++) {
            const p = (await office.get(`${base}${f}&pageSize=${pageSize}&page=${page}`)).json();
            if (!p.items.length) break;
            items.push(...p.items);
          }
          for (const id of [officeItem.id, next.id])
            expect(items.find((i) => i.id === id)?.owners, f).toEqual(detail.owners);
          // One row each: an item's owners are never listed as items of their own.
          expect(new Set(items.map((i) => i.id)).size, f).toBe(items.length);
          if (!f.includes('organisationId')) expect(items.find((i) => i.id === unitItem.id)?.owners, f).toEqual([]);
        }
      }
    });

    it("shows each item's pairing and owners as kept per pairing: read once for two pages, again after a change to either", async () => {
      const { office, officeItem } = await meetingWithDecisions();
      const db = s.t.database.db;
      let n = 0;
      const base = `/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}`;
      // Each call another address (page size), so no kept answer serves it; the item as its own page shows it.
      const listed = async () => {
        const pieces = countStatements(db, /^select "pairings"\."id"/i);
        const page = (await office.get(`${base}&pageSize=${50 + n++}`)).json();
        pieces.restore();
        const item = page.items.find((i: { id: string }) => i.id === officeItem.id);
        const detail = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
        expect(item.owners).toEqual(detail.owners);
        expect(item.pairingName).toBe(detail.pairingName);
        return { item, reads: pieces.count };
      };
      const first = await listed();
      expect(first.item.owners).toHaveLength(2);
      expect((await listed()).reads).toBe(0);
      // Owners edited: the next page reads the pairing's piece again and shows them.
      const d = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
      const ok = await office.patch(`/api/tracked-items/${officeItem.id}`, {
        version: d.version,
        owners: [{ organisationId: s.f.users.zhejiang.organisationId, role: 'lead' }],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const edited = await listed();
      expect(edited.reads).toBe(1);
      expect(edited.item.owners.map((o: { organisationId: string }) => o.organisationId)).toEqual([
        s.f.users.zhejiang.organisationId,
      ]);
      // A unit renamed, then the pairing: each shows at once.
      const org = s.f.users.zhejiang.organisationId;
      await db.execute(sql`UPDATE organisations SET name = name || '（更名）' WHERE id = ${org}`);
      expect((await listed()).item.owners[0].name).toMatch(/（更名）$/);
      await db.execute(sql`UPDATE pairings SET name = name || '（更名）' WHERE id = ${s.f.pairings.jilinZhejiang}`);
      expect((await listed()).item.pairingName).toMatch(/（更名）$/);
      await db.execute(sql`UPDATE organisations SET name = replace(name, '（更名）', '') WHERE id = ${org}`);
      await db.execute(
        sql`UPDATE pairings SET name = replace(name, '（更名）', '') WHERE id = ${s.f.pairings.jilinZhejiang}`,
      );
    });

    it('pages a long status list from its marks: every page as the whole list has it, and after a write', async () => {
      const { office, officeItem, unitItem } = await meetingWithDecisions();
      // 400 more decisions of the meeting: deep pages of a status start from a kept mark (every 100th item), and
      // items share deadlines and numbers, so the id breaks their ties.
      await s.t.database.db.execute(sql`
        INSERT INTO tracked_items (pairing_id, source, source_id, source_title, seq, text, deadline, state)
        SELECT pairing_id, source, source_id, source_title, 10 + g % 5, text || g, deadline - (g % 7) * 10,
               CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'in_progress' END
          FROM tracked_items, generate_series(1, 400) g WHERE id = ${officeItem.id}`);
      const base = `/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}&sourceId=${officeItem.sourceId}`;
      const pagesMatch = async (f: string) => {
        const whole = (await office.get(`${base}${f}&pageSize=500`)).json();
        const ids: string[] = whole.items.map((i: { id: string }) => i.id);
        for (const size of [7, 50]) {
          const paged: string[] = [];
          for (let page = 1; page <= Math.ceil(ids.length / size) + 1; page++) {
            const p = (await office.get(`${base}${f}&pageSize=${size}&page=${page}`)).json();
            expect(p.total, f).toBe(ids.length);
            paged.push(...p.items.map((i: { id: string }) => i.id));
          }
          expect(paged, `${f} by ${size}`).toEqual(ids);
        }
        return ids;
      };
      // A status's pages of every length and place, from the top or from a mark, are one statement each, whose bound
      // is the page's end read through a subquery: not a plain LIMIT value, which PostgreSQL plans afresh on every run,
      // nor written into the text, a statement per span each planned five times on every connection (page-marks).
      const texts = new Set<string>();
      const pages = countStatements(s.t.database.db, /^select "id" as "id"/i, (text) => texts.add(text));
      for (const [size, n] of [
        [7, 2],
        [9, 2],
        [10, 2],
        [7, 16],
        [9, 13],
        [10, 12],
        [50, 2],
        [25, 5],
      ])
        await office.get(`${base}&status=in_progress&pageSize=${size}&page=${n}`);
      pages.restore();
      expect(pages.count).toBe(8);
      expect(texts.size).toBe(2);
      for (const text of texts) {
        expect(text).toMatch(/\) LIMIT \(SELECT \$\d+::int\)\)\)\[\$\d+:\$\d+\]/);
        expect(text).not.toMatch(/limit (\$|\d)|offset \$/i);
      }
      expect((await pagesMatch('&status=in_progress')).length).toBeGreaterThan(150);
      expect((await pagesMatch('&status=closed')).length).toBeGreaterThan(100);
      await pagesMatch('&status=overdue');
      // The unit's item goes under way: it joins the list mid-way, and the marks are read again.
      const unit = await s.as(s.f.users.jilinUnit);
      const res = await unit.post(`/api/tracked-items/${unitItem.id}/progress`, { note: '已启动', percent: 10 });
      expect(res.statusCode, res.body).toBe(201);
      expect(await pagesMatch('&status=in_progress')).toContain(unitItem.id);
    });

    it('closes only with evidence, shows overdue past the deadline, and reopens with a reason', async () => {
      const { office, officeItem, unitItem } = await meetingWithDecisions();
      const d0 = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
      const bare = await office.post(`/api/tracked-items/${officeItem.id}/close`, {
        version: d0.version,
        note: '已办结',
      });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.details[0]).toMatchObject({ field: 'link', code: 'close_evidence_required' });
      expect((await office.get(`/api/tracked-items/${officeItem.id}`)).json().status).toBe('not_started');

      const closed = await office.post(`/api/tracked-items/${officeItem.id}/close`, {
        version: d0.version,
        note: '活动已于6月举办，签约项目12个',
        link: 'https://fgw.jl.gov.cn/news/2024-06-20.html',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', can: { reopen: true, close: false, progress: false } });
      // The day it was closed is China's: at 17:00 UTC on 31 December it is already 1 January there.
      await s.t.database.db.execute(
        sql`UPDATE tracked_items SET closed_at = '2026-12-31T17:00:00Z' WHERE id = ${officeItem.id}`,
      );
      expect((await office.get(`/api/tracked-items/${officeItem.id}`)).json().closedOn).toBe('2027-01-01');
      const stale = await office.post(`/api/tracked-items/${officeItem.id}/close`, {
        version: d0.version,
        note: 'x',
        link: 'https://a.cn',
      });
      expect(stale.statusCode).toBe(400);

      // Time passes: the other item's deadline is behind us, and it turns red (逾期) without any write of its status.
      await s.t.database.db.execute(sql`UPDATE tracked_items SET deadline = '2024-01-31' WHERE id = ${unitItem.id}`);
      const list = (
        await office.get(`/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}&status=overdue`)
      ).json();
      expect(list.items.map((i: { id: string }) => i.id)).toContain(unitItem.id);
      expect(list.counts.overdue).toBeGreaterThanOrEqual(1);

      const d1 = closed.json();
      const noReason = await office.post(`/api/tracked-items/${officeItem.id}/reopen`, {
        version: d1.version,
        reason: '',
      });
      expect(noReason.json().error.details[0].field).toBe('reason');
      const reopened = await office.post(`/api/tracked-items/${officeItem.id}/reopen`, {
        version: d1.version,
        reason: '签约项目落地情况需继续跟踪',
      });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json().status).toBe('in_progress');
      expect(reopened.json().notes.map((n: { kind: string }) => n.kind)).toEqual(['reopened', 'closed']);
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id = ${officeItem.id} ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['item.create', 'item.close', 'item.reopen']);
    });

    it('takes a file from the owner unit as evidence, which lets the office close without a link', async () => {
      const { office, unitItem } = await meetingWithDecisions();
      const unit = await s.as(s.f.users.jilinUnit);
      const up = await uploadFile(
        s.t,
        unit,
        `/api/tracked-items/${unitItem.id}/attachments`,
        '挂职干部名单.pdf',
        samplePdf(),
      );
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json().attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['挂职干部名单.pdf']);
      const outsider = await s.as(s.f.users.liaoning);
      expect(
        (await uploadFile(s.t, outsider, `/api/tracked-items/${unitItem.id}/attachments`, 'x.pdf', samplePdf()))
          .statusCode,
      ).toBe(404);
      const d = (await office.get(`/api/tracked-items/${unitItem.id}`)).json();
      const closed = await office.post(`/api/tracked-items/${unitItem.id}/close`, {
        version: d.version,
        note: '名单已报送',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', can: { attach: false } });
      // Closed: no more evidence, not even from the owner.
      const late = await uploadFile(s.t, unit, `/api/tracked-items/${unitItem.id}/attachments`, 'y.pdf', samplePdf());
      expect(late.json().error.details[0]).toMatchObject({ field: 'file', code: 'item_closed' });
    });

    it('shows a linked task by its number and title, as far as the reader can see it', async () => {
      await seedPlans(systemContext(s.t.deps));
      const task = (
        await s.t.database.db.execute<{ id: string; title: string }>(
          sql`SELECT id, title FROM tasks WHERE pairing_id = ${s.f.pairings.jilinZhejiang} AND code = '38'`,
        )
      ).rows[0]!;
      const { office, officeItem } = await meetingWithDecisions();
      const d = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
      expect(d.linkedTasks).toEqual([]);
      const res = await office.patch(`/api/tracked-items/${officeItem.id}`, { version: d.version, taskIds: [task.id] });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        taskIds: [task.id],
        linkedTasks: [{ id: task.id, code: '38', title: task.title }],
        linkedProjects: [],
      });
    });

    it('edits owners and deadline with the version, refusing an unknown task link by its place', async () => {
      const { office, officeItem } = await meetingWithDecisions();
      const d = (await office.get(`/api/tracked-items/${officeItem.id}`)).json();
      const bad = await office.patch(`/api/tracked-items/${officeItem.id}`, {
        version: d.version,
        taskIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(bad.json().error.details[0]).toMatchObject({ field: 'taskIds.0', code: 'unknown_task' });
      const ok = await office.patch(`/api/tracked-items/${officeItem.id}`, {
        version: d.version,
        deadline: inDays(90),
        owners: [{ organisationId: s.f.users.zhejiang.organisationId, role: 'lead' }],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().owners).toEqual([
        expect.objectContaining({ organisationId: s.f.users.zhejiang.organisationId, side: 'b', role: 'lead' }),
      ]);
      const conflict = await office.patch(`/api/tracked-items/${officeItem.id}`, { version: d.version, text: '改' });
      expect(conflict.statusCode).toBe(409);
    });

    it('exports the 督办台账 with its items and who exported it', async () => {
      const { office } = await meetingWithDecisions();
      const res = await office.get(`/api/tracked-items/ledger.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(String(ws.getCell(1, 1).value)).toContain('督办台账');
      expect(String(ws.getCell(2, 1).value)).toContain('jilin');
      const texts = ws.getColumn(4).values.map(String);
      expect(texts).toContain('共同举办浙商吉林行');
      expect(texts).toContain('报送挂职干部名单');
      expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('督办台账-'));
      // In the language of the user's interface.
      const en = await office.get(`/api/tracked-items/ledger.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`, {
        'accept-language': 'en',
      });
      const enBook = new ExcelJS.Workbook();
      await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
      expect(enBook.worksheets[0]!.name).toBe('Tracked items');
      expect(String(en.headers['content-disposition'])).toContain('Tracked%20items-');
    });
  },
  120_000,
);
