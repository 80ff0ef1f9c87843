import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { systemContext } from '../http/system-actor.ts';
import { fillDemo, clearDemo, DEMO_MARK } from './demo-data.ts';
import { uploadFile } from '../kernel/attachments/test-support/upload-file.ts';
import { samplePdf, storedFiles } from '../kernel/attachments/test-support/attachment-files.ts';
import { funnel, moneyByStage, rates, ratesBy, type ProjectFacts } from '../modules/projects/project-rates.ts';
import { toWan, wan } from '../../common/money/money.ts';
import { MONEY_FIGURES, type ProjectSummary } from '../../common/api/projects.ts';

describe.each(testEngines())('demo data on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('fills a pairing with demo records shown as demo, and removes them in one step', async () => {
    const ctx = systemContext(s.t.deps);
    const counts = await fillDemo(ctx, s.f.pairings.jilinZhejiang);
    expect(counts).toMatchObject({
      projects: 23,
      parks: 3,
      enterprises: 6,
      agreements: 1,
      events: 3,
      eventAgreements: 6,
      meetings: 3,
      trackedItems: 3,
    });
    await expect(fillDemo(ctx, s.f.pairings.jilinZhejiang)).rejects.toThrow(/demo clear/);

    const c = await s.as(s.f.users.jilin);
    const list = (await c.get(`/api/projects?pairingId=${s.f.pairings.jilinZhejiang}&pageSize=100`)).json();
    expect(list.total).toBe(23);
    for (const p of list.items) {
      expect(p.isDemo).toBe(true);
      expect(p.title.startsWith(DEMO_MARK)).toBe(true);
    }
    const stages = new Set(list.items.map((p: { stage: string }) => p.stage));
    for (const st of ['planning', 'signed', 'sited', 'started', 'producing', 'paused', 'terminated'])
      expect(stages).toContain(st);
    const stats = (await c.get(`/api/projects/stats?pairingId=${s.f.pairings.jilinZhejiang}&groupBy=year`)).json();
    expect(stats.counts).toMatchObject({ projects: 23, parks: 3, events: 3 });
    expect(Number(stats.overall.arrivalRate)).toBeGreaterThan(0);
    // The database's aggregates say what project-rates.ts defines, computed here from the projects one by one.
    const facts = list.items.map((p: ProjectSummary) => ({
      side: p.side,
      stage: p.stage,
      furthest: p.furthestStage,
      figures: Object.fromEntries(MONEY_FIGURES.map((f) => [f, wan(p.figures[f])])),
    })) as (ProjectFacts & { side: string })[];
    const shown = (r: ReturnType<typeof rates>) => ({
      ...r,
      signedAmount: toWan(r.signedAmount),
      arrivedFunds: toWan(r.arrivedFunds),
    });
    const expected = funnel(facts);
    expect(stats.funnel).toEqual(Object.entries(expected.reached).map(([stage, reached]) => ({ stage, reached })));
    for (const row of stats.byStage) {
      expect(row.projects).toBe(expected.current[row.stage as ProjectSummary['stage']]);
      const money = moneyByStage(facts)[row.stage as ProjectSummary['stage']];
      expect(row.figures).toEqual(Object.fromEntries(MONEY_FIGURES.map((f) => [f, toWan(money[f])])));
    }
    expect(stats.overall).toMatchObject(shown(rates(facts)));
    const bySide = (await c.get(`/api/projects/stats?pairingId=${s.f.pairings.jilinZhejiang}&groupBy=side`)).json();
    const oracle = ratesBy(facts, (p) => p.side);
    expect(bySide.groups.map((g: { key: string }) => g.key).sort()).toEqual([...oracle.keys()].sort());
    for (const g of bySide.groups) expect(g).toMatchObject(shown(oracle.get(g.key)!));
    const parks = (await c.get(`/api/parks?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    const main = parks.items.find((p: { branchCount: number }) => p.branchCount === 2);
    expect(main.isDemo).toBe(true);
    const detail = (await c.get(`/api/parks/${main.id}`)).json();
    const st = (await c.get(`/api/parks/${main.id}/agreements/${detail.agreements[0].id}/statement?year=2024`)).json();
    expect(st.correctionCount).toBe(0);
    expect(st.figures.find((f: { figure: string }) => f.figure === 'vat').groups[0].shares).toEqual(['30', '70']);
    const events = (await c.get(`/api/events?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(events.items.every((e: { isDemo: boolean }) => e.isDemo)).toBe(true);

    // Meetings and their decisions, marked as demo, owned on both sides; one due within days.
    const meetings = (await c.get(`/api/meetings?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(meetings.total).toBe(3);
    // The joint meetings take turns: the rotation is set, and proposes 东北 after the last one 东部 hosted.
    const next = (
      await c.get(`/api/meetings/next-host?pairingId=${s.f.pairings.jilinZhejiang}&kind=joint_meeting`)
    ).json();
    expect(next).toMatchObject({ order: ['a', 'b'], side: 'a', proposal: 'rotation' });
    for (const m of meetings.items) {
      expect(m.isDemo).toBe(true);
      expect(m.title.startsWith(DEMO_MARK)).toBe(true);
    }
    const items = (await c.get(`/api/tracked-items?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(items.total).toBe(3);
    expect(items.items.every((i: { isDemo: boolean }) => i.isDemo)).toBe(true);
    // One decision worked through to its end: progress, then 销号 with its evidence.
    expect(items.counts).toMatchObject({ not_started: 2, in_progress: 0, closed: 1, overdue: 0 });
    const done = items.items.find((i: { status: string }) => i.status === 'closed');
    const record = (await c.get(`/api/tracked-items/${done.id}`)).json();
    expect(record.notes.map((n: { kind: string }) => n.kind)).toEqual(['closed', 'progress']);
    expect(record.notes[0].link).toMatch(/^https:/);
    const sides = new Set(items.items.flatMap((i: { owners: { side: string }[] }) => i.owners.map((o) => o.side)));
    expect([...sides].sort()).toEqual(['a', 'b']);
    const open = items.items[0];
    expect(
      (await uploadFile(s.t, c, `/api/tracked-items/${open.id}/attachments`, '名单.pdf', samplePdf())).statusCode,
    ).toBe(201);

    const real = await c.post('/api/projects', {
      pairingId: s.f.pairings.jilinZhejiang,
      title: '真实项目',
      investor: '某公司',
      hostRegionCode: '220100',
      type: 'industrial',
      parkId: main.id,
    });
    expect(real.statusCode).toBe(201);

    // A file kept with a demo project goes when the demo data goes.
    expect(
      (await uploadFile(s.t, c, `/api/projects/${list.items[0].id}/attachments`, '协议.pdf', samplePdf())).statusCode,
    ).toBe(201);
    const files = () => storedFiles(s.t.deps.config.dataDir).length;
    expect(files()).toBe(2);

    // A rotation the office sets itself is its own: demo clear leaves it.
    const own = await c.request('PUT', '/api/meetings/rotation', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'video_conference',
      order: ['b', 'a'],
    });
    expect(own.statusCode, own.body).toBe(200);

    const removed = await clearDemo(ctx);
    expect(files()).toBe(0);
    // Exactly what demo fill made: the joint-meeting rotation it set goes, the office's stays.
    const rotations = await s.t.database.db.execute<{ kind: string }>(sql`SELECT kind FROM meeting_rotations`);
    expect(rotations.rows.map((r) => r.kind)).toEqual(['video_conference']);
    expect(removed).toMatchObject({ projects: 23, parks: 3, events: 3, meetings: 3, rotations: 1, trackedItems: 3 });
    const left = await s.t.database.db.execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM projects WHERE is_demo) + (SELECT count(*) FROM parks) + (SELECT count(*) FROM events)
           + (SELECT count(*) FROM park_ledger_entries) + (SELECT count(*) FROM event_agreements)
           + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM tracked_items)
           + (SELECT count(*) FROM tracked_item_owners) + (SELECT count(*) FROM tracked_item_notes)
           + (SELECT count(*) FROM attachments WHERE owner_kind = 'tracked_item') AS n`);
    expect(Number(left.rows[0]!.n)).toBe(0);
    const kept = (await c.get(`/api/projects/${real.json().id}`)).json();
    expect(kept).toMatchObject({ title: '真实项目', park: null, isDemo: false });
  });
});
