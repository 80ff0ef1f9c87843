import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import { fillDemo } from '../../seed/demo-data.ts';

/** project_rollups as the projects give it now, and as the triggers kept it: they must be equal. */
const DIFFERENCE = sql`
  WITH want AS (
    SELECT d.dim, p.pairing_id, p.is_demo, d.key, p.furthest_stage, count(*)::int AS n, sum(p.landmark::int)::int AS lm,
      sum(p.signed_wan) AS s, sum(p.planned_wan) AS pl, sum(p.arrived_wan) AS a, sum(p.completed_wan) AS c
    FROM projects p CROSS JOIN LATERAL (VALUES ('side', p.side), ('industry', coalesce(p.industry_section, '')),
      ('year', coalesce(extract(year FROM p.signed_on)::int::text, '')), ('stage', p.stage)) d(dim, key)
    GROUP BY 1, 2, 3, 4, 5),
  have AS (
    SELECT dim, pairing_id, is_demo, key, furthest_stage, projects, landmark, signed_wan, planned_wan, arrived_wan, completed_wan
    FROM project_rollups
    WHERE projects <> 0 OR landmark <> 0 OR signed_wan <> 0 OR planned_wan <> 0 OR arrived_wan <> 0 OR completed_wan <> 0)
  SELECT (SELECT count(*)::int FROM (SELECT * FROM want EXCEPT SELECT * FROM have) x) AS missing,
         (SELECT count(*)::int FROM (SELECT * FROM have EXCEPT SELECT * FROM want) y) AS extra,
         (SELECT count(*)::int FROM want) AS groups`;

describe.each(testEngines())('project roll-ups on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('follow every insert, update and delete of projects, and answer the stats and totals as the projects do', async () => {
    const db = s.t.database.db;
    const difference = async () =>
      (await db.execute<{ missing: number; extra: number; groups: number }>(DIFFERENCE)).rows[0]!;
    // Inserts (the demo data goes through the services: creates, stage moves and money reports).
    await fillDemo(systemContext(s.t.deps), s.f.pairings.jilinZhejiang);
    const filled = await difference();
    expect(filled.groups).toBeGreaterThan(10);
    expect(filled).toMatchObject({ missing: 0, extra: 0 });

    // Updates of what the roll-ups hold, several rows in one statement, and of what they do not.
    await db.execute(sql`UPDATE projects SET landmark = NOT landmark, signed_wan = signed_wan + 1.5,
      stage = CASE WHEN stage = 'planning' THEN 'signed' ELSE stage END, industry_section = 'C'
      WHERE id IN (SELECT id FROM projects ORDER BY id LIMIT 5)`);
    await db.execute(sql`UPDATE projects SET note = 'n', updated_at = now()`);
    await db.execute(
      sql`UPDATE projects SET pairing_id = ${s.f.pairings.jilinWenzhou}, signed_on = '2019-05-01' WHERE id = (SELECT min(id::text)::uuid FROM projects)`,
    );
    expect(await difference()).toMatchObject({ missing: 0, extra: 0 });
    // A transaction that rolls back leaves them as they were.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE projects SET planned_wan = planned_wan + 100`);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await difference()).toMatchObject({ missing: 0, extra: 0 });

    // The ledger's totals from the roll-ups equal the projects' sums, for each filter they hold and for one they do not.
    const c = await s.as(s.f.users.national);
    const sums = async (where: ReturnType<typeof sql>) =>
      (
        await db.execute<{ total: number; signed: string }>(
          sql`SELECT count(*)::int AS total, coalesce(sum(signed_wan), 0)::text AS signed FROM projects p WHERE ${where}`,
        )
      ).rows[0]!;
    for (const [query, where] of [
      ['', sql`true`],
      ['&stage=started', sql`p.stage = 'started'`],
      ['&side=b', sql`p.side = 'b'`],
      ['&industrySection=C', sql`p.industry_section = 'C'`],
      ['&year=2019', sql`p.signed_on >= '2019-01-01' AND p.signed_on < '2020-01-01'`],
      [`&pairingId=${s.f.pairings.jilinZhejiang}&withSubPairs=true&demo=true`, sql`p.is_demo`],
      ['&stage=started&side=a', sql`p.stage = 'started' AND p.side = 'a'`],
    ] as const) {
      const page = (await c.get(`/api/projects?pageSize=1${query}`)).json();
      const want = await sums(where);
      expect(page.total, query).toBe(want.total);
      expect(Number(page.totals.signed), query).toBeCloseTo(Number(want.signed), 6);
    }

    // Deletes (a pairing's demo data cleared).
    await db.execute(sql`DELETE FROM projects WHERE pairing_id = ${s.f.pairings.jilinWenzhou}`);
    expect(await difference()).toMatchObject({ missing: 0, extra: 0 });
  });
});
