import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/temp-root.ts'],
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/corpus/**', 'tests/browser/**', 'tests/scale/**'],
    testTimeout: 30_000,
    // A CLI run of the tests starts workers whenever --jobs (or the cores) allow, however small
    // the batch, and they get the first jobs (bin/lib/batch.ts, TEST_WORKERS): the runs with
    // -j 2 or more test workers.
    env: { POLICY_PARSE_TEST_WORKERS: '1' },
  },
});
