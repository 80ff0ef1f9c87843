import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestApp, TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';

const NEED_PHONE = '0571-88886666';
const NEED_EMAIL = 'caigou@hz-liangyou.example';

/** A browser's multipart upload of a listing sheet. */
function upload(t: TestApp, c: TestClient, content: Buffer, fileName: string, pairing?: string) {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (pairing)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="pairing"\r\n\r\n${pairing}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/listings/import',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

const HEADERS = '编号,类型,类别,标题,描述,地区代码,行业代码,标签,数量,单位,有效期至,联系人,联系电话,机构';

describe.each(testEngines())(
  'listings, matching and deals on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    const enterprise = async (username: string, regionCode: string, orgName: string) =>
      buildOrgUser(systemContext(s.t.deps), {
        username,
        regionCode,
        roles: ['enterprise'],
        kind: 'enterprise',
        orgName,
      });
    const state = {} as { needId: string; offerId: string; interestId: string };

    it('an enterprise publishes a need; it stays out of sight until a pairing office approves it', async () => {
      const zj = await enterprise('hz-liangyou', '330100', '杭州粮油贸易有限公司');
      const jl = await enterprise('cc-rice', '220100', '长春稻香米业有限公司');
      Object.assign(state, { zj, jl });
      const c = await s.as(zj);
      const res = await c.post('/api/listings', {
        kind: 'need',
        category: 'product',
        title: '长期采购吉林大米',
        description: '杭州粮油企业求购优质吉林大米，年需求量约 5000 吨，需冷链运输到杭州。',
        regionCode: '330100',
        industryDivision: '51',
        // A tag with a quote, a comma and a backslash goes in as written (rows are inserted as array literals).
        tags: ['大米', '粮油', '稻花香"2号",五常\\'],
        quantity: '5000',
        unit: '吨',
        validUntil: '2099-12-31',
        organisationName: '杭州粮油贸易有限公司',
        contact: { name: '王经理', phone: NEED_PHONE, email: NEED_EMAIL },
      });
      expect(res.statusCode, res.body).toBe(201);
      // No pairing named: the one whose side holds the listing's region (杭州 → 吉林省—浙江省).
      expect(res.json()).toMatchObject({
        tags: ['大米', '粮油', '稻花香"2号",五常\\'],
        state: 'pending',
        own: true,
        contact: { phone: NEED_PHONE },
        pairingId: s.f.pairings.jilinZhejiang,
      });
      state.needId = res.json().id;

      const other = await s.as(jl);
      expect((await other.get(`/api/listings/${state.needId}`)).statusCode).toBe(404);
      const search = await other.get(`/api/listings/search?q=${encodeURIComponent('吉林大米')}`);
      expect(search.json().items.map((i: { listing: { id: string } }) => i.listing.id)).not.toContain(state.needId);

      const office = await s.as(s.f.users.zhejiang);
      const published = await office.post(`/api/listings/${state.needId}/moderation`, {
        version: 1,
        action: 'publish',
      });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({ state: 'published', contact: null, contactHidden: true });
      // Another region's office does not moderate it: the pairing is not in its scope.
      const liaoning = await s.as(s.f.users.liaoning);
      const refused = await liaoning.post(`/api/listings/${state.needId}/moderation`, {
        version: 2,
        action: 'withdraw',
      });
      expect(refused.statusCode).toBe(403);
    });

    it('an enterprise in 吉林 finds the need among its offer’s matches, with reasons and score parts, never the contact', async () => {
      const c = await s.as((state as unknown as { jl: { username: string; password: string } }).jl);
      // A pairing neither of its region nor in its scope is refused on the field; its own is taken as named.
      const elsewhere = await c.post('/api/listings', {
        kind: 'offer',
        category: 'product',
        title: '供应吉林大米',
        regionCode: '220100',
        organisationName: '长春稻香米业有限公司',
        contact: { name: '李厂长' },
        pairingId: s.f.pairings.liaoningJiangsu,
      });
      expect(elsewhere.statusCode).toBe(400);
      expect(elsewhere.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
      // The form offers what it may name: the pairing of its region, not another's.
      const choices = (await c.get('/api/listings/pairings?regionCode=220100')).json().items;
      expect(choices.map((p: { name: string }) => p.name)).toContain('吉林省—浙江省');
      expect(choices.map((p: { id: string }) => p.id)).not.toContain(s.f.pairings.liaoningJiangsu);
      // A development zone (长春经开区) lies in 长春市, so 吉林's pairing is offered for it as well.
      const inZone = (await c.get('/api/listings/pairings?regionCode=Z22010071')).json().items;
      expect(inZone.map((p: { name: string }) => p.name)).toContain('吉林省—浙江省');
      const offer = await c.post('/api/listings', {
        pairingId: s.f.pairings.jilinZhejiang,
        kind: 'offer',
        category: 'product',
        title: '供应优质吉林大米',
        description: '长春稻香米业年产吉林大米三万吨，可提供冷链物流配送。',
        regionCode: '220100',
        industryDivision: '13',
        tags: ['大米'],
        organisationName: '长春稻香米业有限公司',
        contact: { name: '李厂长', phone: '0431-85550000' },
      });
      expect(offer.statusCode, offer.body).toBe(201);
      state.offerId = offer.json().id;
      const office = await s.as(s.f.users.jilin);
      expect(
        (await office.post(`/api/listings/${state.offerId}/moderation`, { version: 1, action: 'publish' })).statusCode,
      ).toBe(200);

      const matches = await c.get(`/api/listings/${state.offerId}/matches?top=20`);
      expect(matches.statusCode, matches.body).toBe(200);
      expect(matches.body).not.toContain(NEED_PHONE);
      expect(matches.body).not.toContain(NEED_EMAIL);
      const found = matches.json().items.find((i: { listing: { id: string } }) => i.listing.id === state.needId);
      expect(found).toBeDefined();
      const codes = found.reasons.map((r: { code: string }) => r.code);
      expect(codes).toEqual(
        expect.arrayContaining(['matchedTerms', 'complementaryNeed', 'counterpartRegion', 'validUntil']),
      );
      expect(found.reasons.find((r: { code: string }) => r.code === 'matchedTerms').zh).toContain('吉林大米');
      expect(found.reasons.find((r: { code: string }) => r.code === 'counterpartRegion').zh).toContain('吉林省—浙江省');
      expect(found.parts.pairing).toBeGreaterThan(0);
      expect(found.parts.text).toBeGreaterThan(0);
      expect(found.listing).toMatchObject({ contact: null, contactHidden: true, kind: 'need' });

      // A synonym (冷链 ~ 低温物流) and a one-character query both find it; the contact never rides along.
      for (const q of ['低温物流 大米', '米']) {
        const res = await c.get(`/api/listings/search?q=${encodeURIComponent(q)}&kind=need`);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(NEED_PHONE);
        expect(
          res.json().items.map((i: { listing: { id: string } }) => i.listing.id),
          q,
        ).toContain(state.needId);
      }
      // The list does not carry it either, nor the owner's edit rights.
      const list = await c.get('/api/listings?kind=need');
      expect(list.body).not.toContain(NEED_PHONE);
      const edit = await c.patch(`/api/listings/${state.needId}`, { version: 2, title: '改掉别人的标题' });
      expect(edit.statusCode).toBe(403);
    });

    it('interest → accepted (contact revealed, audited) → signed: a project enters the pipeline, linked to both listings', async () => {
      const { jl, zj } = state as unknown as Record<'jl' | 'zj', { username: string; password: string }>;
      const buyer = await s.as(jl);
      const res = await buyer.post(`/api/listings/${state.needId}/interests`, {
        message: '我司可长期稳定供应吉林大米，欢迎洽谈。',
        fromListingId: state.offerId,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ state: 'interest', asOwner: false, contact: null });
      state.interestId = res.json().id;
      expect((await buyer.get(`/api/listings/${state.needId}`)).json().contactHidden).toBe(true);
      const again = await buyer.post(`/api/listings/${state.needId}/interests`, { message: '再次' });
      expect(again.statusCode).toBe(400);

      const owner = await s.as(zj);
      const received = (await owner.get('/api/listing-interests')).json().items;
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ asOwner: true, fromListingTitle: '供应优质吉林大米' });
      // Only the owner decides.
      const self = await buyer.post(`/api/listing-interests/${state.interestId}/decision`, {
        version: 1,
        decision: 'accept',
      });
      expect(self.statusCode).toBe(400);
      const accepted = await owner.post(`/api/listing-interests/${state.interestId}/decision`, {
        version: 1,
        decision: 'accept',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().state).toBe('negotiating');

      const mine = (await buyer.get('/api/listing-interests')).json().items;
      expect(mine[0].contact).toEqual({ name: '王经理', phone: NEED_PHONE, email: NEED_EMAIL });
      expect((await buyer.get(`/api/listings/${state.needId}`)).json().contact.phone).toBe(NEED_PHONE);
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action LIKE 'listing.contact%' ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['listing.contact_reveal', 'listing.contact_view']),
      );

      const signed = await buyer.post(`/api/listing-interests/${state.interestId}/outcome`, {
        version: 2,
        outcome: 'signed',
        signedOn: '2026-03-01',
        project: {
          title: '长春稻香米业吉林大米浙江直供项目',
          investor: '杭州粮油贸易有限公司',
          hostRegionCode: '220100',
          type: 'agriculture',
          signedAmount: '3000',
        },
      });
      expect(signed.statusCode, signed.body).toBe(200);
      const projectId = signed.json().projectId;
      expect(projectId).toBeTruthy();
      const office = await s.as(s.f.users.jilin);
      const project = await office.get(`/api/projects/${projectId}`);
      expect(project.statusCode).toBe(200);
      expect(project.json()).toMatchObject({ stage: 'signed', title: '长春稻香米业吉林大米浙江直供项目' });
      expect(project.json().note).toContain('长期采购吉林大米');

      const counts = await office.get(`/api/listings/counts?pairingId=${s.f.pairings.jilinZhejiang}`);
      const sum = (k: string) => counts.json().items.reduce((n: number, i: Record<string, number>) => n + i[k]!, 0);
      expect([sum('listings'), sum('interests'), sum('contactsRevealed'), sum('deals'), sum('projects')]).toEqual([
        2, 1, 1, 1, 1,
      ]);
      expect(sum('matchesViewed')).toBeGreaterThanOrEqual(1);
      // A year is China's: what was done at 17:00 UTC on 31 December 2026 is 2027's there.
      await s.t.database.db.execute(
        sql`UPDATE listings SET created_at = '2026-12-31T17:00:00Z' WHERE id = ${state.needId}`,
      );
      await s.t.database.db.execute(
        sql`UPDATE listing_interests SET created_at = '2026-12-31T17:00:00Z', revealed_at = '2026-12-31T17:00:00Z'
             WHERE id = ${state.interestId}`,
      );
      const of2027 = (
        await office.get(`/api/listings/counts?pairingId=${s.f.pairings.jilinZhejiang}&year=2027`)
      ).json();
      expect(of2027.items).toEqual([
        expect.objectContaining({ year: 2027, listings: 1, interests: 1, contactsRevealed: 1 }),
      ]);
    });

    it('imports a CSV with the exact headers all or nothing, naming the bad rows; a second import updates by 编号', async () => {
      const c = await s.as(s.f.users.jilin);
      const good = [
        HEADERS,
        'JL-001,供给,产品,长白山人参礼盒,"林下参,五年生",220600,13,人参、礼盒,1000,盒,2099-06-30,赵女士,0439-1234567,白山参业有限公司',
        'JL-002,需求,物流,寻求低温物流合作伙伴,长春至杭州冷链干线,220100,54,冷链,,,,钱先生,0431-7654321,长春冷链物流园',
      ].join('\n');
      const bad = `${good}\nJL-003,出售,产品,,描述,999999,,,abc,,2024-13-01,,,某公司`;
      const refused = await upload(s.t, c, Buffer.from(bad), 'listings.csv', '吉林省—浙江省');
      expect(refused.statusCode).toBe(400);
      const details = refused.json().error.details as { row: number; header: string; code: string }[];
      expect(details.every((d) => d.row === 4)).toBe(true);
      expect(details.map((d) => d.header)).toEqual(
        expect.arrayContaining(['类型', '标题', '地区代码', '数量', '有效期至', '联系人']),
      );
      expect((await c.get('/api/listings?mine=true')).json().total).toBe(0);

      const done = await upload(s.t, c, Buffer.from(`\uFEFF${good}`), 'listings.csv', '吉林省—浙江省');
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toEqual({ created: 2, updated: 0 });
      const again = await upload(s.t, c, Buffer.from(good.replace('长白山人参礼盒', '长白山林下参礼盒')), 'a.csv');
      expect(again.json()).toEqual({ created: 0, updated: 2 });
      const found = await c.get(`/api/listings/search?q=${encodeURIComponent('林下参')}`);
      expect(found.json().items[0].listing).toMatchObject({ ref: 'JL-001', state: 'published', contact: null });
    });

    it('self-registration checks the credit code; until a pairing office approves, the account only reads', async () => {
      const anon = s.t.client();
      const body = {
        organisationName: '延边长白山农业科技有限公司',
        kind: 'enterprise',
        creditCode: '91110000710931141K',
        // A development zone (长春经开区, in 长春市): its code names no place, it lies where its parent region does.
        regionCode: 'Z22010071',
        contactName: '金经理',
        contactPhone: '0433-2222222',
        username: 'yanbian-agri',
        password: 'Duikou-Register-2026!',
      };
      // The form chooses the region and the industry by name before anyone signs in.
      const regions = await anon.get('/api/regions?q=延边');
      expect(regions.statusCode, regions.body).toBe(200);
      expect(regions.json().items.map((r: { code: string }) => r.code)).toContain('222400');
      const industries = await anon.get('/api/industries');
      expect(industries.statusCode).toBe(200);
      expect(JSON.stringify(industries.json())).toContain('研究和试验发展');
      const wrong = await anon.post('/api/registrations', body);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details[0]).toMatchObject({ field: 'creditCode', code: 'credit_code_check' });
      const ok = await anon.post('/api/registrations', { ...body, creditCode: '91110000710931141J' });
      expect(ok.statusCode, ok.body).toBe(201);

      const c = await s.as({ username: body.username, password: body.password });
      const draft = {
        kind: 'offer',
        category: 'product',
        title: '延边黑木耳',
        regionCode: '222400',
        organisationName: body.organisationName,
        contact: { name: '金经理' },
      };
      expect((await c.post('/api/listings', draft)).json().error?.code).toBe('registration_pending');
      expect((await c.get('/api/listings?state=pending')).json().total).toBe(0);

      // Liaoning's office does not see it (not its region); Zhejiang's does (the other side of 吉林—浙江).
      const liaoning = await s.as(s.f.users.liaoning);
      expect((await liaoning.get('/api/registrations')).json().items).toHaveLength(0);
      const zhejiang = await s.as(s.f.users.zhejiang);
      const [reg] = (await zhejiang.get('/api/registrations')).json().items;
      expect(reg).toMatchObject({ organisationName: body.organisationName, state: 'pending' });
      const noReason = await zhejiang.post(`/api/registrations/${reg.id}/decision`, { decision: 'refuse' });
      expect(noReason.statusCode).toBe(400);
      const approved = await zhejiang.post(`/api/registrations/${reg.id}/decision`, { decision: 'approve' });
      expect(approved.json().state).toBe('approved');
      const created = await c.post('/api/listings', draft);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().state).toBe('pending');
    });
  },
  600_000,
);
