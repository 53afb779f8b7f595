/**
 * The anchor ledger end to end: a copy of the site is built, its text is
 * changed under the ledger (a paragraph split, two merged, a word edited, one
 * deleted with a tombstone and one without, the anchor normalisation changed,
 * thesis paragraphs edited and inserted), rebuilt, and every ledger URL is
 * followed in Chromium: each must land on the right text or its tombstone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildCopy, copyFixtureProject } from '../support/fixture-project.ts';
import { withChangeLog } from '../support/thesis-fixture.ts';
import { startHarness, type Harness } from '../support/browser.ts';

// Plain narrative prose (no "The first paragraph says …": the speech stage trips over such subjects).
const P = [
  'Two capitals have quarrelled for years over where one alliance ends and another sphere of influence begins, a dispute told here at some length.',
  'Delegations came to Geneva in January for a meeting that an editor will later split in two. They held the first round of talks in Geneva over three days without agreeing on anything beyond the date of the next meeting. Snow fell on the lake throughout.',
  'On arrival the foreign minister made one point above all, namely that his country would not accept any new bases near its borders under any circumstances.',
  'At the closing press conference the minister repeated the same point, in almost the same words, to a room of tired reporters and photographers.',
  'By most counts — later corrected by an editor — the talks lasted four days, a figure that later reports from both delegations contradicted.',
  'A rumour about a secret annex to the draft treaty circulated for weeks, and nobody was ever able to confirm or deny it on the record.',
  'Markets barely moved on the news, as traders had long priced in a stalemate between the two sides and saw no reason to change course.',
  'Both sides looked ahead to the spring, when they planned to meet again — if nothing else intervened in the meantime, as one diplomat put it.',
];
const [P1, P2, P3, P4, P5, P6, P7, P8] = P as [string, string, string, string, string, string, string, string];
const P2a = 'Delegations came to Geneva in January for a meeting that an editor will later split in two. They held the first round of talks in Geneva over three days without agreeing on anything beyond the date of the next meeting.';
const P2b = 'Snow fell on the lake throughout.';
const P5e = P5.replace('four days', 'three days');

const T1 = 'The scene is a long quarrel over where an alliance ends.';
const T1e = 'The scene is a long quarrel over where one alliance ends.';
const thesis = (paras: string[]) => `---
title: "Ledger"
question: "Do links last?"
teaser: "A thesis for the anchor ledger tests."
order: 1
related: []
---

## In brief

The talks are told at some length.<Cite source="ledger-sample" quote="a dispute told here at some length" />

## The talks

${paras.join('\n\n')}

- Markets had priced in a stalemate, it says.<Cite source="ledger-sample" quote="a dispute told here at some length" />
- Both sides planned to meet again in spring.<Cite source="ledger-sample" quote="looked ahead to the spring" />
`;
const T = {
  t1: `${T1}<Cite source="ledger-sample" quote="quarrelled for years over where one alliance ends" />`,
  t1e: `${T1e}<Cite source="ledger-sample" quote="quarrelled for years over where one alliance ends" />`,
  t2: 'The minister said no new bases would be accepted.<Cite source="ledger-sample" quote="would not accept any new bases near its borders" />',
  inserted: 'Talks in Geneva came first.<Cite source="ledger-sample" quote="the first round of talks in Geneva" />',
};

const SOURCE = '/sources/ledger-sample/';
const THESIS = '/theses/ledger/';
const LEDGER = 'content/anchors.lock.json';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let dir = '';
let harness: Harness | undefined;
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const seed = (paras: string[]) => write('seeds/ledger-sample.txt', `${paras.join('\n\n')}\n`);
const ledger = () => JSON.parse(readFileSync(join(dir, LEDGER), 'utf8')) as { anchorNormalisation: number; pages: Record<string, { id: string; in?: string; tombstone?: unknown }[]> };
const build = (env: Record<string, string> = {}) => {
  const r = buildCopy(dir, { ANCHOR_LEDGER_TODAY: '2026-11-22', ...env });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
};

/** Text of every tracked block of a built page, by id (permalinks, markers and backlinks left out). */
function texts(path: string): Map<string, string> {
  const $ = load(readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8'));
  const out = new Map<string, string>();
  $('main .para[id], main .tpara[id], main h2[id]').each((_, el) => {
    if ($(el).is('h2:not(.para)') && $(el).closest('section').length > 0) return; // evidence, related, comments: not ledger anchors
    const c = $(el).clone();
    c.find('.pnum, .plink, .cited-in, a.cite, .anchor-alias').remove();
    out.set($(el).attr('id')!, squash(c.text()));
  });
  return out;
}

interface Landing {
  id: string;
  cls: string;
  text: string;
  inView: boolean;
  highlighted: boolean;
}

/** Follows `page#id` for each id in Chromium and reports where each lands. */
async function follow(path: string, ids: string[]): Promise<Map<string, Landing | null>> {
  const page = await (await harness!.context({ viewport: { width: 900, height: 700 } })).newPage();
  await page.goto(path);
  const out = new Map<string, Landing | null>();
  for (const id of ids) {
    out.set(
      id,
      await page.evaluate((id) => {
        location.hash = id;
        const t = document.querySelector(':target');
        if (!t) return null;
        const block = (t.classList.contains('anchor-alias') ? t.parentElement!.closest('.para, .tpara, .tombstone') : t) as HTMLElement;
        const c = block.cloneNode(true) as HTMLElement;
        c.querySelectorAll('.pnum, .plink, .cited-in, a.cite, .anchor-alias, button.cite-share').forEach((n) => n.remove()); // controls, not text
        const r = t.getBoundingClientRect();
        return {
          id: block.id,
          cls: block.className,
          text: (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
          inView: r.top >= -1 && r.top < innerHeight,
          highlighted: getComputedStyle(block).backgroundColor !== 'rgba(0, 0, 0, 0)',
        };
      }, id),
    );
  }
  await page.close();
  return out;
}

beforeAll(() => {
  dir = copyFixtureProject({
    theses: { 'ledger.mdx': thesis([T.t1, T.t2]) },
    extraSources: { files: { 'ledger-sample.txt': `${P.join('\n\n')}\n` }, manifest: '- id: ledger-sample\n  file: ledger-sample.txt\n  title: Ledger sample\n' },
  });
}, 60_000);
afterAll(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the anchor ledger keeps every published anchor resolving', () => {
  let before: { source: Map<string, string>; thesis: Map<string, string> };
  let first: ReturnType<typeof ledger>;
  /** The CI=true build of the up-to-date ledger that ends the CI test; the history test reads its output. */
  let frozen: ReturnType<typeof build> | undefined;

  test('a first build publishes every anchor of every page in the ledger', () => {
    const r = build();
    expect(r.status, r.output).toBe(0);
    first = ledger();
    before = { source: texts(SOURCE), thesis: texts(THESIS) };
    // Blocks, in page order; the speech spans inside them are anchors too, each recorded with its paragraph.
    expect(first.pages[SOURCE]!.filter((e) => e.in === undefined).map((e) => e.id)).toEqual([...before.source.keys()]);
    for (const e of first.pages[SOURCE]!.filter((e) => e.in !== undefined)) {
      expect(before.source.has(e.in!), e.id).toBe(true);
      expect(e.id).toMatch(/-sp\d+$/);
    }
    expect(first.pages[THESIS]!.map((e) => e.id)).toEqual([...before.thesis.keys()]);
    expect(before.thesis.size).toBe(7); // In brief heading and paragraph, heading, two paragraphs, two list items
  }, 300_000);

  test('split, merged, edited and tombstoned paragraphs, edited and inserted thesis paragraphs: every old URL lands on the right text', async () => {
    seed([P1, P2a, P2b, `${P3} ${P4}`, P5e, P7, P8]);
    write('content/theses/ledger.mdx', withChangeLog(thesis([T.t1e, T.inserted, T.t2])));
    const l = ledger();
    const p6 = [...before.source].find(([, t]) => t === P6)![0];
    l.pages[SOURCE] = l.pages[SOURCE]!.map((e) => (e.id === p6 ? { ...e, tombstone: { date: '2026-11-22', reason: 'it repeated a rumour nobody could confirm' } } : e));
    write(LEDGER, JSON.stringify(l));
    const r = build();
    expect(r.status, r.output).toBe(0);
    harness = await startHarness(join(dir, 'dist'));

    const expected = new Map([
      [P2, P2a],
      [P3, `${P3} ${P4}`],
      [P4, `${P3} ${P4}`],
      [P5, P5e],
      [squash(T1), squash(T1e)],
    ]);
    for (const [path, old] of [
      [SOURCE, before.source],
      [THESIS, before.thesis],
    ] as const) {
      const landed = await follow(path, [...old.keys()]);
      for (const [id, text] of old) {
        const at = landed.get(id);
        expect(at, `${path}#${id}`).not.toBeNull();
        expect(at!.inView, `${path}#${id} scrolled into view`).toBe(true);
        expect(at!.highlighted, `${path}#${id} highlighted`).toBe(true);
        if (text === P6) {
          expect(at!.cls).toContain('tombstone');
          expect(at!.text).toBe('This paragraph was removed on 22 November 2026 because it repeated a rumour nobody could confirm. Read on from the nearest paragraph');
        } else {
          expect(at!.text, `${path}#${id}`).toBe(squash(expected.get(text) ?? text));
        }
      }
    }
    // The tombstone stands where the paragraph was, after the paragraph before it, and links it.
    const $ = load(readFileSync(join(dir, 'dist', SOURCE, 'index.html'), 'utf8'));
    const tomb = $(`[id="${p6}"]`);
    expect(squash(tomb.prev('.para').find('.ptext').text())).toBe(P5e);
    expect(tomb.find('a').attr('href')).toBe(`#${tomb.prev('.para').attr('id')}`);
  }, 300_000);

  test('a changed anchor normalisation renames ids; every ledger URL of every page still lands on the same text', async () => {
    const ids = texts(SOURCE);
    const snapshot = new Map(Object.keys(ledger().pages).map((p) => [p, texts(p)]));
    const file = join(dir, 'src/pipeline/anchor-ids.ts');
    const code = readFileSync(file, 'utf8');
    // A new version that reads dashes as hyphens (the kind of one-line change that once renamed 23 anchors).
    writeFileSync(
      file,
      code
        .replace('export const ANCHOR_NORMALISATION = 1;', 'export const ANCHOR_NORMALISATION = 2;')
        .replace('  1: (text) =>', "  2: (text) => normaliseForAnchor(text, 1).replace(/[\\u2013\\u2014]/g, '-'),\n  1: (text) =>"),
    );
    const r = build();
    expect(r.status, r.output).toBe(0);
    expect(ledger().anchorNormalisation).toBe(2);
    const renamed = [...ids.keys()].filter((id) => !texts(SOURCE).has(id));
    expect(renamed.length).toBeGreaterThan(0); // the paragraphs with dashes got new ids
    for (const [path, old] of snapshot) {
      const landed = await follow(path, [...old.keys()]);
      for (const [id, text] of old) expect(landed.get(id)?.text, `${path}#${id}`).toBe(text);
    }
    // Tombstones and earlier successors still hold.
    const entries = ledger().pages[SOURCE]!.map((e) => e.id);
    const landed = await follow(SOURCE, entries);
    for (const id of entries) expect(landed.get(id), id).not.toBeNull();
  }, 300_000);

  test('a paragraph deleted without a tombstone fails the build, naming the anchor and the page', () => {
    const p7 = [...texts(SOURCE)].find(([, t]) => t === P7)![0];
    const kept = readFileSync(join(dir, LEDGER), 'utf8');
    seed([P1, P2a, P2b, `${P3} ${P4}`, P5e, P8]);
    const r = build();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`${SOURCE}#${p7}`);
    expect(r.output).toMatch(/Anchor ledger: 1 published anchor would vanish/);
    expect(readFileSync(join(dir, LEDGER), 'utf8')).toBe(kept);
    seed([P1, P2a, P2b, `${P3} ${P4}`, P5e, P7, P8]);
  }, 300_000);

  test('under CI=true a stale ledger fails the build with a clear message and is left alone', () => {
    const kept = readFileSync(join(dir, LEDGER), 'utf8');
    seed([P1, P2a, P2b, `${P3} ${P4}`, P5e, P7, P8.replace('diplomat', 'envoy')]);
    const r = build({ CI: 'true' });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Anchor ledger content\/anchors\.lock\.json is out of date, and CI=true freezes it/);
    expect(r.output).toMatch(/\/sources\/ledger-sample\/: 1 new anchor/);
    expect(r.output).toContain('Run `npm run build` locally and commit content/anchors.lock.json.');
    expect(readFileSync(join(dir, LEDGER), 'utf8')).toBe(kept);
    // The same text with the ledger brought up to date builds under CI.
    expect(build().status).toBe(0);
    frozen = build({ CI: 'true' });
    expect(frozen.status, frozen.output).toBe(0);
  }, 300_000);

  test('under CI=true, a paragraph deleted together with its ledger entry fails against the committed ledger; without git history the build says it could not check', () => {
    // Not a git clone yet: the frozen build passes, and says the history could not be checked. That build is the
    // last one of the test before, on the same files: its output is read here rather than built again.
    const unchecked = frozen!;
    expect(unchecked.status, unchecked.output).toBe(0);
    expect(unchecked.output).toContain('not checked against history (not a git clone (or git is missing): the ledger could not be checked against its earlier committed versions)');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', LEDGER);
    git('commit', '-qm', 'ledger');
    // The attack of issue 25: the paragraph and its entry go, in one change; the ledger is otherwise consistent.
    const p7 = [...texts(SOURCE)].find(([, t]) => t === P7)![0];
    const l = ledger();
    l.pages[SOURCE] = l.pages[SOURCE]!.filter((e) => e.id !== p7 && e.in !== p7);
    write(LEDGER, JSON.stringify(l));
    seed([P1, P2a, P2b, `${P3} ${P4}`, P5e, P8.replace('diplomat', 'envoy')]);
    const r = build({ CI: 'true' });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Anchor ledger content\/anchors\.lock\.json breaks its history \(checked against 1 committed version\)/);
    expect(r.output).toMatch(new RegExp(`content/anchors\\.lock\\.json › "${SOURCE}" › "${p7}" › entry: vanished: it was committed in [0-9a-f]{7}`));
    expect(r.output).not.toMatch(/Complete!/);
  }, 300_000);
});
