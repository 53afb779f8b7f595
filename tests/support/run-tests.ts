/**
 * `npm test`: runs `vitest run` with the given arguments and then prints the
 * closing line "N passed, N failed" as the very last line, in every case:
 * also when the global setup (the site build) throws or the config does not
 * load, when vitest prints its own errors after the reporters have finished,
 * or when the reporter never ran. Exits non-zero when anything failed.
 * The counting rules are in ./summary-line.ts.
 *
 * PRETEST_FAILURES: a comma-separated list of steps that failed before the
 * tests (`.ci/run` passes "npm run check", "npm run lint"); each is named
 * and counted as one failure in the closing line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';
import { finalCounts, summaryLine, type Counts } from './summary-line.ts';

const dir = mkdtempSync(join(tmpdir(), 'vitest-summary-'));
const file = join(dir, 'counts.json');

const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, VITEST_SUMMARY_FILE: file },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));

const exitCode = await new Promise<number>((done) => {
  child.on('error', (error) => {
    console.error(error);
    done(1);
  });
  child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
});

let counts: Counts | undefined;
try {
  counts = JSON.parse(readFileSync(file, 'utf8')) as Counts;
} catch {
  counts = undefined; // the reporter never finished: global setup or config failed
}
rmSync(dir, { recursive: true, force: true });

const pretest = (process.env.PRETEST_FAILURES ?? '').split(',').filter((step) => step.trim() !== '');
const final = finalCounts(counts, exitCode);
final.failed += pretest.length;
for (const step of pretest) process.stdout.write(`\nFailed before the tests: ${step}`);
process.stdout.write(`\n${summaryLine(final)}\n`);
process.exitCode = final.failed > 0 ? 1 : exitCode;
