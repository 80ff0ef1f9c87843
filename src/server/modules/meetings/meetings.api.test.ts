import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../kernel/dates.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

/** A date some days from today (China time), so deadlines stay in the future whenever the tests run. */
const inDays = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())(
  'meetings and their decisions on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const meeting = (overrides: Record<string, unknown> = {}) => ({
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'joint_meeting',
      title: '吉林省—浙江省对口合作第三次联席会议',
      heldOn: '2024-05-20',
      place: '长春',
      hostSide: 'a',
      chair: '省发展改革委主任',
      attendees: [
        { side: 'a', name: '张某', post: '副主任', organisation: '吉林省发展改革委' },
        { side: 'b', name: '李某', post: '副主任', organisation: '浙江省发展改革委' },
      ],
      agenda: '一、通报上年度合作进展；二、审议年度工作要点',
      minutes: '会议议定以下事项……',
      ...overrides,
    });

    it('records a joint meeting with two decisions that become tracked items owned on both sides', async () => {
      const c = await s.as(s.f.users.jilin);
      const res = await c.post(
        '/api/meetings',
        meeting({
          decisions: [
            {
              text: '两省共同举办2024浙商吉林行活动',
              deadline: inDays(60),
              owners: [
                { organisationId: s.f.users.jilin.organisationId, role: 'lead' },
                { organisationId: s.f.users.zhejiang.organisationId, role: 'co' },
              ],
            },
            {
              text: '建立干部互派挂职工作台账',
              deadline: inDays(30),
              owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
            },
          ],
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      expect(m).toMatchObject({ decisionCount: 2, openDecisionCount: 2, hostSide: 'a' });
      expect(m.decisions.map((d: { seq: number; status: string }) => [d.seq, d.status])).toEqual([
        [2, 'not_started'],
        [1, 'not_started'],
      ]);
      const first = m.decisions.find((d: { seq: number }) => d.seq === 1);
      expect(first.owners.map((o: { side: string; role: string }) => [o.side, o.role]).sort()).toEqual([
        ['a', 'lead'],
        ['b', 'co'],
      ]);
      expect(first).toMatchObject({ source: 'meeting_decision', sourceId: m.id, sourceTitle: m.title });
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id IN (${m.id}, ${first.id}) ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['meeting.create', 'item.create']);
    });

    it('proposes the next host from the rotation and asks for a reason to differ', async () => {
      const c = await s.as(s.f.users.jilin);
      const pairingId = s.f.pairings.jilinWenzhou;
      expect((await c.get(`/api/meetings/next-host?pairingId=${pairingId}&kind=joint_meeting`)).json()).toMatchObject({
        side: null,
        proposal: 'none',
      });
      const rot = await c.request('PUT', '/api/meetings/rotation', {
        pairingId,
        kind: 'joint_meeting',
        order: ['a', 'b'],
      });
      expect(rot.statusCode, rot.body).toBe(200);
      expect((await c.get(`/api/meetings/next-host?pairingId=${pairingId}&kind=joint_meeting`)).json()).toMatchObject({
        side: 'a',
        proposal: 'first',
      });
      const held = await c.post('/api/meetings', meeting({ pairingId, title: '第一次联席会议', heldOn: '2024-03-01' }));
      expect(held.statusCode, held.body).toBe(201);
      expect((await c.get(`/api/meetings/next-host?pairingId=${pairingId}&kind=joint_meeting`)).json()).toMatchObject({
        side: 'b',
        proposal: 'rotation',
        last: { title: '第一次联席会议', hostSide: 'a' },
      });
      const again = await c.post(
        '/api/meetings',
        meeting({ pairingId, title: '第二次联席会议', heldOn: '2024-09-01' }),
      );
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details[0]).toMatchObject({
        field: 'hostOverrideReason',
        code: 'host_override_reason_required',
      });
      expect(again.json().error.details[0].zh).toContain('东部地区一方');
      const overridden = await c.post(
        '/api/meetings',
        meeting({
          pairingId,
          title: '第二次联席会议',
          heldOn: '2024-09-01',
          hostOverrideReason: '温州市承办条件尚不具备，经双方商定互换',
        }),
      );
      expect(overridden.statusCode, overridden.body).toBe(201);
      const dup = await c.request('PUT', '/api/meetings/rotation', {
        pairingId,
        kind: 'joint_meeting',
        order: ['a', 'a'],
      });
      expect(dup.json().error.details[0]).toMatchObject({ field: 'order', code: 'duplicate_side' });
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const c = await s.as(s.f.users.jilin);
      const count = async () =>
        (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM meetings`)).rows[0]!.n;
      const before = await count();
      const outOfOrder = await c.post('/api/meetings', meeting({ heldOn: '2024-05-20', endsOn: '2024-05-18' }));
      expect(outOfOrder.json().error.details[0]).toMatchObject({ field: 'endsOn', code: 'date_order' });
      const badSide = await c.post('/api/meetings', meeting({ hostSide: 'c' }));
      expect(badSide.statusCode).toBe(400);
      expect(badSide.json().error.details[0].field).toBe('hostSide');
      const outsider = await c.post(
        '/api/meetings',
        meeting({
          decisions: [
            {
              text: '事项',
              deadline: inDays(10),
              owners: [{ organisationId: s.f.users.liaoning.organisationId, role: 'lead' }],
            },
          ],
        }),
      );
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error.details[0]).toMatchObject({
        field: 'decisions.0.owners.0.organisationId',
      });
      const past = await c.post(
        '/api/meetings',
        meeting({
          decisions: [
            {
              text: '事项',
              deadline: '2020-01-01',
              owners: [{ organisationId: s.f.users.jilin.organisationId, role: 'lead' }],
            },
          ],
        }),
      );
      expect(past.json().error.details[0]).toMatchObject({ field: 'decisions.0.deadline', code: 'deadline_in_past' });
      expect(await count()).toBe(before);
    });

    it('pages a long list from its marks: every page as the whole list has it, and after a new meeting', async () => {
      const c = await s.as(s.f.users.jilin);
      const first = (await c.post('/api/meetings', meeting({ title: '标记会议' }))).json();
      // 260 copies over three dates: deep pages start from a kept mark (every 100th meeting), and a mark falls among
      // the meetings of one day, whose order is by id.
      await s.t.database.db.execute(sql`
        INSERT INTO meetings
        SELECT (jsonb_populate_record(m, jsonb_build_object(
                 'id', gen_random_uuid(), 'held_on', DATE '2023-06-01' + (g % 3) * 30,
                 'kind', CASE WHEN g % 2 = 0 THEN 'symposium' ELSE 'joint_meeting' END))).*
          FROM meetings m, generate_series(1, 260) g WHERE m.id = ${first.id}`);
      const base = `/api/meetings?pairingId=${s.f.pairings.jilinZhejiang}`;
      const pagesMatch = async (f: string) => {
        const whole = (await c.get(`${base}${f}&pageSize=500`)).json();
        const ids: string[] = whole.items.map((i: { id: string }) => i.id);
        for (const size of [7, 50]) {
          const paged: string[] = [];
          for (let page = 1; page <= Math.ceil(ids.length / size) + 1; page++) {
            const p = (await c.get(`${base}${f}&pageSize=${size}&page=${page}`)).json();
            expect(p.total, f).toBe(ids.length);
            paged.push(...p.items.map((i: { id: string }) => i.id));
          }
          expect(paged, `${f} by ${size}`).toEqual(ids);
        }
        return ids;
      };
      // A filter's first pages read its count and the page, not its marks (a window over all of the filter's
      // meetings); the first page past the first mark's stretch reads them.
      const marks = countStatements(s.t.database.db, /row_number\(\) over/i);
      for (const page of [1, 2]) await c.get(`${base}&kind=symposium&pageSize=50&page=${page}`);
      expect(marks.count).toBe(0);
      await c.get(`${base}&kind=symposium&pageSize=50&page=3`);
      expect(marks.count).toBe(1);
      marks.restore();
      // Pages of a filter from the top, of every length, are one statement, whose bound is the page's end read through
      // a subquery: not a plain LIMIT value, which PostgreSQL plans afresh on every run, nor written into the text, a
      // statement per span each planned five times on every connection (kernel/page-marks.ts).
      const texts = new Set<string>();
      const page = countStatements(s.t.database.db, /^select "id" as "id", "pairing_id" as "pairingId"/i, (text) =>
        texts.add(text),
      );
      for (const [size, n] of [
        [7, 2],
        [9, 2],
        [10, 2],
        [40, 2],
      ])
        await c.get(`${base}&kind=symposium&pageSize=${size}&page=${n}`);
      page.restore();
      expect(page.count).toBe(4);
      expect(texts.size).toBe(1);
      expect([...texts][0]).toMatch(/\) LIMIT \(SELECT \$\d+::int\)\)\)\[\$\d+:\$\d+\]/);
      expect([...texts][0]).not.toMatch(/limit (\$|\d)|offset \$/i);
      expect((await pagesMatch('')).length).toBeGreaterThan(260);
      expect((await pagesMatch('&kind=symposium')).length).toBe(130);
      expect((await pagesMatch('&year=2023')).length).toBe(260);
      // A meeting on the middle day joins the list mid-way: the marks are read again.
      const added = (await c.post('/api/meetings', meeting({ heldOn: '2023-07-01', title: '新增会议' }))).json();
      expect(await pagesMatch('&year=2023')).toContain(added.id);
      // Another pairing's office sees none of them, from any page.
      const other = await s.as(s.f.users.liaoning);
      expect((await other.get(`${base}&pageSize=7&page=20`)).json()).toMatchObject({ items: [], total: 0 });
    });

    it('lists decision counts kept per pairing: as the meeting shows them, moved at once by a decision added or closed', async () => {
      const c = await s.as(s.f.users.jilin);
      const decision = (text: string) => ({
        text,
        deadline: inDays(40),
        owners: [{ organisationId: s.f.users.jilin.organisationId, role: 'lead' }],
      });
      const a = (
        await c.post('/api/meetings', meeting({ title: '计数会议甲', decisions: [decision('甲一'), decision('甲二')] }))
      ).json();
      const b = (
        await c.post(
          '/api/meetings',
          meeting({ pairingId: s.f.pairings.jilinWenzhou, kind: 'symposium', title: '计数会议乙', decisions: [] }),
        )
      ).json();
      let size = 100;
      // Every read at another address: no answer comes from the response cache.
      const listed = async () => {
        const items: { id: string; decisionCount: number; openDecisionCount: number }[] = (
          await c.get(`/api/meetings?pageSize=${size--}`)
        ).json().items;
        const counts = (id: string) => {
          const m = items.find((i) => i.id === id)!;
          return [m.decisionCount, m.openDecisionCount];
        };
        const detail = (await c.get(`/api/meetings/${a.id}`)).json();
        expect(counts(a.id)).toEqual([detail.decisionCount, detail.openDecisionCount]);
        return { a: counts(a.id), b: counts(b.id) };
      };
      const reads = countStatements(s.t.database.db, /^SELECT "meetings"\."pairing_id" AS "pairingId"/);
      expect(await listed()).toEqual({ a: [2, 2], b: [0, 0] });
      expect(reads.count).toBe(1);
      expect(await listed()).toEqual({ a: [2, 2], b: [0, 0] });
      expect(reads.count).toBe(1);
      const added = await c.post(`/api/meetings/${a.id}/decisions`, { decisions: [decision('甲三')] });
      expect(added.statusCode, added.body).toBe(201);
      expect(await listed()).toEqual({ a: [3, 3], b: [0, 0] });
      const third = added.json().decisions.find((d: { text: string }) => d.text === '甲三');
      const item = (await c.get(`/api/tracked-items/${third.id}`)).json();
      const closed = await c.post(`/api/tracked-items/${item.id}/close`, {
        version: item.version,
        note: '已办结',
        link: 'https://fgw.jl.gov.cn/news/2024-06-20.html',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(await listed()).toEqual({ a: [3, 2], b: [0, 0] });
      reads.restore();
    });

    it("answers 404 for another pairing's meeting and item", async () => {
      const c = await s.as(s.f.users.jilin);
      const m = (
        await c.post(
          '/api/meetings',
          meeting({
            decisions: [
              {
                text: '事项甲',
                deadline: inDays(20),
                owners: [{ organisationId: s.f.users.jilin.organisationId, role: 'lead' }],
              },
            ],
          }),
        )
      ).json();
      const other = await s.as(s.f.users.liaoning);
      expect((await other.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/tracked-items/${m.decisions[0].id}`)).statusCode).toBe(404);
      const list = (await other.get(`/api/meetings?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
      expect(list.total).toBe(0);
    });
  },
  120_000,
);
