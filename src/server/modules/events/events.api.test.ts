import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

describe.each(testEngines())('events on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const event = (pairingId: string) => ({
    pairingId,
    kind: 'promotion',
    title: '2024浙商吉林行',
    startsOn: '2024-06-18',
    endsOn: '2024-06-20',
    place: '长春',
    organisersA: '吉林省发展改革委',
    organisersB: '浙江省发展改革委',
    enterpriseCount: 56,
    enterprises: ['浙江甲智能装备有限公司', '浙江乙新材料有限公司'],
  });

  it('signs an agreement at an event and finds the project created in stage 签约, linked back', async () => {
    const c = await s.as(s.f.users.jilin);
    const created = await c.post('/api/events', event(s.f.pairings.jilinZhejiang));
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json();
    const signed = await c.post(`/api/events/${ev.id}/agreements`, {
      title: '长春智能装备产业园项目',
      parties: ['浙江甲智能装备有限公司', '长春市人民政府'],
      signedOn: '2024-06-19',
      amount: '150000',
      plannedInvestment: 160000,
      createProject: true,
      project: { hostRegionCode: '220100', type: 'industrial', industryDivision: '35' },
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const detail = signed.json();
    expect(detail).toMatchObject({ agreementCount: 1, agreedAmount: '150000' });
    const projectId = detail.agreements[0].projectId;
    expect(projectId).toBeTruthy();

    const p = (await c.get(`/api/projects/${projectId}`)).json();
    expect(p).toMatchObject({
      stage: 'signed',
      signedOn: '2024-06-19',
      title: '长春智能装备产业园项目',
      investor: '浙江甲智能装备有限公司',
      event: { id: ev.id, title: '2024浙商吉林行' },
      eventAgreementId: detail.agreements[0].id,
      figures: { signed: '150000', planned: '160000', arrived: '0', completed: '0' },
    });
    const byEvent = (await c.get(`/api/projects?eventId=${ev.id}`)).json();
    expect(byEvent.items.map((x: { id: string }) => x.id)).toEqual([projectId]);
    // An agreement already turned into a project cannot become a second one.
    const again = await c.post(`/api/events/${ev.id}/agreements/${detail.agreements[0].id}/project`, {
      hostRegionCode: '220100',
      type: 'industrial',
    });
    expect(again.json().error.details[0]).toMatchObject({ field: 'agreementId', code: 'agreement_has_project' });
  });

  it('records an agreement without a project, then turns it into one in one step', async () => {
    const c = await s.as(s.f.users.jilin);
    const ev = (
      await c.post('/api/events', { ...event(s.f.pairings.jilinZhejiang), title: '中国—东北亚博览会', kind: 'expo' })
    ).json();
    const d = (
      await c.post(`/api/events/${ev.id}/agreements`, {
        title: '吉林市碳纤维项目',
        parties: ['浙江乙新材料有限公司', '吉林市人民政府'],
        signedOn: '2024-06-18',
        amount: 8000,
      })
    ).json();
    expect(d.agreements[0].projectId).toBeNull();
    const res = await c.post(`/api/events/${ev.id}/agreements/${d.agreements[0].id}/project`, {
      hostRegionCode: '220200',
      type: 'industrial',
      industryDivision: '28',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().agreements[0].projectId).toBeTruthy();
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const count = async () =>
      Number(
        (
          await s.t.database.db.execute<{ n: number }>(
            sql`SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM event_agreements) + (SELECT count(*) FROM projects) AS n`,
          )
        ).rows[0]!.n,
      );
    const ev = (await c.post('/api/events', event(s.f.pairings.jilinZhejiang))).json();
    const before = await count();
    const bad = await c.post('/api/events', {
      ...event(s.f.pairings.jilinZhejiang),
      endsOn: '2024-06-01',
      enterpriseCount: 1,
    });
    expect(bad.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'endsOn:date_order',
      'enterpriseCount:enterprise_count_below_list',
    ]);
    const agreement = { title: 'x', parties: ['a', 'b'], signedOn: '2024-06-19', amount: '10' };
    const cases: [unknown, string, string][] = [
      [{ ...agreement, amount: '-10' }, 'amount', 'negative_amount'],
      [{ ...agreement, signedOn: '2024-07-01' }, 'signedOn', 'signed_outside_event'],
      [{ ...agreement, parties: ['a'] }, 'parties', 'parties_min'],
      [{ ...agreement, createProject: true }, 'project', 'required'],
      [
        { ...agreement, createProject: true, project: { hostRegionCode: '320100', type: 'industrial' } },
        'project.hostRegionCode',
        'region_outside_pairing',
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await c.post(`/api/events/${ev.id}/agreements`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().error.details.find((d: { field: string }) => d.field === field),
        JSON.stringify(res.json().error.details),
      ).toMatchObject({ code });
    }
    expect(await count()).toBe(before);
  });

  it('edits an event with the version it was read at: dates in order and still holding its agreements; audited', async () => {
    const c = await s.as(s.f.users.jilin);
    const ev = (await c.post('/api/events', event(s.f.pairings.jilinZhejiang))).json();
    await c.post(`/api/events/${ev.id}/agreements`, {
      title: '签约项目',
      parties: ['甲', '乙'],
      signedOn: '2024-06-19',
      amount: '100',
    });
    const edited = await c.patch(`/api/events/${ev.id}`, {
      version: ev.version,
      title: '2024浙商吉林行（长春站）',
      endsOn: '2024-06-21',
      enterpriseCount: 60,
      organisersB: null,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: ev.version + 1,
      title: '2024浙商吉林行（长春站）',
      endsOn: '2024-06-21',
      enterpriseCount: 60,
      organisersB: null,
      agreementCount: 1,
    });
    expect((await c.patch(`/api/events/${ev.id}`, { version: ev.version, title: 'x' })).statusCode).toBe(409);

    const v = ev.version + 1;
    const refused = async (body: Record<string, unknown>) =>
      (await c.patch(`/api/events/${ev.id}`, { version: v, ...body }))
        .json()
        .error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(await refused({ endsOn: '2024-06-01' })).toEqual(['endsOn:date_order', 'endsOn:agreements_outside_event']);
    expect(await refused({ startsOn: '2024-06-20' })).toEqual(['startsOn:agreements_outside_event']);
    expect(await refused({ enterpriseCount: 1 })).toEqual(['enterpriseCount:enterprise_count_below_list']);
    expect((await c.get(`/api/events/${ev.id}`)).json()).toMatchObject({
      version: v,
      startsOn: '2024-06-18',
      endsOn: '2024-06-21',
    });

    const audit = await s.t.database.db.execute<{
      details: { before: Record<string, unknown>; after: Record<string, unknown> };
    }>(sql`SELECT details FROM audit_log WHERE action = 'event.update' AND object_id = ${ev.id} ORDER BY id`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details).toMatchObject({
      before: { title: '2024浙商吉林行', endsOn: '2024-06-20', organisersB: '浙江省发展改革委' },
      after: { title: '2024浙商吉林行（长春站）', endsOn: '2024-06-21', organisersB: null },
    });
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.patch(`/api/events/${ev.id}`, { version: v, title: 'x' })).statusCode).toBe(404);
  });

  it('keeps another pairing’s events out of sight', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const ev = (await jilin.post('/api/events', event(s.f.pairings.jilinZhejiang))).json();
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/events/${ev.id}`)).statusCode).toBe(404);
    expect(
      (
        await liaoning.post(`/api/events/${ev.id}/agreements`, {
          title: 'x',
          parties: ['a', 'b'],
          signedOn: '2024-06-19',
          amount: '1',
        })
      ).statusCode,
    ).toBe(404);
    expect((await liaoning.get('/api/events')).json().items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
    expect(
      (await liaoning.post('/api/events', event(s.f.pairings.jilinZhejiang))).json().error.details[0],
    ).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
  });
});
