import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { samplePdf } from '../../kernel/attachments/test-support/attachment-files.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

const PHONE = '0571-88886666';

describe.each(testEngines())(
  'listing files and the listing export on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const enterprise = (username: string, regionCode: string, orgName: string) =>
      buildOrgUser(systemContext(s.t.deps), {
        username,
        regionCode,
        roles: ['enterprise'],
        kind: 'enterprise',
        orgName,
      });
    const audited = async (like: string) =>
      (
        await s.t.database.db.execute<{ action: string }>(
          sql`SELECT action FROM audit_log WHERE action LIKE ${like} ORDER BY id`,
        )
      ).rows.map((r) => r.action);

    it('a listing keeps its files: its publisher adds and removes them, readers of the published listing download them', async () => {
      const owner = await s.as(await enterprise('hz-files', '330100', '杭州粮油贸易有限公司'));
      const other = await s.as(await enterprise('cc-files', '220100', '长春稻香米业有限公司'));
      const created = await owner.post('/api/listings', {
        kind: 'need',
        category: 'product',
        title: '长期采购吉林大米',
        regionCode: '330100',
        organisationName: '杭州粮油贸易有限公司',
        contact: { name: '王经理', phone: PHONE },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const up = await uploadFile(s.t, owner, `/api/listings/${id}/attachments`, '采购规格.pdf', samplePdf());
      expect(up.statusCode, up.body).toBe(201);
      const [file] = up.json().attachments;
      expect(file).toMatchObject({ fileName: '采购规格.pdf', kind: 'pdf' });

      // Pending: another enterprise sees neither the listing nor its file; it never adds a file to another's listing.
      expect((await other.get(`/api/listings/${id}/attachments/${file.id}`)).statusCode).toBe(404);
      const office = await s.as(s.f.users.zhejiang);
      expect((await office.post(`/api/listings/${id}/moderation`, { version: 1, action: 'publish' })).statusCode).toBe(
        200,
      );
      const got = await other.get(`/api/listings/${id}/attachments/${file.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-disposition']).toContain(encodeURIComponent('采购规格.pdf'));
      const foreign = await uploadFile(s.t, other, `/api/listings/${id}/attachments`, 'x.pdf', samplePdf());
      expect(foreign.statusCode).toBe(403);
      expect((await other.delete(`/api/listings/${id}/attachments/${file.id}`)).statusCode).toBe(403);
      // Published listings are read by everyone, but an office moderates only its own pairings' listings.
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.delete(`/api/listings/${id}/attachments/${file.id}`)).statusCode).toBe(403);

      const removed = await owner.delete(`/api/listings/${id}/attachments/${file.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().attachments).toEqual([]);
      expect(await audited('listing.attachment.%')).toEqual([
        'listing.attachment.upload',
        'listing.attachment.download',
        'listing.attachment.delete',
      ]);
    });

    it('exports the list as filtered on screen, never a contact, and audits the export', async () => {
      const office = await s.as(s.f.users.zhejiang);
      const xlsx = await office.get('/api/listings/export.xlsx?kind=need');
      expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getCell(1, 1).value).toBe('对口合作供需对接清单');
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells).toContain('长期采购吉林大米');
      expect(cells).toContain('吉林省—浙江省');
      expect(cells.join(' ')).not.toContain(PHONE);
      const bad = await office.get('/api/listings/export.xlsx?kind=sale');
      expect(bad.statusCode).toBe(400);
      const rows = await s.t.database.db.execute<{ rows: string; kind: string }>(
        sql`SELECT details->>'rows' AS rows, details->'filter'->>'kind' AS kind FROM audit_log WHERE action = 'listing.export'`,
      );
      expect(rows.rows).toEqual([{ rows: '1', kind: 'need' }]);
    });
  },
  600_000,
);
