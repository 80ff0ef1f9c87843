import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import { loadPairingScope, scopeTag, uuidArray } from './pairing-scope.repository.ts';

describe.each(testEngines())('a uuid[] parameter on %s', (engine) => {
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
