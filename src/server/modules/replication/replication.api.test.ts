import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../kernel/attachments/test-support/attachment-files.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

describe.each(testEngines())(
  'the replication register on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const practice = (overrides: Record<string, unknown> = {}) => ({
      pairingId: s.f.pairings.jilinZhejiang,
      title: '“最多跑一次”改革',
      sourceRegionCode: '330000',
      category: 'government_services',
      description:
        '群众和企业到政府办事，在申请材料齐全、符合法定受理条件时，从受理申请到形成办理结果全过程只需一次上门或零上门。',
      sourceDocTitle: '浙江省人民政府关于印发加快推进“最多跑一次”改革实施方案的通知',
      sourceDocDate: '2017-02-20',
      ...overrides,
    });
    const adoption = (overrides: Record<string, unknown> = {}) => ({
      adopterName: '长春市政务服务和数字化建设管理局',
      regionCode: '220100',
      firstStage: { stage: 'learning', reachedOn: '2018-03-01', note: '赴杭州考察学习' },
      ...overrides,
    });
    const count = async (table: string) =>
      (await s.t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n;
    const figures = async (c: Awaited<ReturnType<typeof s.as>>) =>
      (await c.get(`/api/replication/figures?pairingId=${s.f.pairings.jilinZhejiang}`)).json();

    it('registers a practice and takes an adoption through three stages, each audited, and the counts move', async () => {
      const office = await s.as(s.f.users.zhejiang);
      const before = await figures(office);
      const created = await office.post('/api/replication/practices', practice());
      expect(created.statusCode, created.body).toBe(201);
      const p = created.json();
      expect(p).toMatchObject({ sourceSide: 'b', sourceRegionName: '浙江省', adoptionCount: 0, furthestStage: null });

      const jilin = await s.as(s.f.users.jilin);
      const adopted = await jilin.post(`/api/replication/practices/${p.id}/adoptions`, adoption());
      expect(adopted.statusCode, adopted.body).toBe(201);
      const a = adopted.json().adoptions[0];
      expect(a).toMatchObject({ side: 'a', stage: 'learning', regionName: '长春市', canManage: true });

      const pilot = await jilin.post(`/api/replication/adoptions/${a.id}/stages`, {
        version: a.version,
        stage: 'pilot',
        reachedOn: '2018-06-01',
        docTitle: '长春市推进“最多跑一次”改革试点工作方案',
        docNumber: '长府办发〔2018〕20号',
        docDate: '2018-05-28',
      });
      expect(pilot.statusCode, pilot.body).toBe(201);
      const afterPilot = pilot.json().adoptions[0];
      const stageId = afterPilot.stages.find((x: { stage: string }) => x.stage === 'pilot').id;
      const file = await uploadFile(
        s.t,
        jilin,
        `/api/replication/stages/${stageId}/attachments`,
        '试点方案.pdf',
        samplePdf(),
      );
      expect(file.statusCode, file.body).toBe(201);
      const rollout = await jilin.post(`/api/replication/adoptions/${a.id}/stages`, {
        version: afterPilot.version,
        stage: 'rollout',
        reachedOn: '2019-01-10',
      });
      expect(rollout.statusCode, rollout.body).toBe(201);
      const detail = rollout.json();
      expect(detail).toMatchObject({ adoptionCount: 1, furthestStage: 'rollout' });
      expect(detail.adoptions[0].stages.map((x: { stage: string }) => x.stage)).toEqual([
        'learning',
        'pilot',
        'rollout',
      ]);
      expect(detail.adoptions[0].stages[1].attachments.map((f: { fileName: string }) => f.fileName)).toEqual([
        '试点方案.pdf',
      ]);

      const after = await figures(office);
      expect(after.totals.practices - before.totals.practices).toBe(1);
      expect(after.totals.replicated - before.totals.replicated).toBe(1);
      expect(after.bySide.b.adoptionsAt.rollout - before.bySide.b.adoptionsAt.rollout).toBe(1);
      const y2018 = after.byYear.find((r: { side: string; year: number }) => r.side === 'b' && r.year === 2018);
      expect(y2018.reached).toMatchObject({ learning: 1, pilot: 1 });

      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id IN (${p.id}, ${a.id}) OR details->>'stageId' = ${stageId} ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'replication.practice.create',
        'replication.adoption.create',
        'replication.stage.advance',
        'replication_stage.attachment.upload',
        'replication.stage.advance',
      ]);

      // Going back: only by withdrawing the current stage with a reason, which stays in the history.
      const back = await jilin.post(`/api/replication/adoptions/${a.id}/stages`, {
        version: detail.adoptions[0].version,
        stage: 'pilot',
        reachedOn: '2019-02-01',
      });
      expect(back.statusCode).toBe(400);
      expect(back.json().error.details[0]).toMatchObject({ field: 'stage', code: 'stage_not_forward' });
      const withdrawn = await jilin.post(`/api/replication/adoptions/${a.id}/stages/withdraw`, {
        version: detail.adoptions[0].version,
        reason: '推广范围尚未经市政府批准，先按试点记录',
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const w = withdrawn.json().adoptions[0];
      expect(w.stage).toBe('pilot');
      expect(w.stages.find((x: { stage: string }) => x.stage === 'rollout')).toMatchObject({
        withdrawn: true,
        withdrawnReason: '推广范围尚未经市政府批准，先按试点记录',
      });
      expect((await figures(office)).bySide.b.adoptionsAt.rollout).toBe(before.bySide.b.adoptionsAt.rollout);
      const withdrawAudit = await s.t.database.db.execute<{ reason: string }>(
        sql`SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'replication.stage.withdraw' AND object_id = ${a.id}`,
      );
      expect(withdrawAudit.rows.map((r) => r.reason)).toEqual(['推广范围尚未经市政府批准，先按试点记录']);

      const listed = (
        await office.get(`/api/replication/practices?pairingId=${s.f.pairings.jilinZhejiang}&stage=pilot`)
      ).json();
      expect(listed.items.map((x: { id: string }) => x.id)).toContain(p.id);
      const xlsx = await office.get(`/api/replication/practices/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      // The shared list sheet: its title, then the practice among the rows; the export writes its audit row.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getCell(1, 1).value).toBe('对口合作改革经验复制推广清单');
      const titles = sheet.getColumn(2).values.map(String);
      expect(titles).toContain(p.title);
      const exports = await s.t.database.db.execute<{ rows: string }>(
        sql`SELECT details->>'rows' AS rows FROM audit_log WHERE action = 'replication_practice.export'`,
      );
      expect(exports.rows.map((r) => r.rows)).toEqual(['1']);
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const office = await s.as(s.f.users.jilin);
      const p = (await office.post('/api/replication/practices', practice())).json();
      const tables = ['replication_practices', 'replication_adoptions', 'replication_stages', 'audit_log'];
      const counts = async () => Promise.all(tables.map(count));
      const before = await counts();
      const outside = await office.post('/api/replication/practices', practice({ sourceRegionCode: '210000' }));
      expect(outside.json().error.details[0]).toMatchObject({
        field: 'sourceRegionCode',
        code: 'region_outside_pairing',
      });
      const badCategory = await office.post('/api/replication/practices', practice({ category: 'sports' }));
      expect(badCategory.json().error.details[0].field).toBe('category');
      const sameSide = await office.post(
        `/api/replication/practices/${p.id}/adoptions`,
        adoption({ regionCode: '330100' }),
      );
      expect(sameSide.json().error.details[0]).toMatchObject({ field: 'regionCode', code: 'adopter_on_source_side' });
      const beforeSource = await office.post(
        `/api/replication/practices/${p.id}/adoptions`,
        adoption({ firstStage: { stage: 'learning', reachedOn: '2016-01-01' } }),
      );
      expect(beforeSource.json().error.details[0]).toMatchObject({
        field: 'firstStage.reachedOn',
        code: 'before_source_document',
      });
      const future = await office.post(
        `/api/replication/practices/${p.id}/adoptions`,
        adoption({ firstStage: { stage: 'learning', reachedOn: '2099-01-01' } }),
      );
      expect(future.json().error.details[0]).toMatchObject({ field: 'firstStage.reachedOn', code: 'date_in_future' });
      const noName = await office.post(`/api/replication/practices/${p.id}/adoptions`, adoption({ adopterName: null }));
      expect(noName.json().error.details[0]).toMatchObject({ field: 'adopterName', code: 'unit_name_required' });
      expect(await counts()).toEqual(before);

      const a = (await office.post(`/api/replication/practices/${p.id}/adoptions`, adoption())).json().adoptions[0];
      const settled = await counts();
      const backwards = await office.post(`/api/replication/adoptions/${a.id}/stages`, {
        version: a.version,
        stage: 'pilot',
        reachedOn: '2018-02-01',
      });
      expect(backwards.json().error.details[0]).toMatchObject({ field: 'reachedOn', code: 'stage_date_order' });
      expect(backwards.json().error.details[0].zh).toContain('2018-03-01');
      const firstKept = await office.post(`/api/replication/adoptions/${a.id}/stages/withdraw`, {
        version: a.version,
        reason: '登记有误',
      });
      expect(firstKept.json().error.details[0]).toMatchObject({ field: 'reason', code: 'first_stage_kept' });
      const noReason = await office.post(`/api/replication/adoptions/${a.id}/stages/withdraw`, {
        version: a.version,
        reason: '',
      });
      expect(noReason.json().error.details[0].field).toBe('reason');
      expect(await counts()).toEqual(settled);
    });

    it('lets a lead unit record and advance only its own adoptions', async () => {
      const office = await s.as(s.f.users.zhejiang);
      const p = (await office.post('/api/replication/practices', practice({ title: '河长制' }))).json();
      const unit = await s.as(s.f.users.jilinUnit);
      expect((await unit.post('/api/replication/practices', practice())).statusCode).toBe(403);
      const other = await unit.post(
        `/api/replication/practices/${p.id}/adoptions`,
        adoption({ adopterOrganisationId: s.f.users.jilin.organisationId, regionCode: '220000' }),
      );
      expect(other.json().error.details[0]).toMatchObject({
        field: 'adopterOrganisationId',
        code: 'adopter_own_unit_only',
      });
      const own = await unit.post(
        `/api/replication/practices/${p.id}/adoptions`,
        adoption({ adopterName: undefined, regionCode: '220000' }),
      );
      expect(own.statusCode, own.body).toBe(201);
      const mine = own.json().adoptions[0];
      expect(mine).toMatchObject({ adopterOrganisationId: s.f.users.jilinUnit.organisationId, canManage: true });
      const byOffice = (
        await (await s.as(s.f.users.jilin)).post(`/api/replication/practices/${p.id}/adoptions`, adoption())
      ).json();
      const officeAdoption = byOffice.adoptions.find((x: { id: string }) => x.id !== mine.id);
      const seen = (await unit.get(`/api/replication/practices/${p.id}`)).json();
      expect(seen.adoptions.find((x: { id: string }) => x.id === officeAdoption.id).canManage).toBe(false);
      const refused = await unit.post(`/api/replication/adoptions/${officeAdoption.id}/stages`, {
        version: officeAdoption.version,
        stage: 'pilot',
        reachedOn: '2018-06-01',
      });
      expect(refused.statusCode).toBe(403);
      const advanced = await unit.post(`/api/replication/adoptions/${mine.id}/stages`, {
        version: mine.version,
        stage: 'institutionalised',
        reachedOn: '2020-01-01',
        docNumber: '吉政发〔2020〕1号',
      });
      expect(advanced.statusCode, advanced.body).toBe(201);
    });

    it('edits a practice and an adoption with their versions, keeping the practice on its side', async () => {
      const office = await s.as(s.f.users.jilin);
      const p = (await office.post('/api/replication/practices', practice())).json();
      const edited = await office.patch(`/api/replication/practices/${p.id}`, {
        version: p.version,
        sourceRegionCode: '330100',
        category: 'business_environment',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({
        sourceRegionName: '杭州市',
        sourceSide: 'b',
        category: 'business_environment',
      });
      const crossed = await office.patch(`/api/replication/practices/${p.id}`, {
        version: edited.json().version,
        sourceRegionCode: '220100',
      });
      expect(crossed.json().error.details[0]).toMatchObject({ field: 'sourceRegionCode', code: 'source_side_fixed' });
      const stale = await office.patch(`/api/replication/practices/${p.id}`, { version: p.version, title: '旧版本' });
      expect(stale.statusCode).toBe(409);

      const a = (await office.post(`/api/replication/practices/${p.id}/adoptions`, adoption())).json().adoptions[0];
      const results = await office.patch(`/api/replication/adoptions/${a.id}`, {
        version: a.version,
        results: '办事环节平均减少40%',
      });
      expect(results.statusCode, results.body).toBe(200);
      expect(results.json().adoptions[0].results).toBe('办事环节平均减少40%');
      const moved = await office.patch(`/api/replication/adoptions/${a.id}`, {
        version: results.json().adoptions[0].version,
        regionCode: '330100',
      });
      expect(moved.json().error.details[0]).toMatchObject({ field: 'regionCode', code: 'adopter_on_source_side' });
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id IN (${p.id}, ${a.id}) ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'replication.practice.create',
        'replication.practice.update',
        'replication.adoption.create',
        'replication.adoption.update',
      ]);
    });

    it("answers 404 for another pairing's practice, adoption and stage", async () => {
      const office = await s.as(s.f.users.jilin);
      const p = (await office.post('/api/replication/practices', practice())).json();
      const a = (await office.post(`/api/replication/practices/${p.id}/adoptions`, adoption())).json().adoptions[0];
      const other = await s.as(s.f.users.liaoning);
      expect((await other.get(`/api/replication/practices/${p.id}`)).statusCode).toBe(404);
      expect(
        (await other.patch(`/api/replication/practices/${p.id}`, { version: p.version, title: 'x' })).statusCode,
      ).toBe(404);
      expect((await other.post(`/api/replication/practices/${p.id}/adoptions`, adoption())).statusCode).toBe(404);
      expect(
        (
          await other.post(`/api/replication/adoptions/${a.id}/stages`, {
            version: a.version,
            stage: 'pilot',
            reachedOn: '2019-01-01',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await uploadFile(s.t, other, `/api/replication/stages/${a.stages[0].id}/attachments`, 'x.pdf', samplePdf()))
          .statusCode,
      ).toBe(404);
      const list = (await other.get(`/api/replication/practices?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
      expect(list.total).toBe(0);
      expect((await other.post('/api/replication/practices', practice())).json().error.details[0]).toMatchObject({
        field: 'pairingId',
        code: 'unknown_pairing',
      });
    });

    it('keeps published figures with their source, apart from the computed counts', async () => {
      const office = await s.as(s.f.users.zhejiang);
      const figure = {
        pairingId: s.f.pairings.jilinZhejiang,
        side: 'b',
        year: 2023,
        label: '浙江省改革经验在吉林省复制推广',
        value: '120',
        unit: '项',
        sourceTitle: '某报道（测试）',
        sourceDate: '2023-12-20',
        sourceLink: 'https://example.org/report',
      };
      const before = await figures(office);
      const created = await office.post('/api/replication/published-figures', figure);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        topic: 'replication',
        value: '120',
        pairingName: '吉林省—浙江省',
        isDemo: false,
      });
      expect(await figures(office)).toEqual(before);
      const early = await office.post('/api/replication/published-figures', { ...figure, sourceDate: '2022-12-31' });
      expect(early.json().error.details[0]).toMatchObject({ field: 'sourceDate', code: 'source_before_year' });
      const float = await office.post('/api/replication/published-figures', { ...figure, value: '1e5' });
      expect(float.json().error.details[0]).toMatchObject({ field: 'value', code: 'invalid_decimal' });
      const programme = await office.post('/api/replication/published-figures', {
        ...figure,
        pairingId: null,
        side: null,
      });
      expect(programme.json().error.details[0]).toMatchObject({
        field: 'pairingId',
        code: 'pairing_required_for_figure',
      });
      const other = await s.as(s.f.users.liaoning);
      expect((await other.get('/api/replication/published-figures')).json().items).toEqual([]);
      // A programme-wide figure is the national office's, and everyone who reads the register sees it.
      const national = await s.as(s.f.users.national);
      const wide = await national.post('/api/replication/published-figures', {
        ...figure,
        pairingId: null,
        side: null,
        label: '全国对口合作改革经验复制推广（测试）',
      });
      expect(wide.statusCode, wide.body).toBe(201);
      expect(
        (await other.get('/api/replication/published-figures')).json().items.map((f: { id: string }) => f.id),
      ).toEqual([wide.json().id]);
      expect((await other.delete(`/api/replication/published-figures/${wide.json().id}`)).statusCode).toBe(404);
      expect((await other.delete(`/api/replication/published-figures/${created.json().id}`)).statusCode).toBe(404);
      const removed = await office.delete(`/api/replication/published-figures/${created.json().id}`);
      expect(removed.statusCode).toBe(200);
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id = ${created.json().id} ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['published_figure.create', 'published_figure.delete']);
    });
  },
  180_000,
);
