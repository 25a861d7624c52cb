import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The server's own suites need a cluster: `npm run test:postgres` (vitest.postgres.config.ts).
    exclude: ['test/unit/postgres/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
