import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('database connections per process', () => {
  it('shares the default among the processes of one machine, and takes a size given', () => {
    expect(loadConfig({}).poolSize).toBe(10);
    expect(loadConfig({ WORKERS: '2' }).poolSize).toBe(5);
    expect(loadConfig({ WORKERS: '3' }).poolSize).toBe(4);
    expect(loadConfig({ WORKERS: '16' }).poolSize).toBe(2);
    expect(loadConfig({ WORKERS: '2', DATABASE_POOL_SIZE: '8' }).poolSize).toBe(8);
  });

  it('refuses a size that is not a positive whole number, naming the setting', () => {
    for (const bad of ['0', '-3', '2.5', 'ten'])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
