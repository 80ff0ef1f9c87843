import { describe, it, expect } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import type { Actor } from '../../http/context.ts';
import { loadPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { findPairing, findPairingDetail, listPairings, pairingOverviewRows } from './pairings.repository.ts';
import { pairingContacts, pairingOffices } from './pairings.tables.ts';

/*
 * A pairing's page and the dashboard's pairings are each read in one statement; the page's its offices, contacts and sub-pairs as JSON subqueries
 * (kernel/json-rows.ts). They must be the rows a plain select of each list gives, value for value, and the
 * sub-pairs only those the reader sees.
 */
describe.each(testEngines())('pairing page and overview in one statement on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('answers the offices, contacts and sub-pairs plain selects give, within the reader’s scope', async () => {
    const c = await s.as(s.f.users.national);
    const id = s.f.pairings.jilinZhejiang;
    const before = (await c.get(`/api/pairings/${id}`)).json();
    const edited = await c.patch(`/api/pairings/${id}`, {
      version: before.version,
      contacts: [
        { side: 'b', name: '王五', post: '副主任', phone: '0571-66666666', email: 'wang@example.cn' },
        { side: 'a', name: '张三', post: '处长', phone: '0431-88888888' },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const db = s.t.database.db;
    const national = systemContext(s.t.deps).actor;
    const changchun: Actor = {
      ...national,
      scope: await loadPairingScope(db, ['pairing_office'], '220100', national.userId),
    };
    const changchunPair = changchun.scope.all ? undefined : changchun.scope.pairingIds[0];
    expect(changchunPair).toBeDefined();
    // 长春市's office does not see 吉林—浙江 (its sides are the provinces), only the pairings of 长春.
    expect(await findPairingDetail(db, changchun, id)).toBeUndefined();
    for (const [actor, pairingId] of [
      [national, id],
      [changchun, changchunPair!],
    ] as const) {
      const found = await findPairingDetail(db, actor, pairingId);
      expect(found).toBeDefined();
      expect(found!.row).toMatchObject((await findPairing(db, actor, pairingId))!);
      expect(found!.offices).toStrictEqual(
        await db
          .select()
          .from(pairingOffices)
          .where(eq(pairingOffices.pairingId, pairingId))
          .orderBy(asc(pairingOffices.side), asc(pairingOffices.officeName)),
      );
      expect(found!.contacts).toStrictEqual(
        await db
          .select()
          .from(pairingContacts)
          .where(eq(pairingContacts.pairingId, pairingId))
          .orderBy(asc(pairingContacts.side), asc(pairingContacts.name)),
      );
      const page = { page: 1, pageSize: 100, sort: 'createdAt', order: 'asc' } as const;
      expect(found!.subPairs).toStrictEqual((await listPairings(db, actor, { parentId: pairingId }, page)).items);
    }
    const detail = await findPairingDetail(db, national, id);
    expect(detail!.contacts.map((x) => x.name)).toEqual(['张三', '王五']);
    expect(detail!.offices.length).toBeGreaterThanOrEqual(2);
    expect(detail!.subPairs).toHaveLength(11);
    for (const p of detail!.subPairs) {
      expect(p.sideA.length * p.sideB.length).toBeGreaterThan(0);
      expect(typeof p.subPairCount).toBe('number');
    }
  });

  it.runIf(engine === 'pglite')('plans the page statement once on PGlite: a generic plan at every run', async () => {
    const db = s.t.database.db;
    const national = systemContext(s.t.deps).actor;
    const ids = [s.f.pairings.jilinZhejiang, s.f.pairings.liaoningJiangsu];
    // The app names a statement the second time it sends it (db/routing.ts, StatementNames).
    for (let i = 0; i < 4; i++) expect(await findPairingDetail(db, national, ids[i % 2]!)).toBeDefined();
    const { rows } = await s.t.database.pool.query<{ generic_plans: string; custom_plans: string }>(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%left join "pairings" "parent"%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.custom_plans).toBe('0');
    expect(rows.reduce((n, r) => n + Number(r.generic_plans), 0)).toBeGreaterThanOrEqual(3);
  });

  it('counts the pairings by kind and lists the top ones as the whole list says, for the national and a city office', async () => {
    const db = s.t.database.db;
    const national = systemContext(s.t.deps).actor;
    const changchun: Actor = {
      ...national,
      scope: await loadPairingScope(db, ['pairing_office'], '220100', national.userId),
    };
    for (const actor of [national, changchun]) {
      const all = (await listPairings(db, actor, {}, { page: 1, pageSize: 10_000, sort: 'createdAt', order: 'asc' }))
        .items;
      const seen = new Set(all.map((p) => p.id));
      const { pairings, ...counts } = await pairingOverviewRows(db, actor);
      expect(pairings).toStrictEqual(all.filter((p) => p.parentId === null || !seen.has(p.parentId)));
      expect(counts).toEqual({
        top: all.filter((p) => p.parentId === null && p.status !== 'exploratory').length,
        sub: all.filter((p) => p.parentId !== null).length,
        exploratory: all.filter((p) => p.status === 'exploratory').length,
        regions: new Set(all.flatMap((p) => [...p.sideA, ...p.sideB])).size,
      });
      expect(pairings.length).toBeGreaterThan(0);
    }
  });
});
