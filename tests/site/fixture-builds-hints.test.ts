/**
 * Errors a reader of the terminal can act on (issue 26): a build that fails on
 * a bad citation or a bad manifest entry prints Astro's `Hint:` line, with
 * what to do and where the broken rule is documented (docs/<page>.md#<rule-id>).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { buildFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { NEXT_ENTRY } from '../support/corpus.ts';

const made: FixtureProject[] = [];
afterAll(() => made.forEach((p) => p.remove()));

/** The lines of the output from the `Hint:` line on, up to the next heading of Astro's error report. */
function hintOf(output: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const at = plain.search(/^ {2}Hint:$/m);
  if (at === -1) return '';
  const after = plain.slice(at).split('\n').slice(1);
  const end = after.findIndex((l) => !/^ {4}\S/.test(l));
  return after.slice(0, end === -1 ? undefined : end).join('\n');
}

describe('a failing build says what to do, and where the rule is documented', () => {
  test('a citation of an unknown source', () => {
    const body = 'Trenin saw Ukraine as the last stand.<Cite source="trenin-2012" quote="For him, Ukraine is the last stand." />';
    const thesis = `---\ntitle: "Hints"\nquestion: "Why hints?"\nteaser: "About hints."\norder: 1\nrelated: []\n---\n\n## In brief\n\n${body}\n`;
    const project = buildFixtureProject({ theses: { 'hints.mdx': thesis } });
    made.push(project);
    expect(project.status).not.toBe(0);
    expect(project.output).toMatch(/content\/theses\/hints\.mdx:\d+:\d+ +<Cite source="trenin-2012"[^>]*> +unknown-source: /);
    expect(hintOf(project.output)).toMatch(/Fix each problem listed; the rule: docs\/theses\.md#unknown-source/);
  });

  test('a manifest entry with a bad field', () => {
    const entry = ['- id: bad-date', '  file: date.txt', '  title: Fixture bad-date', '  published: 2025-02-30', ''].join('\n');
    const project = buildFixtureProject({ theses: {}, extraSources: { files: { 'date.txt': 'A title\nA paragraph of plain text.\n' }, manifest: entry } });
    made.push(project);
    expect(project.status).not.toBe(0);
    expect(project.output).toContain(`seeds/sources.yaml: entry ${NEXT_ENTRY} (id "bad-date"): field "published" must be a real calendar date`);
    expect(hintOf(project.output)).toMatch(/see docs\/sources\.md#manifest-fields/);
  });
});

test('hintOf finds nothing in output without a hint', () => {
  expect(hintOf('[CitationError] Citation check failed\n  Stack trace:\n    at x')).toBe('');
  expect(hintOf('x\n  Hint:\n    Do this; see docs/a.md#b\n  Stack trace:\n    at y')).toBe('    Do this; see docs/a.md#b');
});
