import { defineConfig } from 'vitest/config'

// Two workers on this 2-core machine; every test file gets its own migrated database (test/harness.ts).
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/demo-rp/src/**/*.test.ts',
      'bench/**/*.test.ts',
      'apps/web/e2e/**/*.test.ts',
      // The web app's pure helpers (no DOM): run in Node like the packages.
      'apps/web/src/**/*.test.ts',
    ],
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // Browser tests poll the page; on a loaded 2-core machine a render can take seconds, not the default 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
  },
})
