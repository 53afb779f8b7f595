/** The fingerprint of a thesis's reader-visible text, and where the build reports a stale one. */
import { expect, test } from 'vitest';
import { fingerprintOf, withChangeLog } from '../support/thesis-fixture.ts';
import { newestChangeLine } from '../../src/integrations/thesis-version.ts';
import { readingMinutes } from '../../src/checks/thesis-fingerprint.ts';

const page = (body: string, title = 'T') => `---\ntitle: "${title}"\nquestion: "Q?"\n---\n\n${body}\n`;
const base = page('## In brief\n\nTrenin saw a last stand.<Cite source="trenin-2021" quote="For him, Ukraine is the last stand." />');

test('markup, citation markers and typography do not change it; words, title and quotations do', () => {
  const f = fingerprintOf(base);
  expect(f).toMatch(/^[0-9a-f]{12}$/);
  // Markup only: emphasis, a line break inside the paragraph, another citation locator, curly quotes.
  expect(fingerprintOf(page('## In brief\n\nTrenin saw a *last stand*.<Cite source="trenin-2021" quote="Ukraine is the last stand" />'))).toBe(f);
  expect(fingerprintOf(page('## In brief\n\nTrenin saw\na last stand.<Cite source="trenin-2021" quote="For him, Ukraine is the last stand." />'))).toBe(f);
  expect(fingerprintOf(page("## In brief\n\nIt's a test.<Cite source=\"x\" quote=\"y\" />"))).toBe(fingerprintOf(page('## In brief\n\nIt’s a test.<Cite source="x" quote="y" />')));
  // What a reader sees.
  expect(fingerprintOf(page('## In brief\n\nTrenin saw a final stand.<Cite source="trenin-2021" quote="For him, Ukraine is the last stand." />'))).not.toBe(f);
  expect(fingerprintOf(page('## In brief\n\nTrenin saw a last stand.<Cite source="trenin-2021" quote="For him, Ukraine is the last stand." />', 'U'))).not.toBe(f);
  expect(fingerprintOf(page('## In brief\n\nTrenin saw <Quote source="trenin-2021">the last stand</Quote>.'))).not.toBe(fingerprintOf(page('## In brief\n\nTrenin saw <Quote source="trenin-2021">Ukraine</Quote>.')));
  // Headings count.
  expect(fingerprintOf(base.replace('## In brief', '## In short'))).not.toBe(f);
});

test('a fixture without a change log gets one entry with its fingerprint; one with a change log is left alone', () => {
  const withLog = withChangeLog(base);
  expect(withLog).toContain(`changes: [{ date: 2026-01-01, note: "First published.", fingerprint: "${fingerprintOf(base)}" }]\n---`);
  expect(withChangeLog(withLog)).toBe(withLog);
  expect(fingerprintOf(withLog)).toBe(fingerprintOf(base)); // the log is not part of the text
});

test('a stale fingerprint is reported at the newest entry of the change log, in the frontmatter', () => {
  const src = '---\ntitle: "T"\nchanges:\n  - { date: 2026-11-22, note: "First." }\n  - date: 2026-12-07\n    note: "Second."\n    fingerprint: "abc"\n---\n\n- date: not frontmatter\n';
  expect(newestChangeLine(src)).toBe(5);
  expect(newestChangeLine('---\ntitle: "T"\n---\n')).toBe(1);
});

test('reading time: whole minutes at 230 words a minute, at least one', () => {
  expect(readingMinutes(0)).toBe(1);
  expect(readingMinutes(1800)).toBe(8);
});
