import { defineConfig } from 'vitest/config';

/**
 * The suites that must hold on both backends, run against PostgreSQL: one throwaway
 * cluster on loopback for the run (test/support/postgres/global-setup.ts), each test on its own
 * database copied from a migrated template. `DESK_TEST_BACKEND=postgres` tells the harness and
 * the register fixtures which backend to open. Extra suites: `npx vitest run --config
 * vitest.postgres.config.ts test/unit/register`.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/postgres/**/*.test.ts',
      'test/unit/register/**/*.test.ts',
      'test/unit/rules/**/*.test.ts',
      'test/unit/documents/**/*.test.ts',
      'test/unit/app/**/*.test.ts',
      'test/unit/reliability/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    globalSetup: ['test/support/postgres/global-setup.ts'],
    env: { DESK_TEST_BACKEND: 'postgres' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
