/**
 * The real pair: the CNN retelling against the CNN analysis, compared with a
 * hand annotation (tests/fixtures/align/real-cnn-retelling/annotation.json)
 * made by reading both texts. Paragraphs are named in the annotation by their
 * first words, so the comparison survives a re-split of the CNN text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { paragraphsOf } from '../../src/pipeline/load-sources.ts';
import { alignTexts, type AlignParagraph, type Alignment } from '../../src/pipeline/align.ts';
import { words } from '../../src/pipeline/normalise-text.ts';
import { containsRun } from '../../src/pipeline/align/text.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

interface Annotation {
  derivative: string;
  original: string;
  pairs: { derivative: string; original: string[]; optional?: string[] }[];
  dropped: string[];
}

const annotation = JSON.parse(
  readFileSync(join(FIXTURES, 'align/real-cnn-retelling/annotation.json'), 'utf8'),
) as Annotation;

const files = readSources(SEEDS, ROOT);
const paragraphsFor = (id: string): AlignParagraph[] => {
  const file = files.find((f) => f.entry.id === id);
  if (!file) throw new Error(`no source ${id}`);
  return paragraphsOf(file.text, { author: file.entry.author });
};

/** The one article paragraph whose words contain the key's words in sequence. */
function resolve(key: string, paragraphs: readonly AlignParagraph[]): string {
  const want = words(key);
  const hits = paragraphs.filter((p) => p.kind === 'article' && containsRun(words(p.text), want));
  if (hits.length !== 1) throw new Error(`annotation key "${key}" matches ${hits.length} paragraphs`);
  return hits[0]!.anchor;
}

interface Score {
  agreed: number;
  total: number;
  disagreements: string[];
  droppedRight: number;
  droppedMissed: string[];
  droppedWrong: string[];
}

/** Compares an alignment with the annotation, resolving keys in the given paragraphs. */
function score(alignment: Alignment, derivative: readonly AlignParagraph[], original: readonly AlignParagraph[]): Score {
  const textOf = (anchor: string) => [...derivative, ...original].find((p) => p.anchor === anchor)!.text.slice(0, 50);
  let agreed = 0;
  const disagreements: string[] = [];
  const optionalOnly = new Set<string>();
  const required = new Set<string>();
  for (const a of annotation.pairs) {
    const d = resolve(a.derivative, derivative);
    const want = new Set(a.original.map((k) => resolve(k, original)));
    const may = new Set((a.optional ?? []).map((k) => resolve(k, original)));
    want.forEach((o) => required.add(o));
    may.forEach((o) => optionalOnly.add(o));
    const got = new Set(alignment.pairs.find((p) => p.derivative === d)!.original);
    const ok = [...want].every((o) => got.has(o)) && [...got].every((o) => want.has(o) || may.has(o));
    if (ok) agreed++;
    else disagreements.push(`${textOf(d)}: got ${[...got].map(textOf).join(' | ') || 'nothing'}`);
  }
  required.forEach((o) => optionalOnly.delete(o));
  const expected = new Set(annotation.dropped.map((k) => resolve(k, original)));
  const got = new Set(alignment.dropped);
  return {
    agreed,
    total: annotation.pairs.length,
    disagreements,
    droppedRight: [...got].filter((o) => expected.has(o)).length,
    droppedMissed: [...expected].filter((o) => !got.has(o)).map(textOf),
    droppedWrong: [...got].filter((o) => !expected.has(o) && !optionalOnly.has(o)).map(textOf),
  };
}

const derivative = paragraphsFor(annotation.derivative);
const original = paragraphsFor(annotation.original);
const align = (orig: readonly AlignParagraph[]) =>
  alignTexts({
    derivative: { id: annotation.derivative, paragraphs: derivative },
    original: { id: annotation.original, paragraphs: orig },
    derivation: 'rewrite',
  });

// Levels measured when the aligner was written: 18 of 23 retelling paragraphs
// exactly as annotated; 10 of the 11 annotated dropped paragraphs listed (two
// of them subheadings), and 5 listed as dropped that the retelling does use
// (paraphrases too loose for word overlap). Since issue 22 (synonyms,
// clauses, subheadings not paragraphs): 8 of the 9 annotated dropped
// paragraphs, and 1 listed that the retelling uses (“After the fall of the
// Soviet Union …”, whose thread the retelling's “Orthodox unity” paraphrases).
// A change that makes the aligner worse on the real pair fails.
const MIN_AGREED = 18;
const MIN_DROPPED_RIGHT = 8;
const MAX_DROPPED_WRONG = 1;

describe('alignment of the CNN retelling with the CNN analysis', () => {
  const alignment = align(original);
  const s = score(alignment, derivative, original);

  test('the annotation names every retelling paragraph once, and each key resolves to one paragraph', () => {
    const annotated = annotation.pairs.map((a) => resolve(a.derivative, derivative));
    expect(new Set(annotated).size).toBe(annotated.length);
    expect(annotated.sort()).toEqual(derivative.filter((p) => p.kind === 'article').map((p) => p.anchor).sort());
  });

  test('one pair per retelling article paragraph, in order; furniture takes no part', () => {
    expect(alignment.pairs.map((p) => p.derivative)).toEqual(derivative.filter((p) => p.kind === 'article').map((p) => p.anchor));
    const articleAnchors = new Set(original.filter((p) => p.kind === 'article').map((p) => p.anchor));
    for (const p of alignment.pairs) for (const o of p.original) expect(articleAnchors.has(o)).toBe(true);
  });

  test(`agrees with the hand annotation on at least ${MIN_AGREED} of ${annotation.pairs.length} paragraphs`, () => {
    expect(s.agreed, s.disagreements.join('\n')).toBeGreaterThanOrEqual(MIN_AGREED);
  });

  test('lists the dropped paragraphs the annotation lists', () => {
    expect(s.droppedRight, `missed: ${s.droppedMissed.join(' | ')}`).toBeGreaterThanOrEqual(MIN_DROPPED_RIGHT);
    expect(s.droppedWrong.length, `wrongly dropped: ${s.droppedWrong.join(' | ')}`).toBeLessThanOrEqual(MAX_DROPPED_WRONG);
  });

  test('finds the changes the retelling is known for', () => {
    const flags = alignment.pairs.flatMap((p) => p.flags);
    const details = (type: string) => flags.filter((f) => f.type === type).map((f) => f.detail).join('\n');
    // “It was invited into the G7 … – renamed the G8 after it joined” → “joined the G8”: the original states the renaming.
    expect(details('number-changed')).not.toMatch(/G7.*G8/);
    // Spelling corrections are not new names.
    expect(details('name-changed')).not.toMatch(/Zelensky →|→ (?:\S+ )?Zelenskyy|“German Marshall Fund” is not in the original/);
    expect(details('strength-changed')).toMatch(/softened: “eliminated” → “addressed”/);
    expect(details('hedge-dropped')).toMatch(/“doesn’t mean” dropped: the original has “but that doesn't mean he has abandoned it\.”/);
    const added = details('claim-added');
    expect(added).toMatch(/repeatedly claimed its willingness to negotiate/);
    expect(added).toMatch(/attempting to manipulate the process/);
    expect(added).toMatch(/even if that means redrawing borders/);
    // “Despite battlefield setbacks, he has not given up on this objective” paraphrases “… doesn't mean he has abandoned it”.
    expect(added).not.toMatch(/given up/);
    expect(details('hedge-dropped')).toMatch(/“likely” dropped: the original has “This is likely why/);
    expect(details('quote-not-verbatim')).toMatch(/“historic Russia\.?” is not verbatim: the original quotes “historical Russia”/);
    // No speech spans were given, so attribution is not judged.
    expect(details('attribution-changed')).toBe('');
  });

  test('survives the announced split of the CNN paragraph "… believe in this.” But Putin has also framed …"', () => {
    const at = original.findIndex((p) => p.text.includes('But Putin has also framed'));
    expect(at).toBeGreaterThan(-1);
    const whole = original[at]!;
    const cut = whole.text.indexOf('But Putin has also framed');
    const parts: AlignParagraph[] = [
      { ...whole, anchor: `${whole.anchor}-a`, text: whole.text.slice(0, cut).trim() },
      { ...whole, anchor: `${whole.anchor}-b`, text: whole.text.slice(cut) },
    ];
    const split = [...original.slice(0, at), ...parts, ...original.slice(at + 1)];
    const t = score(align(split), derivative, split);
    expect(t.agreed, t.disagreements.join('\n')).toBeGreaterThanOrEqual(MIN_AGREED);
    expect(t.droppedRight).toBeGreaterThanOrEqual(MIN_DROPPED_RIGHT);
    expect(t.droppedWrong.length).toBeLessThanOrEqual(MAX_DROPPED_WRONG);
    // Each half goes to the retelling paragraph that uses it.
    const users = (anchor: string) => align(split).pairs.filter((p) => p.original.includes(anchor)).length;
    expect(users(parts[0]!.anchor)).toBeGreaterThan(0);
    expect(users(parts[1]!.anchor)).toBeGreaterThan(0);
  });
});


