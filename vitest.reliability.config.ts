import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability` : the long runs under test/reliability (200 kills, 10 000
 * payloads, 120 tampering cases, 2 × 300 concurrent writes; counts from RELIABILITY_* variables)
 * plus the unit-sized reliability tests that have no shorter form. Files run one after another
 * so the figures are measured without competing for the CPU; they are printed at the end.
 */
export default defineConfig({
  test: {
    include: [
      'test/reliability/**/*.test.ts',
      'test/unit/reliability/{storage,security,viewers,instances}.test.ts',
    ],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    globalSetup: ['test/reliability/support/global-setup.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
