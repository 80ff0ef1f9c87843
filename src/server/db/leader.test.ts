import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import { runWhileLeading } from './leader.ts';

// Several app processes only exist on PostgreSQL (PGlite's data directory is one process's).
describe.each(testEngines().filter((e) => e === 'postgres'))('work that runs in one process only, on %s', (engine) => {
  it('runs in exactly one of several processes, and in another once that one stops', async () => {
    const database = await openTestDatabase(engine);
    try {
      const url = (database.pool.options as { connectionString: string }).connectionString;
      const running = new Set<string>();
      const started: string[] = [];
      const make = (name: string) =>
        runWhileLeading(
          url,
          424242,
          () => {
            running.add(name);
            started.push(name);
            return { stop: async () => void running.delete(name) };
          },
          { retryMs: 50 },
        );
      const processes = [make('a'), make('b'), make('c')];
      await expect.poll(() => running.size, { timeout: 5_000 }).toBe(1);
      // Several rounds of trying later, still one.
      await new Promise((r) => setTimeout(r, 300));
      expect(running.size).toBe(1);
      expect(started).toHaveLength(1);
      const leader = started[0]!;
      const index = ['a', 'b', 'c'].indexOf(leader);
      await processes[index]!.stop();
      expect(running.has(leader)).toBe(false);
      await expect.poll(() => running.size, { timeout: 5_000 }).toBe(1);
      expect(started).toHaveLength(2);
      expect(started[1]).not.toBe(leader);
      for (const p of processes) await p.stop();
      expect(running.size).toBe(0);
    } finally {
      await database.close();
    }
  });
});
