import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // Each file builds and seeds its own database first: slow when the machine is busy.
    hookTimeout: 180_000,
    // Each file gets its own database; two at a time suits a two-core machine.
    maxWorkers: 2,
    expect: { requireAssertions: true },
  },
});
