import { defineConfig } from 'vitest/config';
import ProjectSequencer from './tests/support/sequencer.ts';

/**
 * Four projects, so that a run needs only the builds its tests read:
 * - unit: every test file outside tests/site/ and tests/browser/ (the pipeline,
 *   libraries, integrations, server, docs, test support), in process; no build
 *   at all (`npm run test:unit`).
 * - site: reads the built dist/ and dist-base/.
 * - browser: Chromium against the built dist/ and dist-base/.
 * - fixtures: tests that build (or serve) their own throwaway copies of the
 *   site; they need no dist/ either.
 * site and browser share one global setup, tests/support/build-site.ts, which
 * builds dist/ and dist-base/ once, in the background: the unit and fixture
 * tests run meanwhile, and each site or browser test file waits for the build
 * (tests/support/wait-for-site.ts) before it loads.
 */
const FIXTURES = ['tests/site/fixture-builds*.test.ts', 'tests/site/dev-server.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-line.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser tests each start Chromium and fixture tests each run an Astro build; two cores do not gain from more.
    maxWorkers: 2,
    // Fixture builds first (no dist/ needed), then browser and site, then the short unit files: tests/support/sequencer.ts.
    sequence: { sequencer: ProjectSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Every test file outside tests/site and tests/browser: a new folder of tests runs without being listed here.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**', 'tests/browser/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/*.test.ts'],
          exclude: FIXTURES,
          globalSetup: ['tests/support/build-site.ts'],
          setupFiles: ['tests/support/wait-for-site.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/build-site.ts'],
          setupFiles: ['tests/support/wait-for-site.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'fixtures',
          include: FIXTURES,
        },
      },
    ],
  },
});
