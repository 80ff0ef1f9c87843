import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../common/api/evaluations.ts';
import type { IndicatorList } from '../../../common/api/indicators.ts';
import { samplePdf } from '../../kernel/attachments/test-support/attachment-files.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildProject } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from '../indicators/indicators.service.ts';

const inDays = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())(
  'evaluation rounds on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    let ids: Record<string, string>;
    let round: RoundDetail;
    const signed = (title: string, amount: string, arrived: string | null) =>
      buildProject(
        systemContext(s.t.deps),
        {
          pairingId: s.f.pairings.jilinZhejiang,
          title,
          investor: '某投资公司',
          hostRegionCode: '220100',
          type: 'industrial',
          stage: 'signed',
          stageOn: '2024-03-01',
          signedAmount: amount,
        },
        arrived ? { reports: [{ figure: 'arrived', period: { year: 2024, month: 12 }, amount: arrived }] } : {},
      );
    const roundBody = () => ({
      year: 2024,
      title: '2024年度对口合作成效评估',
      selfDeadline: inDays(30),
      indicators: [
        { indicatorId: ids.arrival_rate, weight: 2, rule: { kind: 'linear' }, target: '50' },
        {
          indicatorId: ids.projects_signed,
          weight: 1,
          rule: { kind: 'thresholds', steps: [{ bound: 1, score: 100 }] },
        },
        { indicatorId: ids.meetings_held, weight: 1, rule: { kind: 'yes_no' } },
      ],
      gradeScale: [
        { grade: '好', min: 90 },
        { grade: '较好', min: 75 },
        { grade: '一般', min: 60 },
        { grade: '较差', min: 0 },
      ],
      pairingIds: [s.f.pairings.jilinZhejiang, s.f.pairings.liaoningJiangsu],
    });
    const subjectOf = (r: RoundDetail, pairingId: string) => r.subjects.find((x) => x.pairingId === pairingId)!;

    beforeAll(async () => {
      await seedBuiltInIndicators(systemContext(s.t.deps));
      await signed('长春汽车零部件项目', '100', '60');
      const c = await s.as(s.f.users.national);
      const lib: IndicatorList = (await c.get('/api/indicators')).json();
      ids = Object.fromEntries(lib.items.map((i) => [i.code, i.id]));
    });

    it('refuses a bad round by field and creates nothing', async () => {
      const c = await s.as(s.f.users.national);
      const body = roundBody();
      const res = await c.post('/api/evaluations', {
        ...body,
        selfDeadline: '2020-01-01',
        indicators: [body.indicators[0], body.indicators[0]],
        gradeScale: [{ grade: '好', min: 90 }],
        pairingIds: [s.f.pairings.jilinZhejiang, '00000000-0000-4000-8000-000000000000'],
      });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .error.details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['gradeScale', 'indicators.1.indicatorId', 'pairingIds.1', 'selfDeadline']);
      const n = await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM evaluation_rounds`);
      expect(n.rows[0]!.n).toBe(0);
      expect((await (await s.as(s.f.users.jilin)).post('/api/evaluations', body)).statusCode).toBe(403);
    });

    it('opens a round; each office sees its own subject and values, and writes its self-assessment', async () => {
      const national = await s.as(s.f.users.national);
      const res = await national.post('/api/evaluations', roundBody());
      expect(res.statusCode, res.body).toBe(201);
      round = res.json();
      expect(round).toMatchObject({ state: 'open', subjectCount: 2, submittedCount: 0 });

      const jilin = await s.as(s.f.users.jilin);
      const seen: RoundDetail = (await jilin.get(`/api/evaluations/${round.id}`)).json();
      expect(seen.subjects.map((x) => x.pairingId)).toEqual([s.f.pairings.jilinZhejiang]);
      expect(seen.ranking).toEqual([]);
      const own = subjectOf(seen, s.f.pairings.jilinZhejiang);
      expect(own.values[0]!.now).toMatchObject({ value: 60, target: '50', score: 100 });
      expect(own.can.selfAssess).toBe(true);

      const liaoning = await s.as(s.f.users.liaoning);
      const other = subjectOf(
        (await liaoning.get(`/api/evaluations/${round.id}`)).json(),
        s.f.pairings.liaoningJiangsu,
      );
      // Liaoning cannot write Jilin's self-assessment (404), nor may the national office write one (403).
      const url = `/api/evaluations/${round.id}/subjects/${own.id}/self-assessment`;
      expect((await liaoning.request('PUT', url, { version: own.version, narrative: '越权' })).statusCode).toBe(404);
      expect((await national.request('PUT', url, { version: own.version, narrative: 'x' })).statusCode).toBe(403);
      const written = await jilin.request('PUT', url, {
        version: own.version,
        narrative: '2024年，吉浙两省围绕重点任务扎实推进……',
        submit: true,
      });
      expect(written.statusCode, written.body).toBe(200);
      expect(written.json()).toMatchObject({ submittedCount: 1 });
      expect(subjectOf(written.json(), s.f.pairings.jilinZhejiang).submittedAt).not.toBeNull();
      // Evidence: the office keeps files with its self-assessment; the national office may not add any, another
      // region's office cannot reach them.
      const evidenceUrl = `/api/evaluation-subjects/${own.id}/attachments`;
      const kept = await uploadFile(s.t, jilin, evidenceUrl, '到位资金台账.pdf', samplePdf());
      expect(kept.statusCode, kept.body).toBe(201);
      expect((await uploadFile(s.t, national, evidenceUrl, 'x.pdf', samplePdf())).statusCode).toBe(403);
      expect((await uploadFile(s.t, liaoning, evidenceUrl, 'x.pdf', samplePdf())).statusCode).toBe(404);
      const withFile = subjectOf((await jilin.get(`/api/evaluations/${round.id}`)).json(), s.f.pairings.jilinZhejiang);
      expect(withFile.attachments.map((f: { fileName: string }) => f.fileName)).toEqual(['到位资金台账.pdf']);
      const file = await national.get(`${evidenceUrl}/${withFile.attachments[0]!.id}`);
      expect(file.statusCode).toBe(200);
      expect((await liaoning.get(`${evidenceUrl}/${withFile.attachments[0]!.id}`)).statusCode).toBe(404);
      // The Zhejiang office (the other side of the same pairing) reads the same subject.
      const zhejiang = await s.as(s.f.users.zhejiang);
      expect(
        subjectOf((await zhejiang.get(`/api/evaluations/${round.id}`)).json(), s.f.pairings.jilinZhejiang).narrative,
      ).toMatch(/^2024年/);
      expect(other.narrative).toBeNull();
      // A third region's office sees no round at all.
      const changchun = await s.as(s.f.users.changchun);
      expect((await changchun.get('/api/evaluations')).json().items.map((r: { id: string }) => r.id)).not.toContain(
        round.id,
      );
      expect((await changchun.get(`/api/evaluations/${round.id}`)).statusCode).toBe(404);
      expect((await liaoning.post(`/api/evaluations/${round.id}/close`, { version: round.version })).statusCode).toBe(
        403,
      );
    });

    it('closes (freezing and scoring), shows each office only its own result until published, adjusts with a reason', async () => {
      const national = await s.as(s.f.users.national);
      const closed = await national.post(`/api/evaluations/${round.id}/close`, { version: round.version });
      expect(closed.statusCode, closed.body).toBe(200);
      round = closed.json();
      // 吉浙: 到位率 60 % against 50 → 100 (weight 2); 1 project signed ≥ 1 → 100; no meeting → 0: (200 + 100 + 0) / 4.
      const jz = subjectOf(round, s.f.pairings.jilinZhejiang);
      expect(jz).toMatchObject({ score: 75, finalScore: 75, rank: 1, grade: '较好' });
      const lj = subjectOf(round, s.f.pairings.liaoningJiangsu);
      expect(lj).toMatchObject({ score: 0, rank: 2, grade: '较差' });
      expect(round.ranking.map((r) => r.pairingId)).toEqual([s.f.pairings.jilinZhejiang, s.f.pairings.liaoningJiangsu]);

      const liaoning = await s.as(s.f.users.liaoning);
      const before: RoundDetail = (await liaoning.get(`/api/evaluations/${round.id}`)).json();
      expect(before.subjects.map((x) => [x.pairingId, x.score])).toEqual([[s.f.pairings.liaoningJiangsu, 0]]);
      expect(before.ranking).toEqual([]);
      expect((await liaoning.post(`/api/evaluations/${round.id}/publish`, { version: round.version })).statusCode).toBe(
        403,
      );
      const late = await liaoning.request('PUT', `/api/evaluations/${round.id}/subjects/${lj.id}/self-assessment`, {
        version: lj.version,
        narrative: '补交',
      });
      expect(late.statusCode).toBe(400);
      expect(late.json().error.details[0].code).toBe('round_not_open');

      const noReason = await national.post(`/api/evaluations/${round.id}/subjects/${lj.id}/adjust`, {
        version: lj.version,
        score: 65,
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.details[0].field).toBe('reason');
      const adjusted = await national.post(`/api/evaluations/${round.id}/subjects/${lj.id}/adjust`, {
        version: lj.version,
        score: 65,
        reason: '考虑到当年新设关系，数据起步晚',
      });
      expect(adjusted.statusCode, adjusted.body).toBe(200);
      expect(subjectOf(adjusted.json(), s.f.pairings.liaoningJiangsu)).toMatchObject({
        score: 0,
        adjustedScore: 65,
        finalScore: 65,
        grade: '一般',
        rank: 2,
        adjustReason: '考虑到当年新设关系，数据起步晚',
      });
      round = adjusted.json();
    });

    it('publishes; a record changed afterwards moves "now" but never the published score', async () => {
      const national = await s.as(s.f.users.national);
      const published = await national.post(`/api/evaluations/${round.id}/publish`, { version: round.version });
      expect(published.statusCode, published.body).toBe(200);
      await signed('长春新签大项目', '300', null);
      const jilin = await s.as(s.f.users.jilin);
      const after: RoundDetail = (await jilin.get(`/api/evaluations/${round.id}`)).json();
      const jz = subjectOf(after, s.f.pairings.jilinZhejiang);
      expect(jz).toMatchObject({ score: 75, finalScore: 75, rank: 1, grade: '较好' });
      const rate = jz.values[0]!;
      expect(rate.frozen).toMatchObject({ value: 60, score: 100 });
      expect(rate.now.value).toBe(15);
      expect(rate.changed).toBe(true);
      // Published: every office sees the whole ranking, and the dashboards read it.
      expect(after.ranking.map((r) => [r.rank, r.grade])).toEqual([
        [1, '较好'],
        [2, '一般'],
      ]);
      const latest = (await jilin.get('/api/evaluations/latest-ranking')).json();
      expect(latest.round.id).toBe(round.id);
      expect(latest.ranking).toHaveLength(2);
    });

    it('praises one pairing and orders another to rectify, the order followed as a tracked item to closure', async () => {
      const national = await s.as(s.f.users.national);
      const jz = subjectOf(round, s.f.pairings.jilinZhejiang);
      const lj = subjectOf(round, s.f.pairings.liaoningJiangsu);
      const praised = await national.post(`/api/evaluations/${round.id}/subjects/${jz.id}/praise`, {
        text: '吉浙对口合作成效突出，予以通报表扬',
      });
      expect(praised.statusCode, praised.body).toBe(201);
      expect(subjectOf(praised.json(), s.f.pairings.jilinZhejiang).awards).toMatchObject([{ kind: 'praise' }]);
      const badOrder = await national.post(`/api/evaluations/${round.id}/subjects/${lj.id}/rectification`, {
        items: [
          {
            text: '整改',
            deadline: inDays(60),
            owners: [{ organisationId: s.f.users.jilin.organisationId, role: 'lead' }],
          },
        ],
      });
      expect(badOrder.statusCode).toBe(400);
      expect(badOrder.json().error.details[0]).toMatchObject({
        field: 'items.0.owners.0.organisationId',
        code: 'owner_not_in_pairing',
      });
      const ordered = await national.post(`/api/evaluations/${round.id}/subjects/${lj.id}/rectification`, {
        items: [
          {
            text: '针对项目签约落地偏少的问题，制定整改方案并按季度报送进展',
            deadline: inDays(90),
            owners: [{ organisationId: s.f.users.liaoning.organisationId, role: 'lead' }],
          },
        ],
      });
      expect(ordered.statusCode, ordered.body).toBe(201);
      const award = subjectOf(ordered.json(), s.f.pairings.liaoningJiangsu).awards[0]!;
      expect(award).toMatchObject({ kind: 'rectification' });

      const liaoning = await s.as(s.f.users.liaoning);
      const item = (await liaoning.get(`/api/tracked-items/${award.trackedItemId}`)).json();
      expect(item).toMatchObject({ source: 'rectification', sourceId: round.id, sourceTitle: round.title });
      const list = (await liaoning.get('/api/tracked-items?source=rectification')).json();
      expect(list.items.map((i: { id: string }) => i.id)).toContain(award.trackedItemId);
      // Jilin does not see Liaoning's order.
      expect((await (await s.as(s.f.users.jilin)).get(`/api/tracked-items/${award.trackedItemId}`)).statusCode).toBe(
        404,
      );
      const close = await liaoning.post(`/api/tracked-items/${award.trackedItemId}/close`, {
        version: item.version,
        note: '整改方案已印发',
        link: 'https://example.org/zhenggai.pdf',
      });
      expect(close.statusCode, close.body).toBe(200);
      expect(close.json().status).toBe('closed');
      const audit = await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE action LIKE 'evaluation.%' ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'evaluation.open',
        'evaluation.self.submit',
        'evaluation.close',
        'evaluation.adjust',
        'evaluation.publish',
        'evaluation.praise',
        'evaluation.rectification',
      ]);
    });
  },
  240_000,
);
