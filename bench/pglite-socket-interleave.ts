/**
 * Reproducer, not part of `npm run bench`: `node --import tsx bench/pglite-socket-interleave.ts`.
 *
 * Through the app's own openDatabase() (PGlite in a worker behind pglite-socket, reached with a pg.Pool), runs rounds
 * of 16 parallel parameterised queries whose answers are known, first with no transaction open, then with one of
 * the 16 inside BEGIN … COMMIT. pglite-socket 0.2.17 queues protocol messages one by one and, while a connection is
 * in a transaction, serves only that connection, so other connections' Parse/Bind/Execute get split around it and
 * run against the wrong unnamed statement or portal. Prints how many answers were right, wrong and failed.
 */
import { openDatabase } from '../src/server/db/database.ts';
import { removeDir, tempDir } from './lib/duikou-server.ts';

const ROUNDS = 300;
const PARALLEL = 16;

const dir = tempDir('interleave');
const database = await openDatabase({ dataDir: dir });
try {
  for (const withTransaction of [false, true]) {
    const tally = { right: 0, wrong: 0, failed: 0 };
    const examples: string[] = [];
    const check = (label: string, got: unknown, want: number) => {
      if (got === want) tally.right++;
      else {
        tally.wrong++;
        if (examples.length < 3) examples.push(`${label}: expected ${want}, got ${JSON.stringify(got)}`);
      }
    };
    const plain = async (i: number) => {
      try {
        // Two statement shapes with the same parameter count, so a mix-up returns rows instead of failing.
        if (i % 2) check(`SELECT ${i}`, (await database.pool.query('SELECT $1::int AS v', [i])).rows[0]?.v, i);
        else check(`SELECT -${i}`, (await database.pool.query('SELECT $1::int * -1 AS v', [i])).rows[0]?.v, -i);
      } catch {
        tally.failed++;
      }
    };
    const inTransaction = async (i: number) => {
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        check(`tx ${i}`, (await client.query('SELECT $1::int + 1000000 AS v', [i])).rows[0]?.v, i + 1_000_000);
        await client.query('COMMIT');
      } catch {
        tally.failed++;
        await client.query('ROLLBACK').catch(() => {});
      } finally {
        client.release();
      }
    };
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: PARALLEL }, (_, k) =>
          withTransaction && k === 0 ? inTransaction(round) : plain(round * PARALLEL + k),
        ),
      );
    }
    console.log(
      `${withTransaction ? 'one of 16 in a transaction' : 'no transaction        '}: ${JSON.stringify(tally)}${examples.length ? `\n  e.g. ${examples.join('\n  e.g. ')}` : ''}`,
    );
  }
} finally {
  await database.close();
  removeDir(dir);
}
