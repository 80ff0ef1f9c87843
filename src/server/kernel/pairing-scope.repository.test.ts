import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import { loadPairingScope, pairingCondition, scopeTag, uuidArray } from './pairing-scope.repository.ts';

describe.each(testEngines())('pairing scope SQL on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  const sent = async (ids: readonly string[]) =>
    (
      await database.db.execute<{ id: string }>(
        sql`SELECT x::text AS id FROM unnest(${uuidArray(ids)}) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      )
    ).rows.map((r) => r.id);

  it('sends every id, of a kept (frozen) list as of a list made for one statement, and the kept one again unchanged', async () => {
    const many = Array.from({ length: 220 }, () => randomUUID());
    const kept = Object.freeze([...many]);
    expect(await sent(many)).toEqual(many);
    expect(await sent(kept)).toEqual(many);
    expect(await sent(kept)).toEqual(many);
    // A list that is not frozen may change between statements: each statement sends what it holds then.
    const changing = [many[0]!];
    expect(await sent(changing)).toEqual([many[0]]);
    changing.push(many[1]!);
    expect(await sent(changing)).toEqual([many[0], many[1]]);
    expect(await sent(Object.freeze([]))).toEqual([]);
  });

  it("keeps a loaded scope's lists frozen, so each is written out once per session", async () => {
    const scope = await loadPairingScope(database.db, ['pairing_office'], '220000', randomUUID());
    expect(scope.all).toBe(false);
    if (!scope.all) expect(Object.isFrozen(scope.pairingIds)).toBe(true);
  });

  it('holds the pairing and every pairing below it, and the table is read by them, not joined to them', async () => {
    const { db } = database;
    const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(q)).rows[0]!;
    const { id: programme } = await one<{ id: string }>(
      sql`INSERT INTO programmes (name) VALUES ('下级结对测试方案') RETURNING id`,
    );
    const pairing = async (name: string, parent: string | null) =>
      (
        await one<{ id: string }>(sql`INSERT INTO pairings (programme_id, parent_id, name, level, sides_key)
          VALUES (${programme}, ${parent}, ${name}, 'city', ${name}) RETURNING id`)
      ).id;
    const top = await pairing('上', null);
    const child = await pairing('中', top);
    const grandchild = await pairing('下', child);
    const other = await pairing('别', null);
    const below = async (id: string) =>
      (
        await db.execute<{ id: string }>(
          sql`SELECT id FROM pairings p WHERE ${pairingCondition(sql`p.id`, id, true)} ORDER BY name`,
        )
      ).rows.map((r) => r.id);
    expect((await below(top)).sort()).toEqual([top, child, grandchild].sort());
    expect((await below(child)).sort()).toEqual([child, grandchild].sort());
    expect(await below(other)).toEqual([other]);

    // The tree is worked out first (an InitPlan; PostgreSQL 15 names it $n, PGlite's PostgreSQL 18 (InitPlan n).coln)
    // and the table is read by its pairing column against it; joined to the tree, every row in scope was read.
    const plan = (
      await db.execute<{ 'QUERY PLAN': string }>(
        sql`EXPLAIN SELECT id FROM projects WHERE ${pairingCondition(sql`projects.pairing_id`, top, true)}`,
      )
    ).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/\(pairing_id = ANY \((\$\d+|\(InitPlan \d+\)\.col\d+)\)\)/);
    expect(plan).not.toMatch(/Semi Join|Hash Join.*\n.*projects|hashed SubPlan/);
  });
});

describe('a scope’s tag', () => {
  it('is the same for scopes of the same pairings in any order, and differs for other pairings', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const one = { all: false as const, pairingIds: Object.freeze([a, b]) };
    const same = { all: false as const, pairingIds: Object.freeze([b, a]), programmeIds: Object.freeze([]) };
    const other = { all: false as const, pairingIds: Object.freeze([a, c]) };
    expect(scopeTag(one)).toBe(scopeTag(same));
    expect(scopeTag(one)).toBe(scopeTag(one));
    expect(scopeTag(other)).not.toBe(scopeTag(one));
    expect(scopeTag({ all: false, pairingIds: [] })).not.toBe(scopeTag(one));
    expect(scopeTag({ all: true })).toBe('all');
    expect(scopeTag({ all: false, pairingIds: [] })).not.toBe('all');
  });
});
