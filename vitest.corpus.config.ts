// Opt-in, slow tests over the corpora in ../shared (run with `npm run test:corpus`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/temp-root.ts'],
    include: ['tests/corpus/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
