import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { PlanPreview, PlanDetail } from '../../../common/api/plans.ts';
import { uploadPlan, confirmBody, seedPlanText, counts } from './test-support/plan-api.ts';

const EXPECTED = {
  national: { user: 'national', tasks: 18, pairing: null, title: '东北地区与东部地区部分省市对口合作工作方案' },
  jilinZhejiang: { user: 'jilin', tasks: 39, pairing: '吉林省—浙江省', title: '吉林省与浙江省对口合作实施方案' },
  liaoningJiangsu: { user: 'liaoning', tasks: 24, pairing: '辽宁省—江苏省', title: '辽宁省与江苏省对口合作实施方案' },
} as const;

const allTasks = (sections: PlanDetail['sections']): PlanDetail['tasks'] =>
  sections.flatMap((s) => [...s.tasks, ...allTasks(s.children)]);

describe.each(testEngines())('plan import on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('previews each seed plan with its tasks, targets, source lines and pairing, and writes nothing', async () => {
    const before = await counts(s.t);
    for (const [name, e] of Object.entries(EXPECTED) as [
      keyof typeof EXPECTED,
      (typeof EXPECTED)[keyof typeof EXPECTED],
    ][]) {
      const c = await s.as(s.f.users[e.user]);
      const res = await uploadPlan(s.t, c, `${name}.txt`, seedPlanText(name), 'text/plain');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const p = res.json() as PlanPreview;
      expect(p.plan.title).toBe(e.title);
      expect(p.taskCount).toBe(e.tasks);
      expect(p.pairing?.name ?? null).toBe(e.pairing);
      expect(p.existing).toBeNull();
      expect(p.sourceLines.length).toBe(p.sourceText.split('\n').length);
      const first = p.plan.sections
        .flatMap(function all(x): PlanPreview['plan']['sections'] {
          return [x, ...((x as { children?: PlanPreview['plan']['sections'] }).children ?? []).flatMap(all)];
        })
        .flatMap((x) => (x as { tasks: { line: number; title: string; code: string }[] }).tasks)[0]!;
      // The clause sits on its line of the normalised text the preview shows beside the tree.
      expect(p.sourceLines[first.line - 1]!.text).toContain(first.title.slice(0, 6));
      if (name === 'national') {
        expect(p.programmeId).toBe(s.f.programmeId);
        expect(first.code).toBe('（一）1');
        expect(p.targetCount).toBe(0);
      } else {
        expect(p.targetCount).toBeGreaterThan(0);
        expect(first.code).toBe('1');
        expect(p.subPairs.length).toBeGreaterThan(0);
        // The seed already created the city sub-pairs (zone-to-zone pairs named in task text belong to the parks register).
        const cities = p.subPairs.filter((x) => x.resolved && /^[0-9]/.test(x.sideA[0]!));
        expect(cities.length).toBeGreaterThanOrEqual(name === 'jilinZhejiang' ? 11 : 3);
        expect(
          cities.every((x) => x.exists),
          JSON.stringify(cities.filter((x) => !x.exists)),
        ).toBe(true);
      }
    }
    expect(await counts(s.t)).toEqual(before);
  });

  it('confirms each seed plan: plan, sections, tasks, targets, source text and one audit row', async () => {
    const ids: Record<string, string> = {};
    for (const [name, e] of Object.entries(EXPECTED) as [
      keyof typeof EXPECTED,
      (typeof EXPECTED)[keyof typeof EXPECTED],
    ][]) {
      const c = await s.as(s.f.users[e.user]);
      const preview = (await uploadPlan(s.t, c, `${name}.txt`, seedPlanText(name))).json() as PlanPreview;
      const res = await c.post('/api/plans', confirmBody(preview));
      expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
      expect(res.json()).toMatchObject({ versionNo: 1, taskCount: e.tasks, changes: null, unchanged: false });
      ids[name] = res.json().id;
      const detail = (await c.get(`/api/plans/${ids[name]}`)).json() as PlanDetail;
      expect(allTasks(detail.sections)).toHaveLength(e.tasks);
      expect(detail.taskCount).toBe(e.tasks);
      expect(detail.source!.lineCount).toBe(preview.sourceLines.length);
      expect(detail.measures.length).toBe(preview.plan.measures.length);
    }
    const national = (await (await s.as(s.f.users.national)).get(`/api/plans/${ids.national}`)).json() as PlanDetail;
    expect(national.kind).toBe('national');
    expect(national.pairingId).toBeNull();
    expect(national.measures).toHaveLength(6);
    expect(national.sections.map((x) => x.title)).toContain('重点任务');

    const liaoning = await s.as(s.f.users.liaoning);
    const tasks = (await liaoning.get(`/api/tasks?planId=${ids.liaoningJiangsu}&pageSize=100`)).json();
    expect(tasks.total).toBe(24);
    const four = tasks.items.find((x: { code: string }) => x.code === '4');
    const detail = (await liaoning.get(`/api/tasks/${four.id}`)).json();
    expect(detail.text).toMatch(/不少于50家企业/);
    expect(detail.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          min: '1',
          max: '2',
          unit: '个',
          perYear: true,
          comparison: 'range',
          source: '1—2个',
        }),
        expect.objectContaining({ min: '50', max: null, unit: '家', comparison: 'atLeast' }),
      ]),
    );
    expect(detail.sourceLine).toBeGreaterThan(0);
    expect(detail.source.fileName).toBe('liaoningJiangsu.txt');
    const stored = await s.t.database.db.execute<{ min: string; kind: string }>(sql`
      SELECT g.min::text AS min, pg_typeof(g.min)::text AS kind FROM task_targets g WHERE g.task_id = ${four.id} ORDER BY ordinal LIMIT 1`);
    expect(stored.rows[0]).toEqual({ min: '1.0000', kind: 'numeric' });
    const audit = await s.t.database.db.execute<{ action: string; object_id: string }>(
      sql`SELECT action, object_id FROM audit_log WHERE action LIKE 'plan.%' ORDER BY id`,
    );
    expect(audit.rows).toEqual(Object.values(ids).map((id) => ({ action: 'plan.import', object_id: id })));
  });

  it('reads a Word upload like the text it holds', async () => {
    const c = await s.as(s.f.users.jilin);
    const paragraphs = seedPlanText('jilinZhejiang').toString('utf8').split(/\n/);
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }),
    );
    const res = await uploadPlan(
      s.t,
      c,
      '吉林省与浙江省对口合作实施方案.docx',
      docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const p = res.json() as PlanPreview;
    expect(p.fileName).toBe('吉林省与浙江省对口合作实施方案.docx');
    expect(p.taskCount).toBe(39);
    expect(p.pairing?.id).toBe(s.f.pairings.jilinZhejiang);
    // Already imported by the test above: the preview compares with it, and the same tasks are unchanged.
    expect(p.existing?.versionNo).toBe(1);
    expect(p.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 39 });
  });

  it('refuses files that are not plans with a clear bilingual message, naming the file field, and stores nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await counts(s.t);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('任务').addRow(['1', '吉林省与浙江省对口合作']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const cases: [string, Buffer, string, RegExp][] = [
      ['方案.pdf', png, 'file_image', /图片/],
      ['方案.txt', Buffer.alloc(0), 'file_empty', /为空/],
      ['方案.docx', xlsx, 'file_spreadsheet', /电子表格/],
      ['方案.txt', Buffer.alloc(21 * 1024 * 1024, 0x41), 'file_too_large', /20 MB/],
      ['说明.txt', Buffer.from('这是一份会议通知。请各单位按时参加。\n联系人：张三。'), 'file_no_tasks', /重点任务/],
    ];
    for (const [name, content, code, zh] of cases) {
      const res = await uploadPlan(s.t, c, name, content);
      expect(res.statusCode, `${name} ${code} ${res.body.slice(0, 200)}`).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('plan_file_refused');
      expect(err.message).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
      expect(err.details[0]).toMatchObject({ field: 'file', code });
      expect(err.details[0].zh).toMatch(zh);
      expect(err.details[0].en).toMatch(/[a-z]/);
      expect(err.details[0].zh).not.toMatch(/\{/);
    }
    const json = await c.post('/api/plans/preview', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('plan_upload_required');
    expect(await counts(s.t)).toEqual(before);
  });

  it('offers candidate pairings when the sides match none, and requires a choice', async () => {
    const c = await s.as(s.f.users.jilin);
    const text = seedPlanText('jilinZhejiang')
      .toString('utf8')
      .replace('吉林省与浙江省对口合作实施方案', '吉林省与江苏省对口合作实施方案');
    const p = (await uploadPlan(s.t, c, 'jl-js.txt', Buffer.from(text))).json() as PlanPreview;
    expect(p.pairing).toBeNull();
    expect(p.pairingCandidates[0]!.name).toBe('吉林省—浙江省');
    expect(p.pairingCandidates.map((x) => x.name)).not.toContain('辽宁省—江苏省');
    const res = await c.post('/api/plans', confirmBody(p));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'pairingId', code: 'pairing_required' }),
    ]);
  });

  it('offers every visible pairing when the title names no region at all', async () => {
    const c = await s.as(s.f.users.jilin);
    const text = seedPlanText('jilinZhejiang')
      .toString('utf8')
      .replace('吉林省与浙江省对口合作实施方案', '对口合作实施方案（2026年修订）');
    const res = await uploadPlan(s.t, c, 'untitled.txt', Buffer.from(text));
    expect(res.statusCode).toBe(200);
    const p = res.json() as PlanPreview;
    expect(p.pairing).toBeNull();
    expect(p.pairingCandidates.map((x) => x.name)).toContain('吉林省—浙江省');
  });

  it('refuses another pairing, a programme-level plan from a pairing office, and a corrected tree with errors, naming each field', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = (await uploadPlan(s.t, c, 'ln.txt', seedPlanText('liaoningJiangsu'))).json() as PlanPreview;
    // 辽宁—江苏 is outside 吉林's scope: not detected, and refused when named.
    expect(p.pairing).toBeNull();
    const foreign = await c.post('/api/plans', confirmBody(p, { pairingId: s.f.pairings.liaoningJiangsu }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    const national = await c.post(
      '/api/plans',
      confirmBody(p, { kind: 'national', pairingId: null, programmeId: s.f.programmeId }),
    );
    expect(national.statusCode).toBe(403);

    const before = await counts(s.t);
    const sections = structuredClone(p.plan.sections) as {
      tasks: { no: number; line: number; targets: unknown[] }[];
      children?: typeof sections;
    }[];
    const tasksOf = (list: typeof sections): (typeof sections)[number]['tasks'] =>
      list.flatMap((x) => [...x.tasks, ...tasksOf(x.children ?? [])]);
    const t = tasksOf(sections);
    t[1]!.no = t[0]!.no;
    t[2]!.line = 99_999;
    // A figure that is not a number is refused by the schema, before the tree is checked as a whole.
    t[3]!.targets = [{ min: 'abc', max: null, unit: '家', comparison: 'atLeast' }];
    const bad = await c.post(
      '/api/plans',
      confirmBody(p, { pairingId: s.f.pairings.jilinZhejiang, title: '辽苏方案（误选）', sections }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      expect.stringMatching(/tasks\.\d+\.targets\.0\.min:invalid_decimal$/),
    ]);
    t[3]!.targets = [{ min: '5', max: '2', unit: '个', comparison: 'range', perYear: false }];
    const bad2 = await c.post(
      '/api/plans',
      confirmBody(p, { pairingId: s.f.pairings.jilinZhejiang, title: '辽苏方案（误选）', sections }),
    );
    expect(bad2.statusCode).toBe(400);
    const fields2 = bad2
      .json()
      .error.details.map(
        (d: { field: string; code: string }) => `${d.field.replace(/\.\d+\.tasks\.\d+/, '.N.tasks.N')}:${d.code}`,
      );
    expect(fields2).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tasks\.N\.no:duplicate_task_no$/),
        expect.stringMatching(/tasks\.N\.line:line_out_of_range$/),
        expect.stringMatching(/targets\.0\.max:target_range$/),
      ]),
    );
    expect(
      bad2
        .json()
        .error.details.every((d: { zh: string; en: string }) => /[\u4e00-\u9fa5]/.test(d.zh) && /[a-z]/.test(d.en)),
    ).toBe(true);
    expect(await counts(s.t)).toEqual(before);
  });

  it('creates the sub-pairs the user chose under the pairing, linked to their clause, all or nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const text = seedPlanText('jilinZhejiang')
      .toString('utf8')
      .replace('吉林省与浙江省对口合作实施方案', '吉林省与浙江省对口合作数字经济专项方案');
    const p = (await uploadPlan(s.t, c, 'special.txt', Buffer.from(text))).json() as PlanPreview;
    expect(p.existing).toBeNull();
    const before = await counts(s.t);
    const chosen = { sideA: ['220102'], sideB: ['330106'], theme: '数字经济', line: 15, quote: '南关区与西湖区' };
    // The second sub-pair repeats an existing one: the whole import is refused, the first sub-pair included.
    const refused = await c.post(
      '/api/plans',
      confirmBody(p, { kind: 'special', subPairs: [chosen, { sideA: ['220100', 'Z22000001'], sideB: ['330100'] }] }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'subPairs.1.sideB', code: 'duplicate_pairing' });
    expect(await counts(s.t)).toEqual(before);

    const ok = await c.post('/api/plans', confirmBody(p, { kind: 'special', subPairs: [chosen] }));
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(201);
    const [subId] = ok.json().subPairIds;
    const sub = (await c.get(`/api/pairings/${subId}`)).json();
    expect(sub.parent.id).toBe(s.f.pairings.jilinZhejiang);
    expect(sub.level).toBe('county');
    expect(sub.source).toMatchObject({ line: 15, quote: '南关区与西湖区' });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id IN (${ok.json().id}, ${subId}) ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['pairing.create', 'plan.import']);
  });
});
