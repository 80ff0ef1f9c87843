import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src/server/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // The browser journeys run after the rest, one file at a time: on 2 cores, a browser sharing them with API
    // tests misses clicks while animations run, and those timing failures say nothing about the product.
    projects: [
      {
        extends: true,
        test: {
          name: 'server-and-units',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/web/e2e/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/web/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
