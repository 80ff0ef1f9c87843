import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { parseLsn, ReplicaSet, type RequestWrites, RoutingPool, runInStore, StatementTurns } from './routing.ts';

describe('statement turns on one connection', () => {
  it('lets light statements queued behind a heavy one go first, without starving the heavy one', async () => {
    const turns = new StatementTurns();
    turns.learn('heavy', 300);
    turns.learn('light', 1);
    const order: string[] = [];
    let finish!: () => void;
    // Something is running; then a heavy statement and three light ones queue, in that order.
    const running = turns.run('light', () => new Promise<void>((r) => (finish = r)));
    const queued = ['heavy', 'light', 'light', 'light'].map((text, i) =>
      turns.run(text, async () => void order.push(`${text}${i}`)),
    );
    await new Promise((r) => setTimeout(r, 0));
    finish();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['light1', 'light2', 'light3', 'heavy0']);
    // It learns what statements take: the first light one held its turn over a timer's wait (however long that took
    // on a loaded machine), the others none, and the heavy one none either; so lighter than the heavy one, not below
    // a fixed number of milliseconds.
    expect(turns.expected('light')).not.toBe(1);
    expect(turns.expected('light')).toBeLessThan(turns.expected('heavy'));
    expect(turns.expected('never seen')).toBe(StatementTurns.UNKNOWN_MS);
  });

  it('gives the turn to a heavy statement once it has waited as long as it is expected to take', async () => {
    const turns = new StatementTurns();
    turns.learn('heavy', 20);
    const order: string[] = [];
    let finish!: () => void;
    const running = turns.run('x', () => new Promise<void>((r) => (finish = r)));
    const heavy = turns.run('heavy', async () => void order.push('heavy'));
    await new Promise((r) => setTimeout(r, 60));
    const light = turns.run('light', async () => void order.push('light'));
    finish();
    await Promise.all([running, heavy, light]);
    expect(order).toEqual(['heavy', 'light']);
  });

  it('sends as many statements at once as it has connections, the rest shortest first as each comes back', async () => {
    const turns = new StatementTurns(2);
    turns.learn('heavy', 300);
    turns.learn('light', 1);
    const out: string[] = [];
    const finish: (() => void)[] = [];
    const hold = (name: string) => () =>
      new Promise<void>((r) => {
        out.push(name);
        finish.push(r);
      });
    const first = ['light', 'light', 'heavy', 'light'].map((text, i) => turns.run(text, hold(`${text}${i}`)));
    await new Promise((r) => setTimeout(r, 0));
    // Two are out; the heavy one waits behind the light one queued after it.
    expect(out).toEqual(['light0', 'light1']);
    finish.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toEqual(['light0', 'light1', 'light3']);
    while (finish.length) {
      finish.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(first);
    expect(out).toEqual(['light0', 'light1', 'light3', 'heavy2']);
  });

  it('gives a write request the next free PostgreSQL connection before reads that waited longer', async () => {
    // A primary with one connection: each statement holds it until the test lets it go.
    const sent: string[] = [];
    const finish: (() => void)[] = [];
    const primary = {
      options: { max: 1 },
      on: () => primary,
      query: (text: string) =>
        new Promise<void>((r) => {
          sent.push(text);
          finish.push(r);
        }),
    } as unknown as pg.Pool;
    const pool = new RoutingPool(primary, null);
    const as = (primaryRequest: boolean, text: string) =>
      runInStore({ primary: primaryRequest, reads: null }, () => pool.query(text) as Promise<void>);
    const running = as(false, 'select 1');
    const reads = [as(false, 'select 2'), as(false, 'select 3')];
    // Work outside any request (start-up, jobs) reads from the primary too, and goes first as well.
    const writes = [as(true, 'update 4'), pool.query('select 5') as Promise<void>];
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['select 1']);
    for (let i = 0; i < 5; i++) {
      finish.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all([running, ...reads, ...writes]);
    expect(sent).toEqual(['select 1', 'update 4', 'select 5', 'select 2', 'select 3']);
  });

  it("counts replica reads among the process's statements at once, a write request's going first", async () => {
    // One slot in all: a replica read holds it like a primary statement, and a write request's statement queued
    // after further replica reads runs next.
    const sent: string[] = [];
    const finish: (() => void)[] = [];
    const hold = (where: string) => (text: string) =>
      new Promise<{ rows: [] }>((r) => {
        sent.push(`${where} ${text}`);
        finish.push(() => r({ rows: [] }));
      });
    const primary = { options: { max: 1 }, on: () => primary, query: hold('primary') } as unknown as pg.Pool;
    const replicas = new ReplicaSet(['postgres://replica.invalid/db'], 1);
    const replica = replicas.replicas[0]!;
    await replica.pool.end();
    await replica.watch.end();
    replica.pool = { on: () => replica.pool, query: hold('replica') } as unknown as pg.Pool;
    replica.healthy = true;
    const pool = new RoutingPool(primary, replicas);
    const as = (primaryRequest: boolean, text: string) =>
      runInStore({ primary: primaryRequest, reads: null }, () => pool.query(text) as Promise<void>);
    const running = as(false, 'select 1');
    const queued = [as(false, 'select 2'), as(true, 'update 3'), as(false, 'select 4')];
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['replica select 1']);
    for (let i = 0; i < 3; i++) {
      finish.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    finish.shift()!();
    await Promise.all([running, ...queued]);
    expect(sent).toEqual(['replica select 1', 'primary update 3', 'replica select 2', 'replica select 4']);
  });

  it('orders WAL positions', () => {
    expect(parseLsn('0/3000000') < parseLsn('0/3000060')).toBe(true);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn(null)).toBe(0n);
  });

  it("brings a write request's commit position back with its COMMIT, and says when it wrote outside a transaction", async () => {
    const sent: string[] = [];
    const answer = (first: string | { text: string }) => {
      const text = typeof first === 'string' ? first : first.text;
      sent.push(text);
      return Promise.resolve(
        text.startsWith('COMMIT;')
          ? [
              { command: 'COMMIT', rows: [] },
              { command: 'SELECT', rows: [{ lsn: '0/16B3D40' }] },
            ]
          : { command: text.split(' ')[0]!.toUpperCase(), rows: [] },
      );
    };
    const client = { query: answer, release: () => undefined };
    const primary = {
      options: { max: 2 },
      on: () => primary,
      query: answer,
      connect: async () => client,
      end: async () => undefined,
    } as unknown as pg.Pool;
    // Replicas to read from (none healthy here): only then is the position needed.
    const pool = new RoutingPool(primary, new ReplicaSet([], 1));
    const written: RequestWrites = { lsn: null, outsideTransaction: false };
    await runInStore({ primary: true, reads: null, written }, async () => {
      const tx = await pool.connect();
      await tx.query({ text: 'begin' }, []);
      await tx.query({ text: 'update projects set landmark = true' }, []);
      // Drizzle ignores what COMMIT answers, but gets the COMMIT's own answer all the same.
      expect(await tx.query({ text: 'commit' }, [])).toMatchObject({ command: 'COMMIT' });
      tx.release();
    });
    expect(sent).toEqual([
      'begin',
      'update projects set landmark = true',
      'COMMIT; SELECT pg_current_wal_lsn()::text AS lsn',
    ]);
    expect(written).toEqual({ lsn: '0/16B3D40', outsideTransaction: false });
    // A write outside a transaction has no position of its own: the request must read where the primary stands.
    await runInStore({ primary: true, reads: null, written }, () => pool.query('delete from sessions where id = $1'));
    expect(written.outsideTransaction).toBe(true);
    // Outside a request (start-up, jobs), a COMMIT is sent as it is.
    const tx = await pool.connect();
    await tx.query({ text: 'commit' }, []);
    expect(sent.at(-1)).toBe('commit');
    await pool.end();
  });
});
