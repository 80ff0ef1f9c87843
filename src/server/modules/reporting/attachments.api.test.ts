import path from 'node:path';
import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import { newProject } from '../projects/test-support/project-api.ts';
import { PAIRING_OWNED_TABLES, dataVersionOf } from '../../db/data-version.ts';
import type { ReportDetail } from '../../../common/api/reporting.ts';
import { MAX_ATTACHMENT_BYTES } from '../../kernel/attachments/attachment-type.ts';
import {
  assignTask,
  auditActions,
  createCycle,
  reportsOf,
  taskByCode,
  uploadAttachment,
} from './test-support/reporting-api.ts';
import {
  docxBomb,
  exe,
  sampleDocx,
  samplePdf,
  samplePng,
  sampleXlsx,
  storedFiles,
} from '../../kernel/attachments/test-support/attachment-files.ts';

describe.each(testEngines())('report attachments on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let unit: TestClient;
  let office: TestClient;
  let report: ReportDetail;
  const dataDir = () => s.t.deps.config.dataDir;
  const rows = async () =>
    (
      await s.t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM attachments WHERE owner_kind = 'report'`,
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    unit = await s.as(s.f.users.jilinUnit);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '30')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
    const cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    report = [...(await reportsOf(unit, cycle.id)).values()][0]!;
  });

  it('stores pdf, docx, xlsx and images under server-made names and lists them on the report', async () => {
    const files: [string, Buffer][] = [
      ['进展报告.pdf', samplePdf()],
      ['进展报告.docx', await sampleDocx()],
      ['台账.xlsx', await sampleXlsx()],
      ['../现场照片.png', samplePng()],
    ];
    for (const [name, bytes] of files) {
      const res = await uploadAttachment(s.t, unit, report.id, name, bytes);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    }
    report = (await unit.get(`/api/reports/${report.id}`)).json();
    expect(report.attachments.map((a) => [a.fileName, a.kind])).toEqual([
      ['进展报告.pdf', 'pdf'],
      ['进展报告.docx', 'docx'],
      ['台账.xlsx', 'xlsx'],
      ['现场照片.png', 'png'],
    ]);
    const stored = storedFiles(dataDir());
    expect(stored).toHaveLength(4);
    for (const f of stored) expect(path.basename(f)).toMatch(/^[0-9a-f]{32}\.(pdf|docx|xlsx|png)$/);
  });

  it('downloads as an attachment, never sniffed, and audits the download', async () => {
    const pdf = report.attachments[0]!;
    const res = await office.get(`/api/reports/${report.id}/attachments/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('进展报告.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(samplePdf())).toBe(true);
    expect((await auditActions(s.t, pdf.id)).map((a) => a.action)).toEqual([
      'report.attachment.upload',
      'report.attachment.download',
    ]);
    // Another pairing's office cannot fetch it.
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/reports/${report.id}/attachments/${pdf.id}`)).statusCode).toBe(404);
  });

  it('refuses empty, oversized, unknown and mislabelled files and zip bombs, with the reason, storing nothing', async () => {
    const before = { files: storedFiles(dataDir()).length, rows: await rows() };
    const cases: [string, Buffer, string, RegExp][] = [
      ['empty.pdf', Buffer.alloc(0), 'attachment_empty', /文件为空/],
      ['big.pdf', Buffer.concat([samplePdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]), 'attachment_too_large', /20 MB/],
      ['setup.pdf', exe(), 'attachment_type', /PDF、Word/],
      ['scan.pdf', samplePng(), 'attachment_type_mismatch', /PNG 图片，与扩展名“\.pdf”不符/],
      ['bomb.docx', docxBomb(), 'attachment_zip_bomb', /压缩炸弹/],
    ];
    for (const [name, bytes, code, zh] of cases) {
      const res = await uploadAttachment(s.t, unit, report.id, name, bytes);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code).toBe('attachment_refused');
      expect(res.json().error.details[0]).toMatchObject({ field: 'file', code, zh: expect.stringMatching(zh) });
    }
    const notMultipart = await unit.post(`/api/reports/${report.id}/attachments`, {});
    expect(notMultipart.json().error.code).toBe('attachment_upload_required');
    expect({ files: storedFiles(dataDir()).length, rows: await rows() }).toEqual(before);
  });

  it("leaves cached project pages, of its pairing and of others, when a report's file comes or goes", async () => {
    // The project pages read the files table too; a report's files are its pairing's and unit's (writingFor).
    const liaoning = await s.as(s.f.users.liaoning);
    const own = await office.post('/api/projects', newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200' }));
    expect(own.statusCode, own.body).toBe(201);
    const other = await liaoning.post(
      '/api/projects',
      newProject(s.f.pairings.panjinWuxi, { hostRegionCode: '211100', title: '盘锦精细化工项目' }),
    );
    expect(other.statusCode, other.body).toBe(201);
    const pages: [TestClient, string][] = [
      [office, `/api/projects/${own.json().id}`],
      [liaoning, `/api/projects/${other.json().id}`],
    ];
    const kept = new Map<string, string>();
    for (const [c, url] of pages) {
      await c.get(url);
      const again = await c.get(url);
      expect(again.headers['x-cache'], url).toBe('hit');
      kept.set(url, again.body);
    }
    const stillKept = async () => {
      for (const [c, url] of pages) {
        const res = await c.get(url);
        expect(res.headers['x-cache'], url).toBe('hit');
        expect(res.body).toBe(kept.get(url));
      }
    };

    const up = await uploadAttachment(s.t, unit, report.id, '说明.pdf', samplePdf());
    expect(up.statusCode, up.body).toBe(201);
    await stillKept();
    // The report shows its new file at once (to its unit and to the office reviewing it).
    const shown = async (c: TestClient) =>
      ((await c.get(`/api/reports/${report.id}`)).json() as ReportDetail).attachments.map((a) => a.fileName);
    expect(await shown(unit)).toContain('说明.pdf');
    expect(await shown(office)).toContain('说明.pdf');

    const id = up.json().attachments.find((a: { fileName: string }) => a.fileName === '说明.pdf').id;
    expect((await unit.delete(`/api/reports/${report.id}/attachments/${id}`)).statusCode).toBe(200);
    await stillKept();
    expect(await shown(unit)).not.toContain('说明.pdf');
    // Now every pairing's rows count as changed: the pages are read again and say what was kept.
    dataVersionOf(s.t.database.db)!.bump(new Map([...PAIRING_OWNED_TABLES].map((t) => [t, null])));
    for (const [c, url] of pages) {
      const res = await c.get(url);
      expect(res.headers['x-cache'], url).toBeUndefined();
      expect(res.body).toBe(kept.get(url));
    }
  });

  it('removes an attachment and its file while the report can change, and refuses once it is submitted', async () => {
    const png = report.attachments[3]!;
    const removed = await unit.delete(`/api/reports/${report.id}/attachments/${png.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().attachments).toHaveLength(3);
    expect(storedFiles(dataDir())).toHaveLength(3);
    expect((await auditActions(s.t, png.id)).map((a) => a.action)).toEqual([
      'report.attachment.upload',
      'report.attachment.delete',
    ]);

    const fresh = (await unit.get(`/api/reports/${report.id}`)).json() as ReportDetail;
    expect(
      (
        await unit.post(`/api/reports/${report.id}/submit`, {
          version: fresh.version,
          taskStatus: 'in_progress',
          percent: 50,
          narrative: '见附件',
        })
      ).statusCode,
    ).toBe(200);
    const late = await uploadAttachment(s.t, unit, report.id, '补充.pdf', samplePdf());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('report_state');
    expect((await unit.delete(`/api/reports/${report.id}/attachments/${fresh.attachments[0]!.id}`)).statusCode).toBe(
      409,
    );
    expect(storedFiles(dataDir())).toHaveLength(3);
  });
});
