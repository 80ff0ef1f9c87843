import { describe, it, expect } from 'vitest';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import { uploadFile } from '../../kernel/attachments/test-support/upload-file.ts';
import { samplePdf, samplePng } from '../../kernel/attachments/test-support/attachment-files.ts';
import { findProjectDetail } from './projects.repository.ts';
import { newProject } from './test-support/project-api.ts';

/*
 * A project page is read in one statement, its moves, reports and files as JSON subqueries (kernel/json-rows.ts);
 * a write reads the same project with its history in statements of their own, after locking the row. Both must give
 * the same rows, value for value: dates as strings, timestamps as Date, money as numeric text.
 */
describe.each(testEngines())('project detail in one statement on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('answers what the statement-per-list reading answers, for a project with moves, corrections and files', async () => {
    const c = await s.as(s.f.users.jilin);
    const created = await c.post('/api/projects', newProject(s.f.pairings.jilinZhejiang, { note: '一次读取' }));
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const version = async () => (await c.get(`/api/projects/${id}`)).json().version;
    expect((await c.post(`/api/projects/${id}/moves`, { to: 'signed', on: '2024-03-15' })).statusCode).toBe(200);
    for (const [figure, amount] of [
      ['signed', '50000.5'],
      ['arrived', '1200'],
      ['arrived', '1300.25'], // a correction of the same period: both stay
    ] as const) {
      const res = await c.post(`/api/projects/${id}/figures`, {
        version: await version(),
        figure,
        period: { year: 2024, month: 3 },
        amount,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await c.post(`/api/projects/${id}/moves`, { to: 'paused', on: '2024-06-01' })).statusCode).toBe(200);
    for (const [name, bytes] of [
      ['协议.pdf', samplePdf()],
      ['现场.png', samplePng()],
    ] as const)
      expect((await uploadFile(s.t, c, `/api/projects/${id}/attachments`, name, bytes)).statusCode).toBe(201);

    const { actor } = systemContext(s.t.deps);
    const db = s.t.database.db;
    const one = await findProjectDetail(db, actor, id);
    const locked = await db.transaction((tx) => findProjectDetail(tx, actor, id, { forUpdate: true }));
    expect(one).toBeDefined();
    expect(one!.moves.map((m) => `${m.fromStage}→${m.toStage}@${m.on}`)).toEqual([
      'null→planning@2024-01-05',
      'planning→signed@2024-03-15',
      'signed→paused@2024-06-01',
    ]);
    expect(one!.reports.map((r) => [r.figure, r.amountWan, r.periodMonth, r.overrideReason])).toEqual([
      ['planned', '52000.000000', 1, null],
      ['signed', '50000.500000', 3, null],
      ['arrived', '1200.000000', 3, null],
      ['arrived', '1300.250000', 3, null],
    ]);
    expect(one!.reports[0]!.recordedAt).toBeInstanceOf(Date);
    expect(one!.attachments.map((a) => [a.fileName, a.kind, typeof a.size])).toEqual([
      ['协议.pdf', 'pdf', 'number'],
      ['现场.png', 'png', 'number'],
    ]);
    // Value for value, types included (toStrictEqual tells a Date from its string and undefined from absent).
    expect(one).toStrictEqual(locked);

    // Out of the reader's scope: nothing, either way.
    const liaoning = { ...actor, scope: { all: false as const, pairingIds: [s.f.pairings.liaoningJiangsu] } };
    expect(await findProjectDetail(db, liaoning, id)).toBeUndefined();
    expect(await db.transaction((tx) => findProjectDetail(tx, liaoning, id, { forUpdate: true }))).toBeUndefined();
  });
});
