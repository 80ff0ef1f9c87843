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
          // The files follow each other in one process that keeps the server's modules once imported, instead of a
          // process per file importing all of them again (15-31 s each at load 10-14). Each journey still starts its
          // own server on its own data directory and its own Chromium (harness.ts), and restores what it mocks.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
