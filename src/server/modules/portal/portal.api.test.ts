import { describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../../kernel/attachments/test-support/attachment-files.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { systemContext } from '../../http/system-actor.ts';
import { clearDemo, fillDemo } from '../../seed/demo-data.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { auditActions } from '../reporting/test-support/reporting-api.ts';

/** What an anonymous visitor gets at a public address. */
const visit = (s: ReturnType<typeof useProgrammeApp>, url: string) => s.t.app.inject({ method: 'GET', url });

describe.each(testEngines())(
  'public portal on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const pairingPage = async () => {
      const res = await visit(s, `/public/pairings/${s.f.pairings.jilinZhejiang}`);
      expect(res.statusCode).toBe(200);
      return res.body;
    };

    it('shows the programmes and a pairing page to a visitor without an account, in both languages', async () => {
      const home = await visit(s, '/public');
      expect(home.statusCode).toBe(200);
      expect(home.headers['content-type']).toMatch(/^text\/html/);
      expect(home.headers['cache-control']).toBe('public, no-cache');
      const again = await s.t.app.inject({
        method: 'GET',
        url: '/public',
        headers: { 'if-none-match': home.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
      expect(home.body).toMatch(/<title>对口合作公开信息<\/title>/);
      expect(home.body).toMatch(/<meta name="description" content="[^"]+">/);
      expect(home.body).toContain('<link rel="canonical" href="http');
      expect(home.body).not.toContain('<script');
      const programme = await visit(s, `/public/programmes/${s.f.programmeId}`);
      expect(programme.statusCode).toBe(200);
      expect(programme.body).toContain(`/public/pairings/${s.f.pairings.jilinZhejiang}`);
      const page = await pairingPage();
      expect(page).toContain('<h1>吉林省—浙江省</h1>');
      expect(page).toContain('根据公开记录统计');
      const csv = /href="(\/api\/open\/projects\.csv\?[^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
      const download = await visit(s, csv);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toMatch(/^text\/csv/);
      const en = await visit(s, `/public/pairings/${s.f.pairings.jilinZhejiang}?lang=en`);
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Computed from public records');
      const css = /href="(\/public\/portal\.[0-9a-f]+\.css)"/.exec(page)![1]!;
      const sheet = await visit(s, css);
      expect(sheet.statusCode).toBe(200);
      expect(sheet.headers['cache-control']).toContain('immutable');
    });

    it('answers its own 404 page for unknown ids, addresses that are no id, and unknown pages', async () => {
      for (const url of [
        '/public/pairings/00000000-0000-4000-8000-000000000000',
        '/public/pairings/not-an-id',
        '/public/news/00000000-0000-4000-8000-000000000000',
        '/public/projects/00000000-0000-4000-8000-000000000000',
        '/public/programmes/x',
        '/public/nothing/here',
      ]) {
        const res = await visit(s, url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain('页面不存在');
      }
    });

    it('keeps a news item a draft until its office publishes it, audited; another region gets 404', async () => {
      const jilin = await s.as(s.f.users.jilin);
      const created = await jilin.post('/api/news', {
        pairingId: s.f.pairings.jilinZhejiang,
        title: '吉浙两省召开对口合作联席会议',
        newsDate: '2024-06-18',
        body: '会议总结了上年度合作成果。\n\n双方商定共建产业园区。',
      });
      expect(created.statusCode, created.body).toBe(201);
      const news = created.json();
      expect(news).toMatchObject({ publishedAt: null, photos: [] });

      // A draft is nowhere public.
      expect((await visit(s, `/public/news/${news.id}`)).statusCode).toBe(404);
      expect(await pairingPage()).not.toContain('吉浙两省召开对口合作联席会议');
      expect((await visit(s, '/sitemap.xml')).body).not.toContain(news.id);

      // Another region's office does not see it; the national office reads but does not write news.
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.get(`/api/news/${news.id}`)).statusCode).toBe(404);
      expect((await liaoning.post(`/api/news/${news.id}/publish`, { version: news.version })).statusCode).toBe(404);
      expect((await liaoning.get('/api/news')).json().items).toEqual([]);
      const national = await s.as(s.f.users.national);
      expect((await national.get(`/api/news/${news.id}`)).statusCode).toBe(200);
      expect((await national.post(`/api/news/${news.id}/publish`, { version: news.version })).statusCode).toBe(403);

      // A photo (a picture only) kept with it.
      const pdf = await uploadFile(s.t, jilin, `/api/news/${news.id}/photos`, '会议纪要.pdf', samplePdf());
      expect(pdf.statusCode).toBe(400);
      expect(pdf.json().error.details[0]).toMatchObject({ field: 'file', code: 'news_photo_type' });
      const png = await uploadFile(s.t, jilin, `/api/news/${news.id}/photos`, '会场.png', samplePng());
      expect(png.statusCode, png.body).toBe(201);
      const photoId = png.json().photos[0].id;
      expect((await visit(s, `/public/news/${news.id}/photos/${photoId}`)).statusCode).toBe(404);

      const published = await jilin.post(`/api/news/${news.id}/publish`, { version: png.json().version });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json().publishedAt).not.toBeNull();
      const page = await visit(s, `/public/news/${news.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>吉浙两省召开对口合作联席会议 - 对口合作公开信息</title>');
      expect(page.body).toContain('<p>双方商定共建产业园区。</p>');
      expect(page.body).toContain(`/public/news/${news.id}/photos/${photoId}`);
      const photo = await visit(s, `/public/news/${news.id}/photos/${photoId}`);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(await pairingPage()).toContain('吉浙两省召开对口合作联席会议');
      expect((await visit(s, '/sitemap.xml')).body).toContain(`/public/news/${news.id}`);
      expect((await visit(s, '/sitemap.xml')).body).toContain('/public/data</loc>');

      // Taken back: gone again.
      const again = await jilin.post(`/api/news/${news.id}/unpublish`, { version: published.json().version });
      expect(again.statusCode, again.body).toBe(200);
      expect((await visit(s, `/public/news/${news.id}`)).statusCode).toBe(404);
      expect(await pairingPage()).not.toContain('吉浙两省召开对口合作联席会议');
      expect((await auditActions(s.t, news.id)).map((r) => r.action)).toEqual([
        'news.create',
        'news.publish',
        'news.unpublish',
      ]);
    });

    it('refuses a news item dated ahead or for another region, naming the field, and writes nothing', async () => {
      const jilin = await s.as(s.f.users.jilin);
      const before = (await jilin.get('/api/news')).json().total;
      const res = await jilin.post('/api/news', {
        pairingId: s.f.pairings.liaoningJiangsu,
        title: '标题',
        newsDate: '2999-01-01',
        body: '正文',
      });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .error.details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['newsDate', 'pairingId']);
      expect((await jilin.get('/api/news')).json().total).toBe(before);
    });

    it('shows a project only once its office publishes it, with its public summary and no personal data', async () => {
      const jilin = await s.as(s.f.users.jilin);
      const created = await jilin.post('/api/projects', {
        pairingId: s.f.pairings.jilinZhejiang,
        title: '长春新能源汽车零部件产业园',
        investor: '宁波某某汽车零部件有限公司',
        hostRegionCode: '220100',
        type: 'industrial',
        contactName: '王小明',
        contactPhone: '13800001111',
        note: '内部备注：投资方尚在比较选址',
      });
      expect(created.statusCode, created.body).toBe(201);
      const project = created.json();
      expect(project.publishedAt).toBeNull();
      expect(await pairingPage()).not.toContain('长春新能源汽车零部件产业园');
      expect((await visit(s, `/public/projects/${project.id}`)).statusCode).toBe(404);
      expect((await visit(s, '/sitemap.xml')).body).not.toContain(project.id);
      const iati = async () => (await visit(s, `/api/open/iati.xml?pairing=${s.f.pairings.jilinZhejiang}`)).body;
      expect(await iati()).not.toContain('长春新能源汽车零部件产业园');

      // Another region's office cannot publish it; a lead unit has no such permission.
      const liaoning = await s.as(s.f.users.liaoning);
      const summary = { version: project.version, publicSummary: '总投资5.2亿元，建设新能源汽车零部件生产基地。' };
      expect((await liaoning.post(`/api/projects/${project.id}/publish`, summary)).statusCode).toBe(404);
      const unit = await s.as(s.f.users.jilinUnit);
      expect((await unit.post(`/api/projects/${project.id}/publish`, summary)).statusCode).toBe(403);

      const published = await jilin.post(`/api/projects/${project.id}/publish`, summary);
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({ publicSummary: summary.publicSummary, version: project.version + 1 });
      for (const html of [await pairingPage(), (await visit(s, `/public/projects/${project.id}`)).body]) {
        expect(html).toContain('长春新能源汽车零部件产业园');
        expect(html).toContain('总投资5.2亿元');
        for (const secret of ['王小明', '13800001111', '1111', '内部备注', '宁波某某'])
          expect(html).not.toContain(secret);
      }
      expect((await visit(s, '/sitemap.xml')).body).toContain(`/public/projects/${project.id}`);
      expect(await iati()).toContain('长春新能源汽车零部件产业园');

      const back = await jilin.post(`/api/projects/${project.id}/unpublish`, { version: published.json().version });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ publishedAt: null, publicSummary: summary.publicSummary });
      expect(await pairingPage()).not.toContain('长春新能源汽车零部件产业园');
      expect((await visit(s, `/public/projects/${project.id}`)).statusCode).toBe(404);
      expect(await iati()).not.toContain('长春新能源汽车零部件产业园');
      const twice = await jilin.post(`/api/projects/${project.id}/unpublish`, { version: back.json().version });
      expect(twice.statusCode).toBe(400);
      expect((await auditActions(s.t, project.id)).map((r) => r.action)).toEqual([
        'project.create',
        'project.publish',
        'project.unpublish',
      ]);
    });

    it('shows a park only once published, and a press figure apart from the computed ones, editable', async () => {
      const jilin = await s.as(s.f.users.jilin);
      const park = await jilin.post('/api/parks', {
        pairingId: s.f.pairings.jilinZhejiang,
        name: '吉浙产业合作园',
        type: 'cooperation',
        hostRegionCode: '220100',
        note: '内部备注：园区运营团队待定',
      });
      expect(park.statusCode, park.body).toBe(201);
      expect(await pairingPage()).not.toContain('吉浙产业合作园');
      const shown = await jilin.post(`/api/parks/${park.json().id}/publish`, {
        version: park.json().version,
        publicSummary: '两省共建的产业合作园区。',
      });
      expect(shown.statusCode, shown.body).toBe(200);
      let page = await pairingPage();
      expect(page).toContain('吉浙产业合作园');
      expect(page).not.toContain('园区运营团队待定');

      const figure = {
        pairingId: s.f.pairings.jilinZhejiang,
        year: 2022,
        label: '浙江省派出挂职干部',
        value: '407',
        unit: '名',
        sourceTitle: '吉林日报',
        sourceDate: '2023-01-10',
        sourceLink: 'https://example.org/jlrb/2023-01-10',
      };
      const recorded = await jilin.post('/api/portal/figures', figure);
      expect(recorded.statusCode, recorded.body).toBe(201);
      page = await pairingPage();
      const press = page.slice(page.indexOf('id="figures-press"'), page.indexOf('id="figures-computed"'));
      expect(press).toContain('浙江省派出挂职干部');
      expect(press).toContain('公开发布');
      expect(press).toContain('来源：吉林日报，2023-01-10');
      expect(press).toContain('href="https://example.org/jlrb/2023-01-10"');
      const computed = page.slice(page.indexOf('id="figures-computed"'), page.indexOf('id="news"'));
      expect(computed).toContain('记录统计');
      expect(computed).not.toContain('浙江省派出挂职干部');

      const id = recorded.json().id;
      const liaoning = await s.as(s.f.users.liaoning);
      const own = { ...figure, pairingId: s.f.pairings.liaoningJiangsu };
      expect((await liaoning.request('PUT', `/api/portal/figures/${id}`, own)).statusCode).toBe(404);
      const edited = await jilin.request('PUT', `/api/portal/figures/${id}`, { ...figure, value: '408' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().value).toBe('408');
      expect(await pairingPage()).toContain('>408<');
      expect((await auditActions(s.t, id)).map((r) => r.action)).toEqual([
        'published_figure.create',
        'published_figure.update',
      ]);
    });

    it('shows what demo fill published, marked 演示, until demo clear removes it', async () => {
      const ctx = systemContext(s.t.deps);
      const counts = await fillDemo(ctx, s.f.pairings.liaoningJiangsu);
      expect(counts).toMatchObject({ newsItems: 1, publishedProjects: 2, publishedParks: 1 });
      const url = `/public/pairings/${s.f.pairings.liaoningJiangsu}`;
      const page = (await visit(s, url)).body;
      const news = /href="\/public\/news\/([0-9a-f-]{36})">(【演示】[^<]+)</.exec(page)!;
      expect(news[2]).toContain('对口合作联席会议');
      expect(page.match(/<span class="tag demo"/g)!.length).toBeGreaterThanOrEqual(5);
      expect(page.match(/href="\/public\/projects\//g)).toHaveLength(2);
      expect(page).toContain('产业合作园');
      expect(page).toMatch(/【演示】[^<]*挂职干部/);
      expect((await visit(s, `/public/news/${news[1]}`)).body).toContain('class="tag demo"');
      const removed = await clearDemo(ctx);
      expect(removed).toMatchObject({ newsItems: 1 });
      const after = (await visit(s, url)).body;
      expect(after).not.toContain('【演示】');
      expect((await visit(s, `/public/news/${news[1]}`)).statusCode).toBe(404);
    });

    it('tells search engines what to index', async () => {
      const robots = await visit(s, '/robots.txt');
      expect(robots.body).toContain('Allow: /public');
      expect(robots.body).toMatch(/Sitemap: http.*\/sitemap\.xml/);
      const map = await visit(s, '/sitemap.xml');
      expect(map.headers['content-type']).toMatch(/^application\/xml/);
      expect(map.body).toContain(`/public/pairings/${s.f.pairings.jilinZhejiang}</loc>`);
    });
  },
  120_000,
);
