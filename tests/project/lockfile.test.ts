/**
 * The lockfile pins every package by its hash: an entry without `integrity`
 * is installed unchecked on the platforms that fetch it. Other-platform
 * builds included: `npm run lockfile:complete` takes their hashes from the
 * registry's metadata.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths.ts';

type Entry = { version?: string; resolved?: string; integrity?: string; link?: boolean; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Entry> };
const entries = Object.entries(lock.packages).filter(([key]) => key !== '');

test('the lockfile lists packages (the check below has something to check)', () => {
  expect(entries.length).toBeGreaterThan(100);
});

test('every package-lock entry with a `resolved` address, and every registry package, has an integrity hash', () => {
  const missing = entries.filter(([, e]) => !e.link && (e.resolved !== undefined || e.version !== undefined) && !e.integrity).map(([key]) => key);
  expect(missing, 'run `npm run lockfile:complete`').toEqual([]);
});

test('every optional platform build a package names has its own entry (other platforms included)', () => {
  const has = (from: string, name: string): boolean => {
    let dir = from;
    for (;;) {
      if (`${dir ? `${dir}/` : ''}node_modules/${name}` in lock.packages) return true;
      if (!dir) return false;
      const at = dir.lastIndexOf('node_modules/');
      dir = at <= 0 ? '' : dir.slice(0, at - 1);
    }
  };
  const absent = entries.flatMap(([key, e]) => Object.keys(e.optionalDependencies ?? {}).filter((name) => !has(key, name)).map((name) => `${key} → ${name}`));
  expect(absent, 'run `npm run lockfile:complete`').toEqual([]);
});
