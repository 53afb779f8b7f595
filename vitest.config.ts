import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ once for the site and browser tests.
    globalSetup: ['tests/support/build-site.ts'],
    reporters: ['default', './tests/support/summary-line.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser tests each start Chromium; two cores do not gain from more.
    maxWorkers: 2,
  },
});
