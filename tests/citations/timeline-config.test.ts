/**
 * content/timeline.yaml on fixture folders against the real seeds:
 * tests/fixtures/timeline/<case>/timeline.yaml, with expected-messages.txt
 * (every problem, exactly as the build prints it, in order; empty when fine).
 * And the real file: it passes, and each curated event is on the timeline.
 */
import { expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTimeline, TIMELINE_RULES } from '../../src/checks/timeline-check.ts';
import { citationVerifier } from '../../src/checks/verify-citation.ts';
import { sourcesFor } from '../../src/build/source-index.ts';
import { readCuratedTimeline } from '../../src/integrations/timeline-check.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';
import { seedEntries } from '../support/corpus.ts';

const CASES = join(FIXTURES, 'timeline');
const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const readLines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l !== '') : []);
const verify = citationVerifier({ seedsDir: SEEDS, peopleFile: join(ROOT, 'content', 'people.yaml'), root: ROOT });
const check = (name: string) => checkTimeline(readFileSync(join(CASES, name, 'timeline.yaml'), 'utf8'), 'timeline.yaml', { sources: sourcesFor(SEEDS), verify });

test.each(cases)('%s: reports exactly the expected problems, with file:line:column and rule id', (name) => {
  // "{seed-ids}" stands for the real seeds' ids, in manifest order (any corpus).
  const ids = seedEntries().map((e) => e.id).join(', ');
  expect(check(name).problems).toEqual(readLines(join(CASES, name, 'expected-messages.txt')).map((l) => l.replaceAll('{seed-ids}', ids)));
});

test('every timeline rule id is exercised by some fixture, and citation rules are reported as for theses', () => {
  const seen = new Set(cases.flatMap((name) => readLines(join(CASES, name, 'expected-messages.txt')).map((l) => / {2}([a-z-]+): /.exec(l)?.[1])));
  expect(TIMELINE_RULES.filter((rule) => !seen.has(rule))).toEqual([]);
  for (const rule of ['unknown-source', 'not-found', 'partial-word', 'derivative-cited', 'attribution-wrong']) expect(seen).toContain(rule);
});

test('the real content/timeline.yaml passes; a citation with its own date keeps it', () => {
  const { events, problems } = readCuratedTimeline(ROOT);
  expect(problems).toEqual([]);
  expect(events.length).toBeGreaterThanOrEqual(5);
  const power = events.find((e) => e.title === 'Putin comes to power')!;
  expect(power.cites.map((c) => c.date)).toEqual(['2000', '1999-12-31']);
});
