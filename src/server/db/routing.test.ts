import { describe, expect, it } from 'vitest';
import { parseLsn, StatementTurns } from './routing.ts';

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
    // It learns what statements take.
    expect(turns.expected('light')).toBeLessThan(5);
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

  it('orders WAL positions', () => {
    expect(parseLsn('0/3000000') < parseLsn('0/3000060')).toBe(true);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn(null)).toBe(0n);
  });
});
