import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorList, IndicatorValues } from '../../../common/api/indicators.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildProject, buildTraining } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from './indicators.service.ts';

/**
 * A small dataset whose figures are worked out by hand below: 吉林省—浙江省 (the pair) and 吉林市—温州市 (its
 * sub-pair), year 2024, plus one project of 2023 that must stay out.
 */
async function seedSmallDataset(s: ReturnType<typeof useProgrammeApp>) {
  const ctx = systemContext(s.t.deps);
  const pair = s.f.pairings.jilinZhejiang;
  const sub = s.f.pairings.jilinWenzhou;
  const project = (pairingId: string, title: string, host: string, on: string, signed: string, arrived: string) =>
    buildProject(
      ctx,
      {
        pairingId,
        title,
        investor: '某投资公司',
        hostRegionCode: host,
        type: 'industrial',
        stage: 'signed',
        stageOn: on,
        signedAmount: signed,
      },
      arrived === '0' ? {} : { reports: [{ figure: 'arrived', period: { year: 2024, month: 12 }, amount: arrived }] },
    );
  await project(pair, '长春汽车零部件项目', '220100', '2024-03-01', '100', '60');
  await project(pair, '杭州数字经济合作项目', '330100', '2024-06-01', '300', '0');
  await project(sub, '吉林市鞋业项目', '220200', '2024-04-01', '25.5', '25.5');
  await project(sub, '吉林市旧项目', '220200', '2023-05-01', '50', '0');
  const training = (pairingId: string, a: number, b: number) =>
    buildTraining(ctx, {
      pairingId,
      title: '干部培训班',
      organiser: '省委组织部',
      hostSide: 'b',
      startsOn: '2024-07-01',
      endsOn: '2024-07-05',
      trainees: { officials: a + b, managers: 0, professionals: 0, other: 0 },
      bySide: { a, b },
    });
  await training(pair, 20, 0);
  await training(sub, 10, 5);
}

describe.each(testEngines())(
  'indicator library on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    let library: IndicatorList;
    const idOf = (code: string) => library.items.find((i) => i.code === code)!.id;

    beforeAll(async () => {
      expect(await seedBuiltInIndicators(systemContext(s.t.deps))).toBeGreaterThanOrEqual(20);
      // Seeding again adds nothing: codes already present are left as they are.
      expect(await seedBuiltInIndicators(systemContext(s.t.deps))).toBe(0);
      await seedSmallDataset(s);
      const c = await s.as(s.f.users.jilin);
      library = (await c.get('/api/indicators')).json();
    });

    it('ships the built-in set with the measures it combines', () => {
      const codes = library.items.map((i) => i.code);
      for (const code of [
        'task_completion_rate',
        'reports_on_time_rate',
        'arrival_rate',
        'start_rate',
        'trainees',
        'shared_tax_wan',
        'listings_published',
        'listings_matched',
        'listing_deals',
      ])
        expect(codes).toContain(code);
      expect(library.items.every((i) => i.builtIn)).toBe(true);
      expect(library.measures.find((m) => m.code === 'signed_wan')).toMatchObject({
        sided: true,
        filters: ['industry', 'stage'],
      });
    });

    it('computes values that agree with the figures worked out by hand, ratios rolled up as ratios of sums', async () => {
      const c = await s.as(s.f.users.jilin);
      const ids = [
        'projects_signed',
        'signed_wan',
        'arrived_wan',
        'arrival_rate',
        'trainees',
        'trainees_per_training',
      ].map(idOf);
      const q = `fromYear=2023&toYear=2024&${ids.map((i) => `indicatorIds=${i}`).join('&')}`;
      const pair: IndicatorValues = (
        await c.get(`/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&${q}`)
      ).json();
      const sub: IndicatorValues = (
        await c.get(`/api/indicators/values?pairingId=${s.f.pairings.jilinWenzhou}&${q}`)
      ).json();
      const at = (v: IndicatorValues, code: string, year = 2024) =>
        v.series.find((x) => x.indicatorId === idOf(code))!.years.find((y) => y.year === year)!;

      // By hand: the pair holds its own 2024 projects (100 + 300 signed, 60 arrived) and its sub-pair's (25.5, 25.5).
      expect(at(pair, 'projects_signed').total.value).toBe(3);
      expect(at(pair, 'signed_wan').total.numerator).toMatch(/^425\.50*$/);
      expect(at(pair, 'arrived_wan').total.value).toBe(85.5);
      // 到位率 of the pair = (60 + 0 + 25.5) / (100 + 300 + 25.5) × 100, not the mean of 15 % and 100 %.
      const rate = at(pair, 'arrival_rate');
      expect(rate.total.value).toBeCloseTo((85.5 / 425.5) * 100, 3);
      expect(rate.total.value).not.toBeCloseTo(((60 / 400) * 100 + 100) / 2, 1);
      // Side a (吉林): the 长春 and 吉林市 projects; side b (浙江): the 杭州 one, nothing arrived.
      expect(rate.a!.value).toBeCloseTo((85.5 / 125.5) * 100, 3);
      expect(rate.b!.value).toBe(0);
      expect(at(sub, 'arrival_rate').total.value).toBe(100);
      // 2023: the sub-pair's old project only.
      expect(at(pair, 'projects_signed', 2023).total.value).toBe(1);
      expect(at(pair, 'arrival_rate', 2023).total.value).toBe(0);
      // Trainees by side, and an average as a ratio of sums: (20 + 15) / 2 trainings.
      expect(at(pair, 'trainees')).toMatchObject({ total: { value: 35 }, a: { value: 30 }, b: { value: 5 } });
      expect(at(pair, 'trainees_per_training').total.value).toBe(17.5);
      // An average has no per-side figure when its denominator knows no side.
      expect(at(pair, 'trainees_per_training').a).toBeNull();
      expect(at(sub, 'trainees').total.value).toBe(15);
    });

    it('counts practices replicated on the adopting side, rolled up from the sub-pair', async () => {
      const zhejiang = await s.as(s.f.users.zhejiang);
      const practice = await zhejiang.post('/api/replication/practices', {
        pairingId: s.f.pairings.jilinWenzhou,
        title: '温州民营经济服务做法',
        sourceRegionCode: '330300',
        category: 'business_environment',
        description: '以“两个健康”为主题的民营经济服务机制。',
      });
      expect(practice.statusCode, practice.body).toBe(201);
      const jilin = await s.as(s.f.users.jilin);
      const adopted = await jilin.post(`/api/replication/practices/${practice.json().id}/adoptions`, {
        adopterName: '吉林市营商环境建设局',
        regionCode: '220200',
        firstStage: { stage: 'learning', reachedOn: '2024-01-10' },
      });
      expect(adopted.statusCode, adopted.body).toBe(201);
      const a = adopted.json().adoptions[0];
      const pilot = await jilin.post(`/api/replication/adoptions/${a.id}/stages`, {
        version: a.version,
        stage: 'pilot',
        reachedOn: '2024-05-01',
      });
      expect(pilot.statusCode, pilot.body).toBe(201);
      const ids = ['practices_replicated', 'practices_institutionalised'].map(idOf);
      const v: IndicatorValues = (
        await jilin.get(
          `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2024&toYear=2024&${ids.map((i) => `indicatorIds=${i}`).join('&')}`,
        )
      ).json();
      const [replicated, institutionalised] = ids.map((id) => v.series.find((x) => x.indicatorId === id)!.years[0]!);
      // One adoption, by 吉林市 (side a), reached 试点 in 2024; none institutionalised.
      expect(replicated).toMatchObject({ total: { value: 1 }, a: { value: 1 }, b: { value: 0 } });
      expect(institutionalised!.total.value).toBe(0);
    });

    it("counts listings matched and deals signed through them, on the listing's pairing rolled up", async () => {
      // Two listings of the sub-pair: one matched (contact revealed) in 2024 and signed, one matched in 2023 only.
      const { organisationId, userId } = s.f.users.zhejiang;
      const listing = async (title: string, synthetic = false) =>
        (
          await s.t.database.db.execute<{ id: string }>(sql`INSERT INTO listings
            (source, kind, category, title, region_code, organisation_name, owner_organisation_id, pairing_id,
             contact_cipher, terms, is_synthetic)
            VALUES (${organisationId}, 'offer', 'product', ${title}, '220200', '吉林市某企业', ${organisationId},
              ${s.f.pairings.jilinWenzhou}, 'sealed', ${title}, ${synthetic}) RETURNING id`)
        ).rows[0]!.id;
      const interest = (listingId: string, revealedAt: string, state: string, signedOn: string | null) =>
        s.t.database.db.execute(sql`INSERT INTO listing_interests
          (listing_id, organisation_id, created_by, message, state, revealed_at, signed_on)
          VALUES (${listingId}, ${organisationId}, ${userId}, '有意合作', ${state}, ${revealedAt}::timestamptz,
            ${signedOn}::date)`);
      // Entered in 2024 (China's calendar: 2023-12-31 17:00 UTC is already 2024 there); a synthetic one never counts.
      const entered = (title: string, at: string, synthetic: boolean) =>
        s.t.database.db.execute(sql`INSERT INTO listings
          (source, kind, category, title, region_code, organisation_name, owner_organisation_id, pairing_id,
           contact_cipher, terms, created_at, is_synthetic)
          VALUES (${organisationId}, 'need', 'product', ${title}, '220200', '吉林市某企业', ${organisationId},
            ${s.f.pairings.jilinWenzhou}, 'sealed', ${title}, ${at}::timestamptz, ${synthetic})`);
      await entered('长期采购人参', '2023-12-31T17:00:00Z', false);
      await entered('（合成）采购人参', '2024-05-01T10:00:00+08:00', true);
      await interest(await listing('汽车零部件供应'), '2024-03-05T10:00:00+08:00', 'signed', '2024-06-01');
      await interest(await listing('鞋业产能合作'), '2023-11-20T10:00:00+08:00', 'negotiating', null);
      // The bench's synthetic listings are matched and signed too, and count in neither.
      await interest(await listing('（合成）汽车配套', true), '2024-04-01T10:00:00+08:00', 'signed', '2024-07-01');
      const ids = ['listings_matched', 'listing_deals'].map(idOf);
      const jilin = await s.as(s.f.users.jilin);
      // The ids comma-separated, as the web client sends a list.
      const v: IndicatorValues = (
        await jilin.get(
          `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2023&toYear=2024&indicatorIds=${ids.join(',')}`,
        )
      ).json();
      const [matched, deals] = ids.map((id) => v.series.find((x) => x.indicatorId === id)!.years);
      expect(matched!.map((y) => y.total.value)).toEqual([1, 1]);
      expect(deals!.map((y) => y.total.value)).toEqual([0, 1]);
      // Listings carry no side: no side's figure.
      expect(deals![1]!.a).toBeNull();
      const published: IndicatorValues = (
        await jilin.get(
          `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2023&toYear=2024&indicatorIds=${idOf('listings_published')}`,
        )
      ).json();
      expect(published.series[0]!.years.map((y) => y.total.value)).toEqual([0, 1]);
      const bad = await jilin.get(
        `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2024&toYear=2024&indicatorIds=${ids[0]},x`,
      );
      expect(bad.statusCode).toBe(400);
    });

    it('adds the programme up once, for the national office only', async () => {
      const national = await s.as(s.f.users.national);
      const q = `fromYear=2024&toYear=2024&indicatorIds=${idOf('signed_wan')}`;
      const prog: IndicatorValues = (await national.get(`/api/indicators/values?${q}`)).json();
      expect(prog.pairingId).toBeNull();
      expect(Number(prog.series[0]!.years[0]!.total.numerator)).toBe(425.5);
      const office = await s.as(s.f.users.jilin);
      const refused = await office.get(`/api/indicators/values?${q}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('pairingId');
      // Another region's pairing answers 404.
      const other = await office.get(`/api/indicators/values?pairingId=${s.f.pairings.liaoningJiangsu}&${q}`);
      expect(other.statusCode).toBe(404);
    });

    it('lets the national office combine measures into a new indicator, refusing bad formulas by field', async () => {
      const national = await s.as(s.f.users.national);
      const body = {
        code: 'manufacturing_signed_a',
        nameZh: '吉方制造业签约额',
        nameEn: 'Manufacturing signed, side a',
        definitionZh: '制造业（C 门类）项目当年签约额，仅吉方。',
        definitionEn: 'Amount signed by manufacturing (section C) projects in the year, side a only.',
        unit: 'wan',
        direction: 'higher',
        type: 'sum',
        numerator: { measure: 'signed_wan', filters: { side: 'a', industries: ['C'] } },
      };
      const bad = await national.post('/api/indicators', {
        ...body,
        type: 'ratio',
        numerator: { measure: 'trainings', filters: { industries: ['C'] } },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { field: string; code: string }) => [d.field, d.code])
          .sort(),
      ).toEqual([
        ['denominator', 'denominator_required'],
        ['numerator.filters.industries', 'filter_not_supported'],
      ]);
      const sqlish = await national.post('/api/indicators', {
        ...body,
        numerator: { measure: 'signed_wan; DROP TABLE projects', filters: {} },
      });
      expect(sqlish.statusCode).toBe(400);
      expect(sqlish.json().error.details[0].field).toBe('numerator.measure');
      const count = async () =>
        (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicators`)).rows[0]!.n;
      const before = await count();
      const created = await national.post('/api/indicators', body);
      expect(created.statusCode, created.body).toBe(201);
      expect(await count()).toBe(before + 1);
      const dup = await national.post('/api/indicators', body);
      expect(dup.json().error.details[0]).toMatchObject({ field: 'code', code: 'indicator_code_taken' });

      // None of the small dataset's projects has an industry: the filtered sum is 0 while the unfiltered is 125.5 on side a.
      const v: IndicatorValues = (
        await national.get(
          `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2024&toYear=2024&indicatorIds=${created.json().id}`,
        )
      ).json();
      expect(v.series[0]!.years[0]!.total.value).toBe(0);

      const office = await s.as(s.f.users.jilin);
      expect((await office.post('/api/indicators', { ...body, code: 'other_code' })).statusCode).toBe(403);
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE object_id = ${created.json().id}`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['indicator.create']);
    });

    it('lets the national office rename and deactivate an indicator; a stale version is refused', async () => {
      const national = await s.as(s.f.users.national);
      const ind = library.items.find((i) => i.code === 'tasks_red')!;
      const renamed = await national.patch(`/api/indicators/${ind.id}`, { version: ind.version, nameZh: '红灯任务数' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject({ nameZh: '红灯任务数', version: ind.version + 1, active: true });
      expect(
        (await national.patch(`/api/indicators/${ind.id}`, { version: ind.version, active: false })).statusCode,
      ).toBe(409);
      const off = await national.patch(`/api/indicators/${ind.id}`, { version: ind.version + 1, active: false });
      expect(off.json().active).toBe(false);
      // Inactive indicators leave the values (and new rounds), and stay in the library.
      const office = await s.as(s.f.users.jilin);
      const v: IndicatorValues = (
        await office.get(`/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2024&toYear=2024`)
      ).json();
      expect(v.series.map((x) => x.indicatorId)).not.toContain(ind.id);
      expect(
        (await office.patch(`/api/indicators/${ind.id}`, { version: ind.version + 2, active: true })).statusCode,
      ).toBe(403);
    });

    it('keeps per-year targets per pairing and shows them with the values', async () => {
      const national = await s.as(s.f.users.national);
      const id = idOf('arrival_rate');
      const res = await national.request('PUT', `/api/indicators/${id}/targets`, {
        year: 2024,
        targets: [{ pairingId: s.f.pairings.jilinZhejiang, value: '60' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const bad = await national.request('PUT', `/api/indicators/${id}/targets`, {
        year: 2024,
        targets: [{ pairingId: '00000000-0000-4000-8000-000000000000', value: 'abc' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('targets.0.value');
      const office = await s.as(s.f.users.jilin);
      const v: IndicatorValues = (
        await office.get(
          `/api/indicators/values?pairingId=${s.f.pairings.jilinZhejiang}&fromYear=2024&toYear=2024&indicatorIds=${id}`,
        )
      ).json();
      expect(v.series[0]!.years[0]!.target).toMatch(/^60(\.0+)?$/);
    });

    it("keeps the programme's own target beside the pairings', shown with the programme's values", async () => {
      const national = await s.as(s.f.users.national);
      const id = idOf('arrival_rate');
      const put = (body: object) => national.request('PUT', `/api/indicators/${id}/targets`, body);
      expect((await put({ year: 2024, programme: '55' })).statusCode).toBe(200);
      const shown = await national.get(`/api/indicators/${id}/targets?year=2024`);
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json().programme).toMatch(/^55(\.0+)?$/);
      // The pairing's target set in the test before is left as it was.
      expect(shown.json().targets).toEqual([
        { pairingId: s.f.pairings.jilinZhejiang, value: expect.stringMatching(/^60(\.0+)?$/) },
      ]);
      const prog: IndicatorValues = (
        await national.get(`/api/indicators/values?fromYear=2024&toYear=2024&indicatorIds=${id}`)
      ).json();
      expect(prog.series[0]!.years[0]!.target).toMatch(/^55(\.0+)?$/);
      const audit = await s.t.database.db.execute<{ details: { before: object; after: object } }>(
        sql`SELECT details FROM audit_log WHERE action = 'indicator.targets' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.rows[0]!.details).toMatchObject({ before: { programme: null }, after: { programme: '55' } });
      // Removing it (null); a body without any target is refused naming the field, and changes nothing.
      expect((await put({ year: 2024, programme: null })).statusCode).toBe(200);
      expect((await national.get(`/api/indicators/${id}/targets?year=2024`)).json().programme).toBeNull();
      const empty = await put({ year: 2024 });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details[0].field).toBe('targets');
      expect((await national.get(`/api/indicators/${id}/targets?year=abc`)).statusCode).toBe(400);
      // Offices read their own target with the values, but not the national office's form.
      const office = await s.as(s.f.users.jilin);
      expect((await office.get(`/api/indicators/${id}/targets?year=2024`)).statusCode).toBe(403);
    });
  },
  240_000,
);
