/** Real builds: words given to the wrong person fail, naming file and line; the same words rightly attributed build. */
import { afterAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { FIXTURES } from '../support/paths.ts';

const made: FixtureProject[] = [];
afterAll(() => made.forEach((p) => p.remove()));
const thesis = (name: string) => readFileSync(join(FIXTURES, 'theses/attribution', name), 'utf8');

test('misattributed quotes fail the build, each named with file, line and what the source really says', { timeout: 180_000 }, () => {
  const project = buildFixtureProject({ theses: { 'misattributed.mdx': thesis('misattributed.mdx') } });
  made.push(project);
  expect(project.status).not.toBe(0);
  const out = project.output;
  // The copy adds a change log (one frontmatter line: the body's lines move down by one); no "In brief" is reported too.
  expect(out).toContain('Citation check failed: 6 problems in content/theses/misattributed.mdx');
  expect(out).toMatch(/misattributed\.mdx:\d+:1 +[^\n]*missing-in-brief/);
  expect(out).toMatch(/misattributed\.mdx:9:\d+ +<Quote source="kottasova-cnn-2025" by="Galeotti" [^\n]*attribution-paraphrase: by="Galeotti", but these words are the reporter's paraphrase: reported speech of Mark Galeotti, cue "said"/);
  expect(out).toMatch(/misattributed\.mdx:11:\d+ +<Quote source="kottasova-cnn-2025" by="Soldatov" [^\n]*attribution-wrong: by="Soldatov", but these words are a direct quote of Mark Galeotti/);
  expect(out).toMatch(/misattributed\.mdx:13:\d+ +<Quote source="kottasova-cnn-2025" quote="Putin is an opportunist\."> +attribution-missing: these words are a direct quote of Mark Galeotti/);
  // A rewrite cited where its original has the passage: names the original paragraph (¶ and anchor).
  expect(out).toMatch(/misattributed\.mdx:15:\d+ +<Cite source="cnn-retelling-2025" [^\n]*derivative-cited: cnn-retelling-2025 is a rewrite of kottasova-cnn-2025, and this paragraph \(¶\d+\) comes from its ¶\d+ p-[a-z0-9-]+/);
  expect(out).toMatch(/misattributed\.mdx:17:1 +"A paragraph with no citation at all\." +uncited-paragraph/);
});

test('the same words, rightly attributed, build; markers name the speaker', { timeout: 180_000 }, () => {
  const project = buildFixtureProject({ theses: { 'attributed.mdx': thesis('attributed.mdx') } });
  made.push(project);
  expect(project.output).not.toMatch(/Citation check failed/);
  expect(project.status).toBe(0);
  const $ = load(readFileSync(join(project.dir, 'dist/theses/attributed/index.html'), 'utf8'));
  const markers = $('main a.cite').map((_, el) => $(el).text()).get();
  expect(markers).toEqual([
    expect.stringMatching(/^Galeotti in Kottasová \(CNN\) ¶\d+$/), // In brief
    expect.stringMatching(/^Galeotti in Kottasová \(CNN\) ¶\d+$/),
    expect.stringMatching(/^Galeotti in Kottasová \(CNN\) ¶\d+$/),
    expect.stringMatching(/^Kottasová \(CNN\) ¶\d+$/),
    expect.stringMatching(/^CNN retelling ¶\d+ \(rewrite\)$/),
  ]);
  expect($('main a.cite').last().attr('data-derivative')).toBe("to show the rewrite's own wording");
});
