import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { translate } from '../../../common/i18n/messages.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

describe.each(testEngines())('parks and benefit sharing on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const ids: { main?: string; enterprise?: string; other?: string; agreement?: string } = {};

  const park = (extra: Record<string, unknown> = {}) => ({
    pairingId: s.f.pairings.jilinZhejiang,
    name: '长春—杭州产业合作园',
    type: 'cooperation',
    hostRegionCode: '220100',
    partnerRegionCode: '330100',
    areaKm2: '12.5',
    focusIndustries: ['36', '39'],
    operator: '长春杭州合作园开发有限公司',
    operatorTeamFrom: '杭州经济技术开发区选派',
    ...extra,
  });

  it('keeps one main park with three branches, and refuses a branch of a branch', async () => {
    const c = await s.as(s.f.users.jilin);
    const main = await c.post('/api/parks', park());
    expect(main.statusCode, main.body).toBe(201);
    ids.main = main.json().id;
    for (const [name, host] of [
      ['长春新区分园', '220100'],
      ['吉林市分园', '220200'],
      ['梅河口分园', '220581'],
    ]) {
      const b = await c.post('/api/parks', park({ name, type: 'branch', hostRegionCode: host, mainParkId: ids.main }));
      expect(b.statusCode, b.body).toBe(201);
      expect(b.json().mainPark).toEqual({ id: ids.main, name: '长春—杭州产业合作园' });
    }
    const detail = (await c.get(`/api/parks/${ids.main}`)).json();
    expect(detail.branches.map((b: { name: string }) => b.name)).toEqual(['吉林市分园', '梅河口分园', '长春新区分园']);
    expect(detail).toMatchObject({
      branchCount: 3,
      areaKm2: '12.5',
      focusIndustries: [
        { code: '36', name: '汽车制造业' },
        { code: '39', name: '计算机、通信和其他电子设备制造业' },
      ],
    });
    const branchId = detail.branches[0].id;
    const nested = await c.post('/api/parks', park({ name: '分园的分园', type: 'branch', mainParkId: branchId }));
    expect(nested.json().error.details[0]).toMatchObject({ field: 'mainParkId', code: 'branch_of_branch' });
    const outside = await c.post('/api/parks', park({ name: '南京园', hostRegionCode: '320100' }));
    expect(outside.json().error.details[0]).toMatchObject({ field: 'hostRegionCode', code: 'region_outside_pairing' });
  });

  it('takes an agreement whose shares change by period, and refuses one that does not add up or overlaps', async () => {
    const c = await s.as(s.f.users.jilin);
    ids.enterprise = (
      await c.post(`/api/parks/${ids.main}/enterprises`, {
        name: '吉林某汽车电子有限公司',
        industryDivision: '39',
        settledOn: '2019-09-01',
      })
    ).json().enterprises[0].id;
    const other = await c.post(`/api/parks/${ids.main}/enterprises`, { name: '长春某零部件有限公司' });
    ids.other = other.json().enterprises.find((e: { name: string }) => e.name === '长春某零部件有限公司').id;
    const agreement = {
      title: '长春—杭州产业合作园税收分成协议',
      parties: [
        { key: 'out', name: '杭州市', regionCode: '330100' },
        { key: 'in', name: '长春市', regionCode: '220100' },
      ],
      startsOn: '2019-07-01',
      endsOn: '2034-06-30',
      terms: [
        {
          figures: ['vat', 'corporate_income_tax'],
          from: '2019-07-01',
          to: '2024-06-30',
          shares: { out: '50', in: '50' },
        },
        { figures: ['vat', 'corporate_income_tax'], from: '2024-07-01', shares: { out: 30, in: 70 } },
        { figures: ['gdp'], from: '2019-07-01', shares: { out: '50', in: '50' } },
      ],
      costShares: { out: '60', in: '40' },
    };
    const before = Number(
      (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sharing_agreements`)).rows[0]!.n,
    );
    const bad = await c.post(`/api/parks/${ids.main}/agreements`, {
      ...agreement,
      terms: [
        { ...agreement.terms[0], shares: { out: '50', in: '40' } },
        { ...agreement.terms[1], from: '2024-06-01' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'terms.0.shares:shares_not_100',
      'terms.1.from:terms_overlap',
    ]);
    expect(
      Number(
        (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sharing_agreements`)).rows[0]!
          .n,
      ),
    ).toBe(before);
    const ok = await c.post(`/api/parks/${ids.main}/agreements`, agreement);
    expect(ok.statusCode, ok.body).toBe(201);
    const a = ok.json().agreements[0];
    ids.agreement = a.id;
    expect(a.terms[1]).toMatchObject({ from: '2024-07-01', to: null, shares: { out: '30', in: '70' } });
    expect(a.costShares).toEqual({ out: '60', in: '40' });
  });

  it('computes the statement exact to the fen across a change of shares, and reproduces a past year after a correction', async () => {
    const c = await s.as(s.f.users.jilin);
    const entry = (
      figure: string,
      year: number,
      month: number | null,
      amount: string,
      extra: Record<string, unknown> = {},
    ) =>
      c.post(`/api/parks/${ids.main}/ledger`, {
        enterpriseId: ids.enterprise,
        figure,
        period: { year, month },
        amount,
        ...extra,
      });
    expect((await entry('vat', 2024, 3, '123456.79')).statusCode).toBe(201);
    expect((await entry('vat', 2024, 5, '0.02', { enterpriseId: ids.other })).statusCode).toBe(201);
    expect((await entry('vat', 2024, 9, '100000.01')).statusCode).toBe(201);
    const cit2023 = await entry('corporate_income_tax', 2023, null, '1000000');
    expect(cit2023.statusCode).toBe(201);

    // Bad entries: each refused with the field named, nothing stored.
    const n = async () =>
      Number(
        (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM park_ledger_entries`)).rows[0]!
          .n,
      );
    const before = await n();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ enterpriseId: '00000000-0000-4000-8000-000000000000' }, 'enterpriseId', 'enterprise_not_in_park'],
      [{ amount: '-5' }, 'amount', 'negative_amount'],
      [{ amount: '1.001' }, 'amount', 'invalid_amount'],
      [{ period: { year: 2024, month: null } }, 'period', 'period_straddles_terms'],
      [{ period: { year: 2024, month: 3 } }, 'period', 'ledger_entry_exists'],
    ];
    for (const [extra, field, code] of cases) {
      const res = await c.post(`/api/parks/${ids.main}/ledger`, {
        enterpriseId: ids.enterprise,
        figure: 'vat',
        period: { year: 2024, month: 4 },
        amount: '1',
        ...extra,
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(
        res.json().error.details.find((d: { field: string }) => d.field === field),
        JSON.stringify(res.json().error.details),
      ).toMatchObject({ code });
    }
    expect(await n()).toBe(before);

    // Hand-computed (see sharing-statement.test.ts): 增值税 杭州 91,728.41 元, 长春 131,728.41 元.
    const st = (await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2024`)).json();
    expect(st.parties.map((p: { byFigure: { vat: string } }) => p.byFigure.vat)).toEqual(['91728.41', '131728.41']);
    expect(st.figures[0]).toMatchObject({
      figure: 'vat',
      total: '223456.82',
      shared: '223456.82',
      groups: [
        { shares: ['50', '50'], parts: ['61728.41', '61728.40'] },
        { shares: ['30', '70'], parts: ['30000.00', '70000.01'] },
      ],
    });
    expect(st.rounding).toMatch(/余数/);

    const asOf = new Date().toISOString();
    const first2023 = (
      await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2023&asOf=${asOf}`)
    ).json();
    expect(first2023.parties.map((p: { taxTotal: string }) => p.taxTotal)).toEqual(['500000.00', '500000.00']);
    const fix = await entry('corporate_income_tax', 2023, null, '1200000.01', { supersedesId: cit2023.json().id });
    expect(fix.statusCode).toBe(201);
    const now2023 = (await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2023`)).json();
    expect(now2023.parties.map((p: { taxTotal: string }) => p.taxTotal)).toEqual(['600000.01', '600000.00']);
    expect(now2023.correctionCount).toBe(1);
    const again = (
      await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2023&asOf=${asOf}`)
    ).json();
    expect(again.parties).toEqual(first2023.parties);
    // An as-of that is no real date or instant is refused, naming the field (it used to reach the service and answer 500).
    for (const bad of ['2024-13-45', '2023-02-29', '2024-01-01T25:00:00Z', '2024-01-01T10:00:00', 'yesterday']) {
      for (const suffix of ['', '.xlsx']) {
        const res = await c.get(
          `/api/parks/${ids.main}/agreements/${ids.agreement}/statement${suffix}?year=2023&asOf=${encodeURIComponent(bad)}`,
        );
        expect(res.statusCode, `${bad}${suffix}`).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('asOf');
      }
    }
    const byDay = await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2023&asOf=2024-02-29`);
    expect(byDay.statusCode).toBe(200);
    expect(byDay.json().asOf).toBe('2024-02-29T15:59:59.999Z');
    expect(
      (
        await c.get(
          `/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2023&asOf=${encodeURIComponent('2024-03-01T08:00:00+08:00')}`,
        )
      ).json().asOf,
    ).toBe('2024-03-01T00:00:00.000Z');
    const ledger = (await c.get(`/api/parks/${ids.main}/ledger?year=2023`)).json();
    expect(ledger.items.map((e: { amount: string; superseded: boolean }) => [e.amount, e.superseded])).toEqual([
      ['1000000.00', true],
      ['1200000.01', false],
    ]);
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${ids.main!} AND action LIKE 'park.ledger%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'park.ledger',
      'park.ledger',
      'park.ledger',
      'park.ledger',
      'park.ledger.correct',
    ]);
  });

  it('exports the statement as a printable workbook', async () => {
    const c = await s.as(s.f.users.jilin);
    const res = await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement.xlsx?year=2024`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(String(ws.getCell(1, 1).value)).toContain('2024年度利益分成结算表');
    expect(ws.getRow(4).values).toEqual([undefined, '增值税', 223456.82, 91728.41, 131728.41, 223456.82, 0, 0]);

    // In the user's language: an English request gets the English sheet, headings and file name.
    const english = await c.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement.xlsx?year=2024`, {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(200);
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    const en = enBook.worksheets[0]!;
    const tEn = (key: string, params: Record<string, string | number> = {}) => translate('en', key, params);
    expect(en.name).toBe(tEn('ui.parks.statementSheet', { year: 2024 }));
    expect(String(en.getCell(1, 1).value)).toMatch(/: statement for 2024$/);
    expect(en.getRow(3).values).toContain(tEn('ui.parks.figure'));
    expect(en.getRow(3).values).toContain(tEn('ui.parks.unallocated'));
    expect(en.getRow(4).values).toEqual([undefined, 'VAT', 223456.82, 91728.41, 131728.41, 223456.82, 0, 0]);
    const cells = en
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .map(String);
    expect(cells).toContain(tEn('ui.parks.roundingRule', { rule: tEn('domain.sharingRounding') }));
    expect(cells).toContain(tEn('ui.parks.termPeriod'));
    expect(cells).toContain(tEn('ui.parks.taxTotal'));
    expect(String(english.headers['content-disposition'])).toContain(encodeURIComponent(' statement 2024.xlsx'));
  });

  it("edits a park with the version it was read at and the create form's rules, audited with before and after", async () => {
    const c = await s.as(s.f.users.jilin);
    const read = (await c.get(`/api/parks/${ids.main}`)).json();
    const edited = await c.patch(`/api/parks/${ids.main}`, {
      version: read.version,
      areaKm2: '15.25',
      operator: '长春杭州合作园运营有限公司',
      focusIndustries: ['36'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: read.version + 1,
      areaKm2: '15.25',
      operator: '长春杭州合作园运营有限公司',
      focusIndustries: [{ code: '36' }],
      name: read.name,
    });
    // Saved by someone else since: 409, nothing changed.
    const stale = await c.patch(`/api/parks/${ids.main}`, { version: read.version, areaKm2: '1' });
    expect(stale.statusCode).toBe(409);
    expect((await c.get(`/api/parks/${ids.main}`)).json().areaKm2).toBe('15.25');

    const v = read.version + 1;
    const refused = async (body: Record<string, unknown>) =>
      (await c.patch(`/api/parks/${ids.main}`, { version: v, ...body }))
        .json()
        .error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(await refused({ hostRegionCode: '320100' })).toEqual(['hostRegionCode:region_outside_pairing']);
    expect(await refused({ mainParkId: ids.main })).toEqual(['mainParkId:unknown_main_park']);
    expect(await refused({ focusIndustries: ['99'] })).toEqual(['focusIndustries.0:unknown_industry']);
    const branchId = read.branches[0].id;
    expect(await refused({ name: read.branches[1].name })).toEqual(['name:duplicate_park']);
    const other = (await c.post('/api/parks', park({ name: '长春另一合作园' }))).json();
    // A main park with branches cannot become a branch; a branch cannot become a branch of a branch.
    expect(await refused({ type: 'branch', mainParkId: other.id })).toEqual(['mainParkId:main_park_has_branches']);
    const branch = (await c.get(`/api/parks/${branchId}`)).json();
    const moved = await c.patch(`/api/parks/${branchId}`, { version: branch.version, mainParkId: other.id });
    expect(moved.json().mainPark).toEqual({ id: other.id, name: '长春另一合作园' });
    expect(
      (await c.patch(`/api/parks/${other.id}`, { version: other.version, mainParkId: ids.main })).json().error
        .details[0],
    ).toMatchObject({ field: 'mainParkId', code: 'main_park_has_branches' });
    expect((await c.patch(`/api/parks/${ids.main}`, { version: v, unknown: 1 })).statusCode).toBe(400);

    const audit = await s.t.database.db.execute<{
      details: { before: Record<string, unknown>; after: Record<string, unknown> };
    }>(sql`SELECT details FROM audit_log WHERE action = 'park.update' AND object_id = ${ids.main!} ORDER BY id`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details.before).toMatchObject({
      areaKm2: '12.5000',
      operator: '长春杭州合作园开发有限公司',
      focusIndustries: ['36', '39'],
    });
    expect(audit.rows[0]!.details.after).toEqual({
      areaKm2: '15.25',
      operator: '长春杭州合作园运营有限公司',
      focusIndustries: ['36'],
    });
  });

  it('keeps parks of other pairings out of sight', async () => {
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/parks/${ids.main}`)).statusCode).toBe(404);
    expect((await liaoning.get(`/api/parks/${ids.main}/ledger`)).statusCode).toBe(404);
    expect(
      (await liaoning.get(`/api/parks/${ids.main}/agreements/${ids.agreement}/statement?year=2024`)).statusCode,
    ).toBe(404);
    expect(
      (
        await liaoning.post(`/api/parks/${ids.main}/ledger`, {
          enterpriseId: ids.enterprise,
          figure: 'vat',
          period: { year: 2024, month: 4 },
          amount: '1',
        })
      ).statusCode,
    ).toBe(404);
    expect((await liaoning.get('/api/parks')).json().items.map((p: { id: string }) => p.id)).not.toContain(ids.main);
    expect((await liaoning.patch(`/api/parks/${ids.main}`, { version: 2, name: '改名' })).statusCode).toBe(404);
  });
});
