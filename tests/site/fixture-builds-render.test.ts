/**
 * A throwaway build with sources no seed has: bidirectional controls in a
 * label and a paragraph, a 200,000-character unbroken line, and a long source.
 * Checked in Chromium as a reader would see them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { join } from 'node:path';
import { buildFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { startHarness, type Harness } from '../support/browser.ts';
import { anchorFor } from '../../src/pipeline/anchor-ids.ts';

const RLO = '\u202e';
const prose = (n: number) =>
  `Paragraph ${n} of the long source is ordinary prose about a matter of state. It has a second sentence, so it is no pull quote, and enough words to read as an article paragraph ${n}.`;
const SECOND = 'A second article paragraph about the evidence that readers cite, with words enough to count as prose for the classifier that reads the source text.';
const bidiText = [
  'Bidi test source',
  'By A. Tester',
  `An article paragraph with a hidden override ${RLO}that must stay inside this paragraph text and never reorder what follows it on the page, however long the paragraph runs on.`,
  SECOND,
  `Unbroken: ${'x'.repeat(200_000)}`,
].join('\n');
const longText = ['Long source', ...Array.from({ length: 400 }, (_, i) => prose(i + 1))].join('\n');

let project: FixtureProject;
let harness: Harness;
beforeAll(async () => {
  project = buildFixtureProject({
    theses: {
      'bidi.mdx': [
        '---',
        'title: "Bidi"',
        'question: "Does a label reorder the page?"',
        'teaser: "A fixture."',
        'order: 9',
        '---',
        '',
        '## In brief',
        '',
        'The fixture cites its source.<Cite source="bidi" quote="the evidence that readers cite" />',
        '',
        '## Text',
        '',
        'Alpha beta gamma.<Cite source="bidi" quote="the evidence that readers cite" /> delta epsilon omega.',
        '',
      ].join('\n'),
    },
    extraSources: {
      files: { 'bidi.txt': bidiText, 'long.txt': longText },
      manifest:
        `- id: bidi\n  file: bidi.txt\n  title: Bidi test\n  short: "${RLO}evil label"\n` +
        `  speech:\n    - { para: ${anchorFor('article', SECOND)}, words: "the evidence that readers cite", kind: reported, speaker: Jane Editor, note: a test correction }\n` +
        `- id: long\n  file: long.txt\n  title: Long source\n`,
    },
  });
  if (project.status === 0) harness = await startHarness(join(project.dir, 'dist'));
}, 300_000);
afterAll(async () => {
  await harness?.close();
  project?.remove();
});

test('the fixture site builds', () => {
  expect(project.output).not.toMatch(/\berror\b/i);
  expect(project.status).toBe(0);
});

test('a right-to-left override in a source label does not reverse the prose after its marker', async () => {
  const page = await (await harness.context()).newPage();
  await page.goto('/theses/bidi/');
  const order = await page.evaluate(() => {
    const p = [...document.querySelectorAll('main p')].find((el) => el.textContent?.includes('omega'))!;
    const text = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('omega'))!;
    const at = (word: string) => {
      const range = document.createRange();
      const i = text.textContent!.indexOf(word);
      range.setStart(text, i);
      range.setEnd(text, i + word.length);
      return range.getBoundingClientRect().left;
    };
    return { delta: at('delta'), omega: at('omega') };
  });
  expect(order.delta).toBeLessThan(order.omega);
});

test('an override inside a source paragraph stays inside it', async () => {
  const page = await (await harness.context()).newPage();
  await page.goto('/sources/bidi/');
  const isolated = await page.locator('.ptext').first().evaluate((el) => getComputedStyle(el).unicodeBidi);
  expect(isolated).toBe('isolate');
});

test('a speech correction from the manifest is marked on the page as an editorial correction', async () => {
  const page = await (await harness.context()).newPage();
  await page.goto('/sources/bidi/');
  const mark = page.locator('.speech.corrected');
  expect(await mark.count()).toBe(1);
  expect(await mark.textContent()).toBe('the evidence that readers cite');
  expect(await mark.getAttribute('data-label')).toBe('Reported speech: Jane Editor (editorial correction)');
});

test('a 200,000-character unbroken line wraps at 320 px instead of scrolling sideways', async () => {
  const page = await (await harness.context({ viewport: { width: 320, height: 640 } })).newPage();
  await page.goto('/sources/bidi/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a long source renders lazily, and a deep link still lands on its paragraph', async () => {
  const page = await (await harness.context()).newPage();
  await page.goto('/sources/long/');
  expect(await page.locator('article.source.long').count()).toBe(1);
  const id = await page.locator('.para').nth(350).getAttribute('id');
  await page.goto(`/sources/long/#${id}`);
  const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(640);
});
