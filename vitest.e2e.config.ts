import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium and Firefox, one file at a time (two cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
