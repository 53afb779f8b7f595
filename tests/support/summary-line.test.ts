/**
 * The closing line of `npm test` (run-tests.ts + summary-line.ts), run end to
 * end on a small vitest project with known outcomes
 * (tests/fixtures/summary-line/).
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, ROOT } from './paths.ts';
import { finalCounts, summaryLine } from './summary-line.ts';

function run(env: Record<string, string>): { status: number | null; lines: string[] } {
  // A clean environment: none of this run's own vitest variables.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'PRETEST_FAILURES'));
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'tests/support/run-tests.ts'), '--config', join(FIXTURES, 'summary-line/vitest.config.ts')],
    { cwd: ROOT, encoding: 'utf8', env: { ...base, NO_COLOR: '1', ...env } },
  );
  return { status: result.status, lines: result.stdout.trimEnd().split('\n') };
}

describe('npm test closing line', () => {
  test('counts failed tests, tests meant to run that did not, and a file that failed to load; deliberate skips stay skipped', () => {
    const { status, lines } = run({});
    // passes ×2; fails, skipped at run time, two behind a failing beforeAll,
    // a file that does not load; skip, todo, skip.
    expect(lines.at(-1)).toBe('2 passed, 5 failed, 3 skipped');
    expect(status).toBe(1);
  });

  test('a green run exits 0', () => {
    const { status, lines } = run({ SUMMARY_CASES: 'green.case.ts' });
    expect(lines.at(-1)).toBe('1 passed, 0 failed, 1 skipped');
    expect(status).toBe(0);
  });

  test('a failed global setup is one failure, printed as the last line', () => {
    const { status, lines } = run({ SUMMARY_FAIL_SETUP: '1' });
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
    expect(status).toBe(1);
  });

  test('a step that failed before the tests is named and counted', () => {
    const { status, lines } = run({ SUMMARY_CASES: 'green.case.ts', PRETEST_FAILURES: 'npm run lint' });
    expect(lines.slice(-2)).toEqual(['Failed before the tests: npm run lint', '1 passed, 1 failed, 1 skipped']);
    expect(status).toBe(1);
  });
});

test('a run that failed, or ran nothing, never reads as green', () => {
  expect(finalCounts(undefined, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  expect(finalCounts({ passed: 0, failed: 0, skipped: 4 }, 0)).toEqual({ passed: 0, failed: 1, skipped: 4 });
  expect(finalCounts({ passed: 3, failed: 0, skipped: 0 }, 1)).toEqual({ passed: 3, failed: 1, skipped: 0 });
  expect(finalCounts({ passed: 3, failed: 2, skipped: 0 }, 1)).toEqual({ passed: 3, failed: 2, skipped: 0 });
  expect(summaryLine({ passed: 3, failed: 0, skipped: 0 })).toBe('3 passed, 0 failed');
});
