import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import type { ProjectDetail } from '../../../common/api/projects.ts';
import { auditActions } from '../reporting/test-support/reporting-api.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { samplePdf, samplePng, storedFiles } from '../../kernel/attachments/test-support/attachment-files.ts';
import { MAX_ATTACHMENTS_PER_PROJECT } from './project-attachments.service.ts';

const storedCount = (dataDir: string) => storedFiles(dataDir).length;

describe.each(testEngines())('project attachments on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let project: ProjectDetail;
  const upload = (c: TestClient, name: string, bytes: Buffer, id = project.id) =>
    uploadFile(s.t, c, `/api/projects/${id}/attachments`, name, bytes);
  const dataDir = () => s.t.deps.config.dataDir;

  beforeAll(async () => {
    office = await s.as(s.f.users.jilin);
    const created = await office.post('/api/projects', {
      pairingId: s.f.pairings.jilinZhejiang,
      title: '附件测试项目',
      investor: '某公司',
      hostRegionCode: '220100',
      type: 'industrial',
    });
    expect(created.statusCode).toBe(201);
    project = created.json();
    expect(project.attachments).toEqual([]);
  });

  it('keeps a signed agreement and a photo with the project, downloads them as attachments and audits each step', async () => {
    expect((await upload(office, '投资协议.pdf', samplePdf())).statusCode).toBe(201);
    const res = await upload(office, '../现场照片.png', samplePng());
    expect(res.statusCode).toBe(201);
    project = res.json();
    expect(project.attachments.map((a) => [a.fileName, a.kind])).toEqual([
      ['投资协议.pdf', 'pdf'],
      ['现场照片.png', 'png'],
    ]);
    for (const a of project.attachments) expect(a.uploadedBy).toEqual(expect.any(String));
    const pdf = project.attachments[0]!;
    const got = await office.get(`/api/projects/${project.id}/attachments/${pdf.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('投资协议.pdf')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(samplePdf())).toBe(true);
    expect((await auditActions(s.t, pdf.id)).map((a) => a.action)).toEqual([
      'project.attachment.upload',
      'project.attachment.download',
    ]);
    // The project page carries them too.
    expect((await office.get(`/api/projects/${project.id}`)).json().attachments).toHaveLength(2);
  });

  it('refuses a mislabelled file with the reason and stores nothing', async () => {
    const before = storedCount(dataDir());
    const res = await upload(office, 'scan.pdf', samplePng());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', code: 'attachment_type_mismatch' });
    expect(storedCount(dataDir())).toBe(before);
    expect((await office.get(`/api/projects/${project.id}`)).json().attachments).toHaveLength(2);
  });

  it('another pairing finds neither the attachment nor the project; a unit without project.manage cannot upload', async () => {
    const liaoning = await s.as(s.f.users.liaoning);
    const pdf = project.attachments[0]!;
    expect((await liaoning.get(`/api/projects/${project.id}/attachments/${pdf.id}`)).statusCode).toBe(404);
    expect((await liaoning.delete(`/api/projects/${project.id}/attachments/${pdf.id}`)).statusCode).toBe(404);
    const before = storedCount(dataDir());
    expect((await upload(liaoning, 'x.pdf', samplePdf())).statusCode).toBe(404);
    expect(storedCount(dataDir())).toBe(before);
    const unit = await s.as(s.f.users.jilinUnit);
    expect((await upload(unit, 'x.pdf', samplePdf())).statusCode).toBe(403);
  });

  it('removes an attachment with its file; the last allowed upload is taken and the next refused', async () => {
    const png = project.attachments[1]!;
    const before = storedCount(dataDir());
    const removed = await office.delete(`/api/projects/${project.id}/attachments/${png.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['投资协议.pdf']);
    expect(storedCount(dataDir())).toBe(before - 1);
    expect((await auditActions(s.t, png.id)).map((a) => a.action)).toEqual([
      'project.attachment.upload',
      'project.attachment.delete',
    ]);
    expect((await office.get(`/api/projects/${project.id}/attachments/${png.id}`)).statusCode).toBe(404);

    for (let i = 1; i < MAX_ATTACHMENTS_PER_PROJECT; i++)
      expect((await upload(office, `附件${i}.pdf`, samplePdf())).statusCode).toBe(201);
    const over = await upload(office, 'one-too-many.pdf', samplePdf());
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({ field: 'file', code: 'too_many_project_attachments' });
    const rows = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM attachments WHERE owner_kind = 'project' AND owner_id = ${project.id}`,
    );
    expect(rows.rows[0]!.n).toBe(MAX_ATTACHMENTS_PER_PROJECT);
  });
});
