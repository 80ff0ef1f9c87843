import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import type { Database } from './database.ts';

describe.each(testEngines())('the database connection on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => database?.close());

  it('answers every concurrent query with its own rows while another request holds a transaction', async () => {
    const wrong: string[] = [];
    for (let round = 0; round < 40; round++) {
      await Promise.all(
        Array.from({ length: 12 }, async (_, k) => {
          const n = round * 12 + k;
          if (k === 0) {
            const got = await database.db.transaction(async (tx) => {
              const a = await tx.execute<{ v: number }>(sql`SELECT ${n}::int + 1000000 AS v`);
              const b = await tx.execute<{ v: number }>(sql`SELECT ${n}::int * -1 AS v`);
              return [Number(a.rows[0]?.v), Number(b.rows[0]?.v)];
            });
            if (got[0] !== n + 1_000_000 || got[1] !== -n) wrong.push(`tx ${n}: ${got}`);
          } else {
            // Two statement shapes with the same parameters, so a mix-up returns rows instead of failing.
            const r = await database.db.execute<{ v: number }>(
              k % 2 ? sql`SELECT ${n}::int AS v` : sql`SELECT ${n}::int * -1 AS v`,
            );
            const want = k % 2 ? n : -n;
            if (Number(r.rows[0]?.v) !== want) wrong.push(`${n}: got ${r.rows[0]?.v}, want ${want}`);
          }
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('prepares a statement sent again, per connection, and a new connection prepares its own', async () => {
    const text = `SELECT $1::int + 7 AS v /* prepared-statement test */`;
    const prepared = (c: { query: (q: string) => Promise<{ rows: { n: number }[] }> }) =>
      c
        .query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%prepared-statement test%'`)
        .then((r) => r.rows[0]!.n);
    for (let round = 0; round < 2; round++) {
      // A client of its own, closed after the round (release(true)): on PGlite both rounds reach the same backend.
      const client = await database.pool.connect();
      try {
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push((await client.query({ text, values: [i] })).rows[0].v);
        expect(answers).toEqual([7, 8, 9]);
        expect(await prepared(client)).toBeGreaterThanOrEqual(1);
      } finally {
        client.release(true);
      }
    }
  });
});
