import { defineConfig } from 'vitest/config';

/** Browser tests against a running system (WEB_URL); not part of `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxConcurrency: 1,
  },
});
