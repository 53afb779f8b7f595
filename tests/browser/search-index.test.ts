/**
 * The re-cut Pagefind bundle (src/build/pagefind-bundle.ts) answers as an
 * index in one piece would: the same pages, scores, excerpts and paragraph
 * links, for whole words from every part of the index, phrases and several
 * words, and for prefixes as typed unless they are shorter than the deepest
 * cut. (Pagefind's own bundle is in chunks too, cut wherever the size runs
 * out, so it is not the reference.) Pagefind indexes the built site into a
 * temporary folder; copies are re-cut as the build does and into one chunk,
 * and Chromium queries all three.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import { optimiseBundle, readEntry, readMeta, unwrap, type PackedWord } from '../../src/build/pagefind-bundle.ts';
import { startHarness, type Harness } from '../support/browser.ts';
import { addSite } from '../../src/integrations/pagefind.ts';
import { DIST } from '../support/paths.ts';

/** The English metadata of the bundle in `dir`. */
const metaOf = (dir: string) => readMeta(dir, readEntry(dir).entry.languages.en!.hash).meta;

let root: string;
let h: Harness;
const words: string[] = [];
/** The most leading characters two words on either side of a chunk boundary share in the re-cut bundle. */
let deepestCut = 0;
const common = (a: string, b: string) => {
  const [x, y] = [[...a], [...b]];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i;
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(errors.join('\n'));
    const added = await addSite(index, DIST); // as the build indexes the site
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(root, 'stock') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
  } finally {
    await pagefind.close();
  }
  // Every word of Pagefind's own index, in its order.
  const meta = metaOf(join(root, 'stock'));
  expect(meta[2].length).toBeGreaterThan(1); // Pagefind cut this index into several chunks itself
  for (const [, , hash] of meta[2]) {
    const file = join(root, 'stock/index', `${hash}.pf_index`);
    words.push(...(decode(unwrap(readFileSync(file), file)) as [PackedWord[]])[0].map((w) => w[0]));
  }
  cpSync(join(root, 'stock'), join(root, 'recut'), { recursive: true });
  optimiseBundle(join(root, 'recut'));
  cpSync(join(root, 'stock'), join(root, 'whole'), { recursive: true });
  expect(optimiseBundle(join(root, 'whole'), { target: () => Infinity })[0]!.chunksAfter).toBe(1);
  const chunks = metaOf(join(root, 'recut'))[2];
  deepestCut = Math.max(...chunks.slice(1).map(([from], i) => common(chunks[i]![1], from)));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>search index test</title>');
  h = await startHarness(root);
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Answer {
  pages: string[];
  scores: number[];
  top: { url: string; excerpt: string; subs: string[] }[];
}

/** Runs every query against both bundles in one page. */
async function ask(queries: string[]): Promise<{ stock: Answer; recut: Answer; whole: Answer }[]> {
  const page = await (await h.context()).newPage();
  await page.goto('/');
  return page.evaluate(async (qs) => {
    type R = { id: string; score: number; data(): Promise<{ url: string; excerpt: string; sub_results: { url: string; title: string; excerpt: string }[] }> };
    type PF = { options(o: object): Promise<void>; init(): Promise<void>; search(q: string): Promise<{ results: R[] }> };
    const load = async (path: string) => {
      const pf = (await (new Function('p', 'return import(p)') as (p: string) => Promise<PF>)(path)); // out of Vite's sight
      await pf.options({ noWorker: true, excerptLength: 24, highlightParam: 'highlight' });
      await pf.init();
      return pf;
    };
    const [stock, recut, whole] = await Promise.all([load('/stock/pagefind.js'), load('/recut/pagefind.js'), load('/whole/pagefind.js')]);
    const answer = async (pf: PF, q: string) => {
      const { results } = await pf.search(q);
      const top = await Promise.all(results.slice(0, 3).map((r) => r.data()));
      return {
        pages: results.map((r) => r.id),
        scores: results.map((r) => Math.round(r.score * 1e6) / 1e6),
        top: top.map((d) => ({ url: d.url, excerpt: d.excerpt, subs: d.sub_results.map((s) => `${s.url} | ${s.title} | ${s.excerpt}`) })),
      };
    };
    const out = [];
    for (const q of qs) out.push({ stock: await answer(stock, q), recut: await answer(recut, q), whole: await answer(whole, q) });
    return out;
  }, queries);
}

test('whole words from every part of the index, phrases and several words: the same pages, scores, excerpts and paragraph links', async () => {
  const sample = words.filter((w, i) => i % Math.ceil(words.length / 150) === 0 && /^\p{L}/u.test(w));
  expect(sample.length).toBeGreaterThan(60);
  const queries = [...sample, 'NATO expansion', 'root causes', '"After setting out Russia"', 'Putin Trump', 'Kaliningrad', 'opportunist', 'Galeotti Soldatov', 'empire history', 'Russia', 'the'];
  const answers = await ask(queries);
  answers.forEach(({ recut, whole }, i) => expect({ q: queries[i], ...recut }).toEqual({ q: queries[i], ...whole }));
  expect(answers.filter(({ whole }) => whole.pages.length > 0).length).toBeGreaterThan(queries.length * 0.9);
  // Pagefind's own chunks: some whole words already answer differently there (cut mid-prefix), never more often than re-cut ones.
  const differs = (a: Answer, b: Answer) => JSON.stringify(a) !== JSON.stringify(b);
  expect(answers.filter((a) => differs(a.recut, a.whole)).length).toBeLessThanOrEqual(answers.filter((a) => differs(a.stock, a.whole)).length);
});

test('prefixes as a reader types them: the same answers when longer than the deepest cut, and never a page the whole index lacks', async () => {
  expect(deepestCut).toBeGreaterThan(0);
  expect(deepestCut).toBeLessThanOrEqual(3);
  const prefixes = [...new Set(words.filter((w, i) => i % 13 === 0 && /^\p{L}{5}/u.test(w)).flatMap((w) => [2, 3, 4, 5].map((n) => [...w].slice(0, n).join(''))))];
  expect(prefixes.length).toBeGreaterThan(150);
  const answers = await ask(prefixes);
  let same = 0;
  answers.forEach(({ recut, whole }, i) => {
    const q = prefixes[i]!;
    if ([...q].length > deepestCut) expect({ q, ...recut }).toEqual({ q, ...whole });
    expect({ q, extra: recut.pages.filter((p) => !whole.pages.includes(p)) }).toEqual({ q, extra: [] });
    if (JSON.stringify(recut) === JSON.stringify(whole)) same++;
  });
  expect(same).toBeGreaterThan(prefixes.length * 0.9);
});
