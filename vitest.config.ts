import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/corpus/**', 'tests/browser/**', 'tests/scale/**'],
    testTimeout: 30_000,
  },
});
