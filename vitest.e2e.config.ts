import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium and Firefox, one file at a time (two cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll waits 1 s by default: too little on two shared cores when the callback does not wait
    // by itself (a locator's count(), a value read from the page). Waiting longer costs nothing when
    // the condition holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
