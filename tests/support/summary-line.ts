/**
 * The plain closing line CI reads: "N passed, N failed" (", N skipped" when
 * any test was deliberately skipped).
 *
 * What counts as failed, so that a run that did not do its work cannot look
 * green:
 * - a failed test;
 * - a test that was meant to run but did not (its mode is "run", yet it ended
 *   "skipped": a `beforeAll` failed, e.g. Chromium could not start, or the
 *   test called `ctx.skip()` at run time);
 * - a test file that failed to load, or failed outside its tests (a hook)
 *   while none of its tests failed: one failure for the file;
 * - every unhandled error;
 * - a run that failed without any of the above (vitest's exit code is not 0:
 *   a global setup, i.e. the site build, threw; the config did not load):
 *   one failure, added by tests/support/run-tests.ts;
 * - a run in which nothing passed or failed: one failure.
 * Only tests declared `test.skip`/`test.todo`/`test.skipIf(true)` (mode
 * "skip" or "todo") count as skipped.
 *
 * The reporter writes the counts to the JSON file named by
 * VITEST_SUMMARY_FILE when run-tests.ts sets it (the wrapper prints the line
 * last, after anything vitest prints, even when the reporter never runs);
 * otherwise (`npx vitest run`) the reporter prints the line itself.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts a finished run (see the rules above, except the exit-code one). */
export function countRun(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): Counts {
  const counts: Counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const module of modules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'skipped' && (test.options.mode === 'skip' || test.options.mode === 'todo')) counts.skipped++;
      else failedHere++; // failed, pending, or meant to run but skipped
    }
    if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
    counts.failed += failedHere;
  }
  return counts;
}

/** Applies the last two rules: a failed exit code or an empty run is at least one failure. */
export function finalCounts(counts: Counts | undefined, exitCode: number): Counts {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  const failed = c.failed === 0 && (exitCode !== 0 || c.passed === 0) ? 1 : c.failed;
  return { ...c, failed };
}

export function summaryLine({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export default class SummaryLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = countRun(modules, unhandledErrors);
    const file = process.env.VITEST_SUMMARY_FILE;
    if (file) writeFileSync(file, JSON.stringify(counts));
    else process.stdout.write(`\n${summaryLine(finalCounts(counts, 0))}\n`);
  }
}
