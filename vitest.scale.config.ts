// Opt-in scale test (`npm run test:scale`): the laws corpus eight times over, ~3 minutes (each size run twice).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/temp-root.ts'],
    include: ['tests/scale/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
