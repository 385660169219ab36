// Opt-in real-browser tests (headless Debian chromium via playwright-core), run with
// `npm run test:browser`; the main suite excludes tests/browser/**.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
