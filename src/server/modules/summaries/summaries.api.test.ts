import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { newProject } from '../projects/test-support/project-api.ts';
import { rosterFile, uploadRoster } from '../people/test-support/roster-file.ts';
import { withCheckCharacter } from '../../../common/api/id-number.ts';

describe.each(testEngines())(
  'annual summary, submission and the year lock on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const orgDept = { username: '', password: '' };
    let office: TestClient;
    let projectId: string;
    beforeAll(async () => {
      orgDept.username = 'jl-zzb-summary';
      Object.assign(
        orgDept,
        await buildOrgUser(systemContext(s.t.deps), {
          username: 'jl-zzb-summary',
          regionCode: '220000',
          roles: ['org_dept'],
          kind: 'org_dept',
        }),
      );
      office = await s.as(s.f.users.jilin);
      // One project signed in 2024 with its 签约额 and 到位资金: what the draft's project figures count.
      const p = (await office.post('/api/projects', newProject(s.f.pairings.jilinZhejiang, { landmark: true }))).json();
      projectId = p.id;
      expect((await office.post(`/api/projects/${p.id}/moves`, { to: 'signed', on: '2024-03-15' })).statusCode).toBe(
        200,
      );
      const version = (await office.get(`/api/projects/${p.id}`)).json().version;
      const figure = await office.post(`/api/projects/${p.id}/figures`, {
        version,
        figure: 'signed',
        period: { year: 2024, month: 3 },
        amount: '50000',
      });
      expect(figure.statusCode, figure.body).toBe(200);
    });
    const audits = async (id: string) =>
      (
        await s.t.database.db.execute<{ action: string }>(
          sql`SELECT action FROM audit_log WHERE object_id = ${id} ORDER BY id`,
        )
      ).rows.map((r) => r.action);

    it('drafts the summary from the records, edits a section, exports Word and Excel, submits, and the acceptance locks the year', async () => {
      const created = await office.post('/api/summaries', {
        pairingId: s.f.pairings.jilinZhejiang,
        year: 2024,
        kind: 'summary',
      });
      expect(created.statusCode, created.body).toBe(201);
      let d = created.json();
      expect(d).toMatchObject({
        state: 'draft',
        versionNo: 0,
        title: '吉林省—浙江省对口合作2024年工作总结',
        locked: false,
      });
      expect(d.sections.map((x: { key: string }) => x.key)).toEqual([
        'overall',
        'tasks',
        'projects',
        'parks',
        'cadres',
        'replication',
        'problems',
        'next_year',
      ]);
      const projects = d.sections.find((x: { key: string }) => x.key === 'projects');
      expect(projects.text).toContain('{{signed_wan}}');
      expect(projects.figures).toContain('signed_wan');
      const fig = (code: string) => d.figures.find((f: { code: string }) => f.code === code);
      expect(fig('projects_signed')).toMatchObject({ drafted: '1', now: '1', changed: false });
      expect(fig('signed_wan')).toMatchObject({ drafted: '50000', changed: false });

      // Twice for the same pairing, year and kind: refused, nothing made.
      const again = await office.post('/api/summaries', {
        pairingId: s.f.pairings.jilinZhejiang,
        year: 2024,
        kind: 'summary',
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details[0]).toMatchObject({ field: 'year', code: 'summary_exists' });

      // The office edits a section; a figure code that does not exist is refused and changes nothing.
      const bad = await office.request('PUT', `/api/summaries/${d.id}/sections/problems`, {
        version: d.version,
        text: '滞后{{tasks_red}}项，另有{{no_such}}。',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0]).toMatchObject({ field: 'text', code: 'unknown_figure' });
      const edited = await office.request('PUT', `/api/summaries/${d.id}/sections/problems`, {
        version: d.version,
        text: '一是项目到位资金{{arrived_wan}}万元，到位偏慢；二是园区招商有待加强。',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      d = edited.json();
      expect(d.sections.find((x: { key: string }) => x.key === 'problems')).toMatchObject({ figures: ['arrived_wan'] });

      // The records change after drafting: the figure is flagged, then taken when the office refreshes.
      const version = (await office.get(`/api/projects/${projectId}`)).json().version;
      expect(
        (
          await office.post(`/api/projects/${projectId}/figures`, {
            version,
            figure: 'arrived',
            period: { year: 2024, month: 6 },
            amount: '12000',
          })
        ).statusCode,
      ).toBe(200);
      d = (await office.get(`/api/summaries/${d.id}`)).json();
      expect(fig('arrived_wan')).toMatchObject({ drafted: '0', now: '12000', changed: true });
      d = (await office.post(`/api/summaries/${d.id}/refresh`, { version: d.version })).json();
      expect(fig('arrived_wan')).toMatchObject({ drafted: '12000', changed: false });

      // Word: the 公文 with its figures written in and the project annex printed inside; Excel: the five annex sheets.
      const docx = await office.get(`/api/summaries/${d.id}/export.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
      expect(text).toContain('吉林省—浙江省对口合作2024年工作总结');
      expect(text).toContain('国家发展改革委：');
      expect(text).toContain('一、总体情况');
      expect(text).toContain('到位资金12000万元');
      expect(text).not.toContain('{{');
      expect(text).toContain('附件：1. 2024年签约合作项目表');
      const xlsx = await office.get(`/api/summaries/${d.id}/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.getCell(1, 1).value)).toEqual([
        '附件1 2024年签约合作项目表',
        '附件2 共建园区情况表',
        '附件3 2024年互派挂职干部情况表',
        '附件4 2024年干部人才培训情况表',
        '附件5 2024年重点任务完成情况表',
      ]);
      expect(wb.worksheets[0]!.getRow(4).getCell(7).value).toBe(50000);

      // Submitted to the national office and 组织部; the office can no longer edit it.
      d = (await office.post(`/api/summaries/${d.id}/submit`, { version: d.version })).json();
      expect(d).toMatchObject({ state: 'submitted', versionNo: 1 });
      expect(d.receipts.map((r: { recipient: string; state: string }) => [r.recipient, r.state]).sort()).toEqual([
        ['national_office', 'sent'],
        ['org_dept', 'sent'],
      ]);
      const locked = await office.request('PUT', `/api/summaries/${d.id}/sections/problems`, {
        version: d.version,
        text: '改',
      });
      expect(locked.json().error.details[0]).toMatchObject({ field: 'state', code: 'summary_not_editable' });

      const national = await s.as(s.f.users.national);
      const zzb = await s.as(orgDept);
      const receipt = (recipient: string) =>
        d.receipts.find((r: { recipient: string }) => r.recipient === recipient).id;
      // Each recipient handles its own receipt only.
      expect(
        (await zzb.post(`/api/summaries/${d.id}/receipts/${receipt('national_office')}`, { decision: 'accepted' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await zzb.post(`/api/summaries/${d.id}/receipts/${receipt('org_dept')}`, { decision: 'received' })).statusCode,
      ).toBe(200);
      const noComment = await national.post(`/api/summaries/${d.id}/receipts/${receipt('national_office')}`, {
        decision: 'returned',
      });
      expect(noComment.json().error.details[0]).toMatchObject({ field: 'comment', code: 'return_comment_required' });
      d = (
        await national.post(`/api/summaries/${d.id}/receipts/${receipt('national_office')}`, {
          decision: 'returned',
          comment: '请补充园区共建成效',
        })
      ).json();
      expect(d.state).toBe('returned');

      // Edited and submitted again: version 2, version 1 kept as sent.
      d = (
        await office.request('PUT', `/api/summaries/${d.id}/sections/parks`, {
          version: d.version,
          text: '共建园区{{parks}}个，成效明显。',
        })
      ).json();
      d = (await office.post(`/api/summaries/${d.id}/submit`, { version: d.version })).json();
      expect(d).toMatchObject({ state: 'submitted', versionNo: 2 });
      expect(d.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
      const v1 = await office.get(`/api/summaries/${d.id}/export.docx?versionNo=1`);
      expect((await mammoth.extractRawText({ buffer: v1.rawPayload })).value).not.toContain('成效明显');
      // A version is dated the day it was sent, in China: at 17:00 UTC on 31 December it is already 1 January there.
      await s.t.database.db.execute(
        sql`UPDATE summary_versions SET submitted_at = '2026-12-31T17:00:00Z' WHERE document_id = ${d.id} AND version_no = 1`,
      );
      const v1Dated = await office.get(`/api/summaries/${d.id}/export.docx?versionNo=1`);
      expect((await mammoth.extractRawText({ buffer: v1Dated.rawPayload })).value).toContain('2027年1月1日');

      const v2National = d.receipts.find(
        (r: { recipient: string; versionNo: number }) => r.recipient === 'national_office' && r.versionNo === 2,
      ).id;
      d = (await national.post(`/api/summaries/${d.id}/receipts/${v2National}`, { decision: 'accepted' })).json();
      expect(d).toMatchObject({ state: 'accepted', locked: true });

      // The year is locked: an edit of a project signed in 2024 is refused, naming the year, and changes nothing.
      const p = (await office.get(`/api/projects/${projectId}`)).json();
      const refused = await office.patch(`/api/projects/${projectId}`, { version: p.version, note: '补充说明' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'year_locked' });
      expect(refused.json().error.message).toContain('2024年度数据已锁定');
      expect(refused.json().error.message).toContain('The figures of 2024 are locked');
      const figure = await office.post(`/api/projects/${projectId}/figures`, {
        version: p.version,
        figure: 'arrived',
        period: { year: 2024, month: 9 },
        amount: '15000',
      });
      expect(figure.statusCode).toBe(409);
      expect((await office.get(`/api/projects/${projectId}`)).json().version).toBe(p.version);
      // So is a training of 2024 (people), while one of 2025 is taken; a sub-pair's records are locked with its pair.
      const training = {
        pairingId: s.f.pairings.jilinZhejiang,
        title: '吉林省干部赴浙江专题培训班',
        organiser: '浙江大学',
        hostSide: 'b',
        startsOn: '2024-07-01',
        endsOn: '2024-07-10',
        trainees: { officials: 30, managers: 0, professionals: 0, other: 0 },
        bySide: { a: 30, b: 0 },
      };
      const zzbTraining = await zzb.post('/api/trainings', training);
      expect(zzbTraining.statusCode).toBe(409);
      expect(zzbTraining.json().error.details[0]).toMatchObject({ field: 'startsOn', code: 'year_locked' });
      expect(
        (await zzb.post('/api/trainings', { ...training, startsOn: '2025-07-01', endsOn: '2025-07-10' })).statusCode,
      ).toBe(201);
      // 吉林市—温州市 is a sub-pair of 吉浙: its 2024 records counted in the pair's summary are locked with it.
      expect(
        (await office.post('/api/trainings', { ...training, pairingId: s.f.pairings.jilinWenzhou })).statusCode,
      ).toBe(409);
      // Meetings, events and exchanges of 2024 are refused too, each naming its date; 2025's are taken.
      const jz = s.f.pairings.jilinZhejiang;
      const meeting = {
        pairingId: jz,
        kind: 'joint_meeting',
        title: '吉林省—浙江省对口合作联席会议',
        heldOn: '2024-11-20',
        hostSide: 'a',
        attendees: [{ side: 'a', name: '张某' }],
      };
      const event = {
        pairingId: jz,
        kind: 'promotion',
        title: '浙商吉林行',
        startsOn: '2024-06-18',
        endsOn: '2024-06-20',
        enterprises: [],
      };
      const exchange = {
        pairingId: jz,
        kind: 'visit',
        title: '浙江考察团赴吉林考察',
        heldOn: '2024-09-01',
        participants: 20,
        evidence: '吉发改〔2024〕8号',
      };
      for (const [url, body, field] of [
        ['/api/meetings', meeting, 'heldOn'],
        ['/api/events', event, 'startsOn'],
        ['/api/exchanges', exchange, 'heldOn'],
      ] as const) {
        const locked = await office.post(url, body);
        expect(locked.statusCode, url).toBe(409);
        expect(locked.json().error.details[0], url).toMatchObject({ field, code: 'year_locked' });
      }
      const m2025 = await office.post('/api/meetings', { ...meeting, heldOn: '2025-03-20' });
      expect(m2025.statusCode, m2025.body).toBe(201);
      // Moving a 2025 meeting into the locked year is refused as well.
      const moved = await office.patch(`/api/meetings/${m2025.json().id}`, { version: 1, heldOn: '2024-12-01' });
      expect(moved.json().error).toMatchObject({ code: 'year_locked' });
      expect(
        (await office.post('/api/events', { ...event, startsOn: '2025-06-18', endsOn: '2025-06-20' })).statusCode,
      ).toBe(201);
      expect((await office.post('/api/exchanges', { ...exchange, heldOn: '2025-09-01' })).statusCode).toBe(201);
      // A roster whose posting starts in 2024 is refused at that row; nothing of the file goes in.
      const posting = (i: number, startsOn: string) => ({
        name: `挂职${i}`,
        gender: '男',
        idNumber: withCheckCharacter(`33010219850101${String(10 + i)}3`),
        direction: '东部→东北',
        homeUnit: '浙江省商务厅',
        homePost: '科长',
        hostUnit: '吉林省商务厅',
        hostPost: '副处长',
        rank: '乡科级',
        batch: '年度锁定批次',
        startsOn,
        endsOn: '2025-12-31',
        status: '在岗',
      });
      const roster = await uploadRoster(
        s.t,
        zzb,
        jz,
        await rosterFile([posting(1, '2025-02-01'), posting(2, '2024-06-01')]),
      );
      expect(roster.statusCode, roster.body).toBe(400);
      expect(roster.json().error.details).toEqual([
        expect.objectContaining({ row: 3, field: 'startsOn', code: 'year_locked' }),
      ]);
      expect(roster.json().error.details[0].zh).toContain('2024年度数据已锁定');

      // Only the national office unlocks, with its reason; the edit then goes through.
      const unlock = { pairingId: s.f.pairings.jilinZhejiang, year: 2024, reason: '更正项目到位资金' };
      expect((await office.post('/api/summaries/unlock', unlock)).statusCode).toBe(403);
      expect((await national.post('/api/summaries/unlock', unlock)).statusCode).toBe(200);
      expect((await national.post('/api/summaries/unlock', unlock)).json().error.details[0]).toMatchObject({
        code: 'year_not_locked',
      });
      expect(
        (await office.patch(`/api/projects/${projectId}`, { version: p.version, note: '补充说明' })).statusCode,
      ).toBe(200);

      expect(await audits(d.id)).toEqual([
        'summary.create',
        'summary.update',
        'summary.refresh',
        'summary.export',
        'summary.export',
        'summary.submit',
        'summary.receive',
        'summary.return',
        'summary.update',
        'summary.submit',
        'summary.export',
        'summary.export',
        'summary.accept',
      ]);
      expect(await audits(s.f.pairings.jilinZhejiang)).toEqual(
        expect.arrayContaining(['year_lock.lock', 'year_lock.unlock']),
      );
    });

    it("answers 404 for another region's summary and refuses to draft for a pairing out of scope", async () => {
      const d = (
        await office.post('/api/summaries', { pairingId: s.f.pairings.jilinZhejiang, year: 2023, kind: 'summary' })
      ).json();
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.get(`/api/summaries/${d.id}`)).statusCode).toBe(404);
      expect((await liaoning.get(`/api/summaries/${d.id}/export.docx`)).statusCode).toBe(404);
      expect((await liaoning.get('/api/summaries')).json().items).toEqual([]);
      const out = await liaoning.post('/api/summaries', {
        pairingId: s.f.pairings.jilinZhejiang,
        year: 2023,
        kind: 'summary',
      });
      expect(out.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
      // The plan needs an annual plan of that year.
      const plan = await office.post('/api/summaries', {
        pairingId: s.f.pairings.jilinZhejiang,
        year: 2023,
        kind: 'plan',
      });
      expect(plan.json().error.details[0]).toMatchObject({ field: 'year', code: 'no_annual_plan' });
    });
  },
  240_000,
);
