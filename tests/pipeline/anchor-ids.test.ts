import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { paragraphsOf, loadSources } from '../../src/pipeline/load-sources.ts';
import { anchorFor, ANCHOR_NORMALISATION, ANCHOR_NORMALISERS, normaliseForAnchor, slugWords } from '../../src/pipeline/anchor-ids.ts';
import { normaliseForMatch } from '../../src/pipeline/normalise-text.ts';
import { readFileSync } from 'node:fs';
import { ROOT, SEEDS } from '../support/paths.ts';

const LONG = 'This opening paragraph is long enough to be prose rather than a header line, which is what the classifier looks for first.';
const text = (paras: string[]) => [LONG, ...paras].join('\n\n');
const ids = (paras: string[]) => new Map(paragraphsOf(text(paras)).map((p) => [p.text, p.anchor]));

describe('anchors are stable', () => {
  const base = ['Alpha paragraph one.', 'Bravo paragraph two.', 'Charlie paragraph three.'];

  test('rebuilding gives the same ids', () => {
    // Another process (as another build would be), from another working
    // directory, computes the same anchors for the real seeds: nothing in an
    // id depends on time, randomness, process state or the current directory.
    const anchorsHere = loadSources(SEEDS, ROOT).map((s) => [s.entry.id, s.paragraphs.map((p) => p.anchor)]);
    const module = new URL('../../src/pipeline/load-sources.ts', import.meta.url).href;
    const script = `const { loadSources } = await import(${JSON.stringify(module)});
      console.log(JSON.stringify(loadSources(${JSON.stringify(SEEDS)}, ${JSON.stringify(ROOT)}).map((s) => [s.entry.id, s.paragraphs.map((p) => p.anchor)])));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmpdir(), encoding: 'utf8' });
    expect(child.stderr).not.toMatch(/Error/);
    expect(JSON.parse(child.stdout)).toEqual(anchorsHere);
    // Ids already published in links stay valid across versions of the code:
    // these were computed once and must never change.
    expect(base.map((t) => anchorFor('article', t))).toEqual(['p-alpha-paragraph-one-0dffc4', 'p-bravo-paragraph-two-e32d0a', 'p-charlie-paragraph-three-c1b37b']);
  });

  test('inserting a paragraph changes no other id', () => {
    const before = ids(base);
    const after = ids([base[0]!, 'A new paragraph inserted here.', base[1]!, base[2]!]);
    for (const [t, id] of before) expect(after.get(t)).toBe(id);
  });

  test('editing a paragraph changes only its own id', () => {
    const before = ids(base);
    const after = ids([base[0]!, 'Bravo paragraph two, edited.', base[2]!]);
    expect(after.get(base[0]!)).toBe(before.get(base[0]!));
    expect(after.get(base[2]!)).toBe(before.get(base[2]!));
    expect(after.get('Bravo paragraph two, edited.')).not.toBe(before.get(base[1]!));
  });

  test('identical paragraphs get -2, -3 in order', () => {
    const list = paragraphsOf(text(['Same words here.', 'Other words.', 'Same words here.'])).filter((p) => p.kind === 'article');
    expect(list[1]!.anchor).toBe(anchorFor('article', 'Same words here.'));
    expect(list[3]!.anchor).toBe(`${anchorFor('article', 'Same words here.')}-2`);
  });

  test('every anchor in the real seeds is unique per source and a valid id', () => {
    for (const s of loadSources(SEEDS, ROOT)) {
      const anchors = s.paragraphs.map((p) => p.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const a of anchors) expect(a).toMatch(/^(p|furniture|comment)-[a-z0-9-]+$/);
    }
  });
});

test('anchors read as the paragraph’s first words', () => {
  expect(slugWords('“Putin is an opportunist. He likes…')).toBe('putin-is-an-opportunist-he');
  expect(slugWords('Ivana Kottasová')).toBe('ivana-kottasova');
  expect(anchorFor('article', 'Putin is an opportunist.')).toMatch(/^p-putin-is-an-opportunist-[0-9a-f]{6}$/);
  // Typographic and straight quotes, NBSP and spacing do not change the id.
  expect(anchorFor('article', 'It’s  here.')).toBe(anchorFor('article', "It's\u00a0here."));
});

describe('numbers', () => {
  test('subheadings take no ¶ number: ¶ numbers count paragraphs only, headings keep anchors', () => {
    const list = paragraphsOf(text(['A heading here', 'Alpha paragraph one.', 'Another heading', 'Bravo paragraph two.'])).filter((p) => p.kind === 'article');
    expect(list.map((p) => [p.role, p.n])).toEqual([
      ['paragraph', 1], ['heading', 1], ['paragraph', 2], ['heading', 2], ['paragraph', 3],
    ]);
    expect(list[1]!.anchor).toBe(anchorFor('article', 'A heading here'));
  });

  test('in the CNN source the paragraphs after its two subheadings are numbered on without gaps', () => {
    const cnn = loadSources(SEEDS, ROOT).find((s) => s.entry.id === 'kottasova-cnn-2025')!;
    const paras = cnn.paragraphs.filter((p) => p.kind === 'article' && p.role === 'paragraph');
    expect(paras.map((p) => p.n)).toEqual(paras.map((_, i) => i + 1));
    const after = (heading: string) => cnn.paragraphs[cnn.paragraphs.findIndex((p) => p.text === heading) + 1]!;
    expect(after('Long term plan').n).toBe(20);
    expect(after('It’s all personal').n).toBe(30);
  });
});

describe('anchor normalisation is its own, versioned', () => {
  test('version 1 is what ids were made with before it had its own (quote matching’s normaliser), on every seed line', () => {
    // Frozen: published ids depend on it. A new normalisation must be a new version.
    expect(ANCHOR_NORMALISATION).toBe(1);
    for (const s of loadSources(SEEDS, ROOT)) for (const p of s.paragraphs) expect(ANCHOR_NORMALISERS[1]!(p.text)).toBe(normaliseForMatch(p.text));
    expect(() => normaliseForAnchor('x', 99)).toThrow(/unknown anchor normalisation version 99/);
  });

  test('anchor ids do not depend on the quote-matching normaliser', () => {
    const source = readFileSync(new URL('../../src/pipeline/anchor-ids.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\/normalise-text\.ts'/);
  });

  test('every source anchor in the committed ledger is one the pipeline makes today', () => {
    const ledger = JSON.parse(readFileSync(new URL('../../content/anchors.lock.json', import.meta.url), 'utf8')) as { pages: Record<string, { id: string; successor?: string; tombstone?: unknown; in?: string }[]> };
    for (const s of loadSources(SEEDS, ROOT)) {
      // Block anchors only: speech-span anchors (`in` their paragraph) are checked on the built pages.
      const live = ledger.pages[`/sources/${s.entry.id}/`]!.filter((e) => !e.successor && !e.tombstone && !e.in).map((e) => e.id);
      expect(new Set(s.paragraphs.map((p) => p.anchor))).toEqual(new Set(live));
    }
  });
});
