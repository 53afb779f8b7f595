/**
 * Hostile and careless manifests (issues 8 and 25), one folder each under tests/fixtures/manifest/:
 * `sources.yaml` (a manifest as a contributor might write it) and either `expected-messages.txt` (every
 * problem the build fails with, exactly, one per line: entry, field and value) or `expected-warnings.txt`
 * (the manifest is accepted; the lines the build log prints for it, as src/pipeline/load-sources.ts does).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, SourceError, urlWarnings } from '../../src/pipeline/manifest.ts';
import { FIXTURES } from '../support/paths.ts';

const CASES = join(FIXTURES, 'manifest');
const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');

describe.each(cases)('%s', (name) => {
  const dir = join(CASES, name);
  const yaml = readFileSync(join(dir, 'sources.yaml'), 'utf8');
  const failing = existsSync(join(dir, 'expected-messages.txt'));

  test(failing ? 'fails with exactly the expected problems, each naming entry, field and value' : 'is accepted, with exactly the expected warnings', () => {
    let entries;
    let error: unknown;
    try {
      entries = parseManifest(yaml, 'seeds/sources.yaml');
    } catch (err) {
      error = err;
    }
    if (failing) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message.split('\n  ')).toEqual(lines(join(dir, 'expected-messages.txt')));
      return;
    }
    expect(error).toBeUndefined();
    const warnings = entries!.flatMap((e) => urlWarnings(e).map((w) => `seeds/${e.file}: manifest entry "${e.id}", ${w}`));
    expect(warnings).toEqual(lines(join(dir, 'expected-warnings.txt')));
  });
});
